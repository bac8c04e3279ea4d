import type { Route } from "next";
import Link from "next/link";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { describeActivity } from "~/lib/activity.ts";
import type { RouterOutputs } from "~/trpc/types.ts";

type Entry = RouterOutputs["activity"]["list"]["items"][number];

export function ActivityItem({
  orgId,
  item,
  memberNames,
}: {
  orgId: string;
  item: Entry;
  memberNames: ReadonlyMap<string, string>;
}) {
  const { actor, text, task, after } = describeActivity(item, memberNames);
  return (
    <li
      data-testid="activity-entry"
      className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4"
    >
      {/* Addresses and titles can be long words: they wrap rather than widen the page. */}
      <p className="min-w-0 text-sm [overflow-wrap:anywhere]">
        <span className="font-medium">{actor}</span> {text}
        {task ? (
          <>
            {" "}
            {task.exists ? (
              <Link
                href={`/orgs/${orgId}/tasks/${task.key}` as Route}
                className="font-mono font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:underline dark:text-indigo-300"
              >
                {task.key}
              </Link>
            ) : (
              <span className="font-mono font-medium">{task.key}</span>
            )}
            {task.title ? <span> “{task.title}”</span> : null}
            {after ? ` ${after}` : null}
          </>
        ) : null}
      </p>
      <p className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
        <LocalTime date={item.createdAt} />
        {item.ip ? <span className="ml-2 font-mono">{item.ip}</span> : null}
      </p>
    </li>
  );
}
