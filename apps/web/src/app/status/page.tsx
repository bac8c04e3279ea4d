import type { Metadata } from "next";
import { api, HydrateClient, prefetchOrThrow } from "~/trpc/server.ts";
import { StatusBoard } from "./status-board.tsx";
import { StatusHeading } from "./status-heading.tsx";

export const metadata: Metadata = { title: "Status" };

export default async function StatusPage() {
  // Rendered with data on the server; the client hydrates from this and only refetches on its timer.
  await prefetchOrThrow(api.system.health.prefetch(), api.system.info.prefetch());

  return (
    <div className="space-y-8">
      <StatusHeading />
      <HydrateClient>
        <StatusBoard />
      </HydrateClient>
    </div>
  );
}
