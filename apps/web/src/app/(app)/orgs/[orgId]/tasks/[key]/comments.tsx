"use client";

import { LoadMore } from "~/components/load-more.tsx";
import { flattenPages } from "~/lib/board-order.ts";
import { trpc } from "~/trpc/react.tsx";
import { CommentForm } from "./comment-form.tsx";
import { CommentItem } from "./comment-item.tsx";
import { COMMENTS_PAGE_SIZE } from "./page-sizes.ts";

export function Comments({
  orgId,
  taskId,
  myUserId,
  canWrite,
  canModerate,
}: {
  orgId: string;
  taskId: string;
  myUserId: string;
  canWrite: boolean;
  canModerate: boolean;
}) {
  const [data, query] = trpc.comment.list.useSuspenseInfiniteQuery(
    { orgId, taskId, limit: COMMENTS_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const comments = flattenPages(data);

  return (
    <section aria-labelledby="comments-heading" className="space-y-4">
      <h2 id="comments-heading" className="text-base font-semibold tracking-tight">
        Comments{" "}
        <span className="font-normal text-zinc-500 tabular-nums dark:text-zinc-400">
          {comments.length}
          {query.hasNextPage ? "+" : ""}
        </span>
      </h2>
      {comments.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No comments yet.{canWrite ? " Start the conversation below." : ""}
        </p>
      ) : (
        <ol data-testid="comment-list" className="space-y-3">
          {comments.map((comment) => (
            <CommentItem
              key={comment.id}
              orgId={orgId}
              comment={comment}
              canChange={canWrite && (comment.authorId === myUserId || canModerate)}
            />
          ))}
        </ol>
      )}
      <LoadMore
        query={query}
        label="Load more comments"
        errorTitle="More comments could not be loaded"
      />
      {canWrite ? <CommentForm orgId={orgId} taskId={taskId} /> : null}
    </section>
  );
}
