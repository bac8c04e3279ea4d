import { StatusHeading } from "./status-heading.tsx";

const placeholderRows = ["database", "redis", "storage", "queue"];

export default function StatusLoading() {
  return (
    <div className="space-y-8" aria-busy="true">
      <StatusHeading />
      <p className="sr-only" role="status">
        Checking services…
      </p>
      <div className="h-[74px] animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {placeholderRows.map((row) => (
          <li key={row} className="flex items-center gap-4 px-5 py-4">
            <div className="flex-1 space-y-2">
              <div className="h-4 w-28 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
              <div className="h-3 w-44 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />
            </div>
            <div className="h-5 w-12 animate-pulse rounded-full bg-zinc-100 dark:bg-zinc-900" />
          </li>
        ))}
      </ul>
    </div>
  );
}
