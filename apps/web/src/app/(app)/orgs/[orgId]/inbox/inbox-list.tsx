"use client";

import { LoadMore } from "~/components/load-more.tsx";
import { QueryError } from "~/components/query-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { trpc } from "~/trpc/react.tsx";
import { NotificationItem } from "./notification-item.tsx";
import { INBOX_PAGE_SIZE } from "./page-size.ts";

/** After a change, the list and the bell read their server state again. */
export function useInboxRefresh(orgId: string) {
  const utils = trpc.useUtils();
  return () =>
    Promise.all([
      utils.notification.list.invalidate({ orgId }),
      utils.notification.unreadCount.invalidate({ orgId }),
    ]);
}

export function InboxList({ orgId }: { orgId: string }) {
  const [data, query] = trpc.notification.list.useSuspenseInfiniteQuery(
    { orgId, limit: INBOX_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const refresh = useInboxRefresh(orgId);
  const markAll = trpc.notification.markAllRead.useMutation({ onSuccess: refresh });
  const items = data.pages.flatMap((page) => page.items);
  const hasUnread = items.some((item) => !item.readAt);

  if (items.length === 0) {
    return (
      <EmptyState title="Nothing here yet">
        You are told here when a task is assigned to you, when someone @mentions you, and when
        someone comments on a task you follow.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Button
          size="sm"
          variant="secondary"
          disabled={!hasUnread}
          pending={markAll.isPending}
          onClick={() => {
            markAll.mutate({ orgId });
          }}
        >
          Mark all read
        </Button>
      </div>
      {markAll.isError ? (
        <QueryError error={markAll.error} title="Could not mark everything read" />
      ) : null}
      <ol
        data-testid="inbox-list"
        className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/40"
      >
        {items.map((item) => (
          <NotificationItem key={item.id} orgId={orgId} item={item} onChanged={refresh} />
        ))}
      </ol>
      <LoadMore
        query={query}
        errorTitle="More notifications could not be loaded"
        endText="That is everything."
      />
    </div>
  );
}
