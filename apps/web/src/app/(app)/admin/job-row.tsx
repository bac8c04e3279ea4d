import type { ReactNode } from "react";
import { Badge } from "~/components/ui/badge.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

type Job = RouterOutputs["admin"]["jobs"]["list"]["jobs"][number];

const stateTone = {
  pending: "neutral",
  queued: "neutral",
  running: "indigo",
  succeeded: "green",
  failed: "rose",
} as const;

/** One job and, folded, each attempt at it; `trace` is a link to its trace (on /dev). */
export function JobRow({ job, trace }: { job: Job; trace?: ReactNode }) {
  return (
    <li className="p-3" data-testid="job-row">
      <details className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none">
          <span className="font-mono text-zinc-500 dark:text-zinc-400">#{job.id}</span>
          <span className="font-medium">{job.type}</span>
          <Badge tone={stateTone[job.state]}>{job.state}</Badge>
          <span className="text-zinc-600 dark:text-zinc-400">
            <LocalTime date={job.createdAt} />
          </span>
          <span className="ml-auto text-zinc-500 dark:text-zinc-400">
            {job.runs.length} {job.runs.length === 1 ? "run" : "runs"}
            <span aria-hidden="true" className="ml-1 inline-block group-open:rotate-90">
              ›
            </span>
          </span>
        </summary>
        <div className="mt-2 space-y-1 text-sm">
          {job.requestId ? (
            <p className="text-zinc-600 dark:text-zinc-400">
              Request <span className="font-mono">{job.requestId}</span>
            </p>
          ) : null}
          {trace}
          {job.runs.length === 0 ? (
            <p className="text-zinc-600 dark:text-zinc-400">Not run yet.</p>
          ) : (
            <ol className="space-y-1">
              {job.runs.map((run) => (
                <li
                  key={run.id}
                  className="flex flex-wrap gap-x-3 text-zinc-700 dark:text-zinc-300"
                >
                  <span>Attempt {run.attempt}</span>
                  <span>{run.status}</span>
                  <LocalTime date={run.startedAt} />
                  {run.durationMs !== null ? <span>{run.durationMs} ms</span> : null}
                  {run.error ? (
                    <span className="basis-full font-mono text-xs break-all text-rose-700 dark:text-rose-300">
                      {run.error}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </div>
      </details>
    </li>
  );
}
