import type { ReactNode } from "react";
import { formatDuration } from "~/lib/format.ts";
import type { RouterOutputs } from "~/trpc/types.ts";

type SystemInfo = RouterOutputs["system"]["info"];

const modeLabels: Record<SystemInfo["mode"], string> = {
  embedded: "Embedded (PGlite, in-process Redis, S3/SQS emulator)",
  services: "Services (PostgreSQL, Redis, S3/SQS)",
  mixed: "Mixed (some embedded, some external)",
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function SystemFacts({ info }: { info: SystemInfo }) {
  const facts: { id: string; term: string; value: ReactNode }[] = [
    { id: "version", term: "Version", value: `${info.name} ${info.version}` },
    { id: "mode", term: "Mode", value: modeLabels[info.mode] },
    { id: "environment", term: "Environment", value: info.environment },
    { id: "node", term: "Node.js", value: info.node },
    { id: "uptime", term: "Uptime", value: formatDuration(info.uptimeSeconds) },
    {
      id: "started",
      term: "Started",
      value: (
        // Server and browser may format in different time zones; the browser's rendering wins.
        <time dateTime={info.startedAt.toISOString()} suppressHydrationWarning>
          {dateTime.format(info.startedAt)}
        </time>
      ),
    },
  ];

  return (
    <dl className="grid gap-x-6 gap-y-4 rounded-xl border border-zinc-200 p-4 sm:grid-cols-2 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900/40">
      {facts.map(({ id, term, value }) => (
        <div key={id} className="min-w-0">
          <dt className="text-sm text-zinc-500 dark:text-zinc-400">{term}</dt>
          <dd data-testid={`info-${id}`} className="mt-0.5 text-sm font-medium">
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
