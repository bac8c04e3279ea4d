"use client";

import { useEffect, useState } from "react";
import { NO_STARTING_RETRY } from "~/trpc/retry-options.ts";
import type { RouterOutputs } from "~/trpc/types.ts";
import { loadBrowserClient } from "~/trpc/use-api-mutation.ts";
import { LastChecked } from "./last-checked.tsx";
import { OverallStatus } from "./overall-status.tsx";
import { ServiceRow } from "./service-row.tsx";
import { SystemFacts } from "./system-facts.tsx";

/** How often the page asks the API again; the first result comes from the server render. */
const STATUS_REFRESH_MS = 5_000;

type Health = RouterOutputs["system"]["health"];
type Info = RouterOutputs["system"]["info"];

/**
 * The health board. A public page, so without React Query: it renders what the server fetched
 * and asks again on a timer with the plain client (loaded after the page). The interval is the
 * retry: a failed refresh shows as "unreachable" at once, with no retries while the API starts.
 */
export function StatusBoard({
  initialHealth,
  initialInfo,
}: {
  initialHealth: Health;
  initialInfo: Info;
}) {
  const [health, setHealth] = useState(initialHealth);
  const [info, setInfo] = useState(initialInfo);
  const [isFetching, setIsFetching] = useState(false);
  const [isUnreachable, setIsUnreachable] = useState(false);

  useEffect(() => {
    let active = true;
    const refresh = async () => {
      // As React Query's refetchInterval: not while the tab is in the background.
      if (document.hidden) return;
      setIsFetching(true);
      try {
        const api = await loadBrowserClient();
        const options = { context: NO_STARTING_RETRY };
        const [nextHealth, nextInfo] = await Promise.all([
          api.system.health.query(undefined, options),
          api.system.info.query(undefined, options),
        ]);
        if (!active) return;
        setHealth(nextHealth);
        setInfo(nextInfo);
        setIsUnreachable(false);
      } catch {
        if (active) setIsUnreachable(true);
      } finally {
        if (active) setIsFetching(false);
      }
    };
    const timer = setInterval(() => void refresh(), STATUS_REFRESH_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <div className="space-y-8">
      <OverallStatus status={isUnreachable ? "unreachable" : health.status} />

      <section aria-labelledby="services-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="services-heading" className="text-lg font-semibold tracking-tight">
            Services
          </h2>
          <LastChecked at={health.checkedAt} isFetching={isFetching} />
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
