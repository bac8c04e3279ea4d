import type { Metadata } from "next";
import Link from "next/link";
import { JobRow } from "~/app/(app)/admin/job-row.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { getServerClient } from "~/trpc/request.ts";
import { RefreshButton } from "./inbox/refresh-button.tsx";
import { devOnly } from "./load.ts";
import { SlowestTable } from "./slowest-table.tsx";
import { TraceList } from "./trace-list.tsx";

export const metadata: Metadata = { title: "Development dashboard", robots: { index: false } };
export const dynamic = "force-dynamic";

/** What the API did lately: requests with their traces, slow procedures, jobs and emails. */
export default async function DevDashboardPage() {
  const api = getServerClient();
  const [traces, slowest, jobs, inbox] = await devOnly(() =>
    Promise.all([
      api.dev.traces.query({ limit: 50 }),
      api.dev.slowest.query(),
      api.dev.jobs.query({ limit: 20 }),
      api.dev.inbox.query().catch(() => null),
    ]),
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Development dashboard"
        description="Recent requests and the jobs they caused, traced by the API server you are running. Outside production only."
        actions={<RefreshButton />}
      />
      <Card
        id="recent-traces"
        title="Recent requests"
        description="Newest first; open one for its waterfall."
      >
        {traces.length === 0 ? (
          <EmptyState title="No traces yet">Use the app, then refresh.</EmptyState>
        ) : (
          <TraceList traces={traces} />
        )}
      </Card>
      <Card
        id="slowest"
        title="Slowest procedures"
        description="From the traces kept, by 95th percentile."
      >
        {slowest.length === 0 ? (
          <EmptyState title="No procedure calls yet">They appear as requests arrive.</EmptyState>
        ) : (
          <SlowestTable rows={slowest} />
        )}
      </Card>
      <Card
        id="recent-jobs"
        title="Recent jobs"
        description="Each with its runs; a traced job links to its request's trace."
      >
        {jobs.jobs.length === 0 ? (
          <EmptyState title="No jobs yet">Sign up or export a project to cause one.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="dev-jobs">
            {jobs.jobs.map((job) => (
              <JobRow
                key={job.id}
                job={job}
                trace={
                  job.traceId ? (
                    <Link
                      href={`/dev/traces/${job.traceId}`}
                      className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                    >
                      The request&apos;s trace
                    </Link>
                  ) : null
                }
              />
            ))}
          </ul>
        )}
      </Card>
      <Card
        id="recent-emails"
        title="Recent emails"
        actions={
          <Link
            href="/dev/inbox"
            className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          >
            Open the inbox
          </Link>
        }
      >
        {inbox === null ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The development inbox is off (mail goes over SMTP or to the log).
          </p>
        ) : inbox.length === 0 ? (
          <EmptyState title="No emails yet">Sign up or ask for a password reset.</EmptyState>
        ) : (
          <ul className="space-y-1 text-sm">
            {inbox.slice(0, 10).map((message) => (
              <li key={message.id} className="truncate">
                <span className="font-medium">{message.subject}</span>{" "}
                <span className="text-zinc-500 dark:text-zinc-400">to {message.to}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
