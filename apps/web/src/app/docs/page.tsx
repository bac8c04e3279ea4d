import type { Metadata } from "next";
import { ApiReference } from "./api-reference.tsx";
import { DocsNav } from "./docs-nav.tsx";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">API reference</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Every procedure of the API, generated from the router itself (the same document the API
          server serves at <code>/openapi.json</code>).
        </p>
        <DocsNav current="/docs" />
      </header>
      <ApiReference />
    </div>
  );
}
