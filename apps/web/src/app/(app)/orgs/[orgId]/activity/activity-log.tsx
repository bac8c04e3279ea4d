"use client";

import { LoadMore } from "~/components/load-more.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { trpc } from "~/trpc/react.tsx";
import { ActivityItem } from "./activity-item.tsx";
import { ACTIVITY_PAGE_SIZE } from "./page-size.ts";

export function ActivityLog({ orgId }: { orgId: string }) {
  const [data, query] = trpc.activity.list.useSuspenseInfiniteQuery(
    { orgId, limit: ACTIVITY_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const items = data.pages.flatMap((page) => page.items);

  if (items.length === 0) {
    return <EmptyState title="Nothing has happened yet" />;
  }
  return (
    <div className="space-y-4">
      <ol
        data-testid="activity-list"
        className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/40"
      >
        {items.map((item) => (
          <ActivityItem key={item.id} item={item} />
        ))}
      </ol>
      <LoadMore
        query={query}
        errorTitle="More activity could not be loaded"
        endText="That is everything."
      />
    </div>
  );
}
