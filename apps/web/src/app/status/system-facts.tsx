import type { ReactNode } from "react";
import type { RouterOutputs } from "~/trpc/types.ts";

type SystemInfo = RouterOutputs["system"]["info"];

const modeLabels: Record<SystemInfo["mode"], string> = {
  embedded: "Embedded (PGlite, in-process Redis, S3/SQS emulator)",
  services: "Services (PostgreSQL, Redis, S3/SQS)",
  mixed: "Mixed (some embedded, some external)",
};

// Version, runtime and uptime are for platform admins only (system.runtime), never this public page.
export function SystemFacts({ info }: { info: SystemInfo }) {
  const facts: { id: string; term: string; value: ReactNode }[] = [
    { id: "name", term: "Product", value: info.name },
    { id: "mode", term: "Mode", value: modeLabels[info.mode] },
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
