"use client";

import { LoadMore } from "~/components/load-more.tsx";
import { useMemberOptions } from "~/components/tasks/use-member-options.ts";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { describeTaskEvent } from "~/lib/task-activity.ts";
import { trpc } from "~/trpc/react.tsx";
import { HISTORY_PAGE_SIZE } from "./page-sizes.ts";

/** The task's history (the API opens the activity log to admins only). */
export function TaskHistory({
  orgId,
  taskId,
  canRead,
}: {
  orgId: string;
  taskId: string;
  canRead: boolean;
}) {
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-base font-semibold tracking-tight">
        History
      </h2>
      {canRead ? (
        <HistoryList orgId={orgId} taskId={taskId} />
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="history-hidden">
          Your role cannot see this task’s history.
        </p>
      )}
    </section>
  );
}

function HistoryList({ orgId, taskId }: { orgId: string; taskId: string }) {
  const members = useMemberOptions(orgId);
  const [data, query] = trpc.task.activity.useSuspenseInfiniteQuery(
    { orgId, taskId, limit: HISTORY_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const entries = data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing has happened yet.</p>;
  }
  return (
    <div className="space-y-3">
      <ol
        data-testid="task-history"
        className="space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-800"
      >
        {entries.map((entry) => {
          const event = describeTaskEvent(entry, members.names);
          const actor = entry.actorName ?? "Someone";
          return (
            <li key={entry.id} className="relative text-sm">
              <span
                aria-hidden="true"
                className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-zinc-300 ring-4 ring-white dark:bg-zinc-600 dark:ring-zinc-950"
              />
              <p>
                <span className="font-medium">
                  {entry.tokenName ? `${actor} (token “${entry.tokenName}”)` : actor}
                </span>{" "}
                {event.summary}{" "}
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  · <LocalTime date={entry.createdAt} />
                </span>
              </p>
              {event.changes.length > 0 ? (
                <ul className="mt-1 space-y-0.5 text-zinc-600 dark:text-zinc-400">
                  {event.changes.map((change) => (
                    <li key={change.field} className="break-words">
                      <span className="font-medium text-zinc-700 dark:text-zinc-300">
                        {change.field}
                      </span>
                      {change.from || change.to ? (
                        <>
                          : {change.from} <span aria-label="changed to">→</span> {change.to}
                        </>
                      ) : (
                        " changed"
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      <LoadMore query={query} label="Show older" errorTitle="Older history could not be loaded" />
    </div>
  );
}
