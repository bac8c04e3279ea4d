"use client";

import type { ReactNode } from "react";
import { QueryError } from "~/components/query-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Skeleton } from "~/components/ui/skeleton.tsx";

/**
 * The admin page's list cards: a Refresh button (beside any other actions), then the loading,
 * error, empty or list state of one query; `above` and `below` frame the list.
 */
export function ListCard({
  id,
  title,
  description,
  actions,
  query,
  count,
  emptyTitle,
  listTestId,
  skeletonClassName = "h-24 w-full",
  above,
  below,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  actions?: ReactNode;
  query: {
    isPending: boolean;
    isError: boolean;
    isRefetching: boolean;
    error: unknown;
    refetch(): unknown;
  };
  /** Items loaded: an error is shown in place of the list only when there are none. */
  count: number;
  emptyTitle: string;
  listTestId: string;
  skeletonClassName?: string;
  above?: ReactNode;
  below?: ReactNode;
  /** The list's `<li>` rows. */
  children: ReactNode;
}) {
  return (
    <Card
      id={id}
      title={title}
      description={description}
      actions={
        <div className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            pending={query.isRefetching}
            onClick={() => void query.refetch()}
          >
            Refresh
          </Button>
          {actions}
        </div>
      }
    >
      <div className="space-y-3">
        {above}
        {query.isPending ? (
          <Skeleton className={skeletonClassName} />
        ) : query.isError && count === 0 ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : count === 0 ? (
          <EmptyState title={emptyTitle} />
        ) : (
          <ul
            data-testid={listTestId}
            className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          >
            {children}
          </ul>
        )}
        {below}
      </div>
    </Card>
  );
}
