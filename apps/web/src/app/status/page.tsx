import type { Metadata } from "next";
import { getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { StatusBoard } from "./status-board.tsx";
import { StatusHeading } from "./status-heading.tsx";

export const metadata: Metadata = { title: "Status" };

export default async function StatusPage() {
  // Rendered with data on the server; the client hydrates from this and only refetches on its timer.
  const api = getApi();
  await loadForPage(api.system.health.fetch(), api.system.info.fetch());

  return (
    <div className="space-y-8">
      <StatusHeading />
      <HydrateClient>
        <StatusBoard />
      </HydrateClient>
    </div>
  );
}
