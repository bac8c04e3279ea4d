import type { Metadata } from "next";
import { fetchForPage, getServerClient } from "~/trpc/request.ts";
import { StatusBoard } from "./status-board.tsx";
import { StatusHeading } from "./status-heading.tsx";

export const metadata: Metadata = { title: "Status" };

export default async function StatusPage() {
  // Rendered with data on the server; the browser only asks again on its timer.
  const api = getServerClient();
  const [health, info] = await fetchForPage(
    Promise.all([api.system.health.query(), api.system.info.query()]),
  );

  return (
    <div className="space-y-8">
      <StatusHeading />
      <StatusBoard initialHealth={health} initialInfo={info} />
    </div>
  );
}
