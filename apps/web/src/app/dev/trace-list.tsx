import Link from "next/link";
import { Badge } from "~/components/ui/badge.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

type Trace = RouterOutputs["dev"]["traces"][number];

export function TraceList({ traces }: { traces: Trace[] }) {
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="dev-traces">
      {traces.map((trace) => (
        <li key={trace.traceId} data-testid="dev-trace">
          <Link
            href={`/dev/traces/${trace.traceId}`}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded px-1 py-2 text-sm hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:hover:bg-zinc-800/50"
          >
            <span className="min-w-0 flex-1 truncate font-mono">{trace.name}</span>
            {trace.hasError ? <Badge tone="rose">error</Badge> : null}
            <span className="text-zinc-500 dark:text-zinc-400">
              {trace.spanCount} {trace.spanCount === 1 ? "span" : "spans"}
            </span>
            <span className="w-24 text-right whitespace-nowrap tabular-nums">
              {trace.durationMs.toFixed(1)} ms
            </span>
            <span className="text-zinc-500 dark:text-zinc-400">
              <LocalTime date={new Date(trace.startMs)} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
