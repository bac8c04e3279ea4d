import { LocalTime } from "~/components/ui/local-time.tsx";
import { describeActivity } from "~/lib/activity.ts";
import type { RouterOutputs } from "~/trpc/types.ts";

type Entry = RouterOutputs["activity"]["list"]["items"][number];

export function ActivityItem({ item }: { item: Entry }) {
  const { actor, text } = describeActivity(item);
  return (
    <li className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
      <p className="min-w-0 text-sm">
        <span className="font-medium">{actor}</span> {text}
      </p>
      <p className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
        <LocalTime date={item.createdAt} />
        {item.ip ? <span className="ml-2 font-mono">{item.ip}</span> : null}
      </p>
    </li>
  );
}
