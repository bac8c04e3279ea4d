import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireMe } from "~/trpc/session.ts";
import { DeadLettersCard } from "./dead-letters-card.tsx";
import { JobsCard } from "./jobs-card.tsx";

export const metadata: Metadata = { title: "Platform admin" };

/** Platform administrators only: everyone else gets the same 404 as for a page that is not there. */
export default async function AdminPage() {
  const me = await requireMe();
  if (!me.user.isPlatformAdmin || me.via !== "session") notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Platform admin"
        description="Background jobs across every organization: what ran, what failed, and what gave up."
      />
      <DeadLettersCard />
      <JobsCard id="failed-jobs" title="Failed jobs" failedOnly />
      <JobsCard id="recent-jobs" title="Recent jobs" />
    </div>
  );
}
