import { formatLatency } from "~/lib/format.ts";
import type { RouterOutputs } from "~/trpc/types.ts";
import { StatusBadge } from "./status-badge.tsx";

type Service = RouterOutputs["system"]["health"]["services"][number];

const serviceLabels: Record<Service["name"], string> = {
  database: "Database",
  redis: "Redis",
  storage: "Object storage",
  queue: "Job queue",
};

export function ServiceRow({ service }: { service: Service }) {
  return (
    <li
      data-testid={`service-${service.name}`}
      data-status={service.status}
      className="flex items-start justify-between gap-4 px-4 py-3.5 sm:items-center sm:px-5"
    >
      <div className="min-w-0 flex-1">
        <p className="font-medium">{serviceLabels[service.name]}</p>
        <p className="truncate text-sm text-zinc-500 dark:text-zinc-400">{service.detail}</p>
        {service.error ? (
          <p className="mt-1 text-sm break-words text-rose-700 dark:text-rose-300">
            {service.error}
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 flex-col-reverse items-end gap-1 sm:flex-row sm:items-center sm:gap-3">
        <span
          className="font-mono text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
          title="Round-trip time of the health check"
        >
          {formatLatency(service.latencyMs)}
        </span>
        <StatusBadge status={service.status} />
      </div>
    </li>
  );
}
