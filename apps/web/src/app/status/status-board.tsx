"use client";

import { NO_STARTING_RETRY } from "~/trpc/links.ts";
import { trpc } from "~/trpc/react.tsx";
import { LastChecked } from "./last-checked.tsx";
import { OverallStatus } from "./overall-status.tsx";
import { ServiceRow } from "./service-row.tsx";
import { SystemFacts } from "./system-facts.tsx";

/** How often the page asks the API again; the first result comes from the server render. */
const STATUS_REFRESH_MS = 5_000;

// The interval is the retry: a failed refresh shows as "unreachable" at once instead of after
// React Query's default three retries with backoff, or the link's retries while the API starts.
const refreshOptions = {
  refetchInterval: STATUS_REFRESH_MS,
  retry: false,
  trpc: { context: NO_STARTING_RETRY },
} as const;

export function StatusBoard() {
  const [health, healthQuery] = trpc.system.health.useSuspenseQuery(undefined, refreshOptions);
  const [info] = trpc.system.info.useSuspenseQuery(undefined, refreshOptions);
  const isUnreachable = healthQuery.isRefetchError;

  return (
    <div className="space-y-8">
      <OverallStatus status={isUnreachable ? "unreachable" : health.status} />

      <section aria-labelledby="services-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="services-heading" className="text-lg font-semibold tracking-tight">
            Services
          </h2>
          <LastChecked at={health.checkedAt} isFetching={healthQuery.isFetching} />
        </div>
        <ul
          className={`divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/40 ${isUnreachable ? "opacity-60" : ""}`}
        >
          {health.services.map((service) => (
            <ServiceRow key={service.name} service={service} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="system-heading" className="space-y-3">
        <h2 id="system-heading" className="text-lg font-semibold tracking-tight">
          System
        </h2>
        <SystemFacts info={info} />
      </section>
    </div>
  );
}
