"use client";

import { QueryError } from "~/components/query-error.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";

/** Messages the queue gave up on, each with "Retry", and "Retry all". */
export function DeadLettersCard() {
  const utils = trpc.useUtils();
  const list = trpc.admin.deadLetters.list.useQuery();
  const retry = trpc.admin.deadLetters.retry.useMutation({
    onSettled: () => utils.admin.invalidate(),
  });
  const messages = list.data?.messages ?? [];

  return (
    <Card
      id="dead-letters"
      title="Dead-letter queue"
      description="Jobs that failed on every attempt. Retry sends them back to the job queue once the cause is fixed."
      actions={
        <div className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            pending={list.isRefetching}
            onClick={() => void list.refetch()}
          >
            Refresh
          </Button>
          <Button
            size="sm"
            disabled={messages.length === 0}
            pending={retry.isPending && retry.variables && "all" in retry.variables}
            onClick={() => {
              retry.mutate({ all: true });
            }}
          >
            Retry all
          </Button>
        </div>
      }
    >
      <div className="space-y-3">
        {retry.isSuccess ? (
          <Alert tone="success">
            Moved {retry.data.moved} {retry.data.moved === 1 ? "message" : "messages"} back to the
            job queue.
          </Alert>
        ) : null}
        {retry.isError ? <Alert tone="error">{describeApiError(retry.error).message}</Alert> : null}
        {list.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : messages.length === 0 ? (
          <EmptyState title="The dead-letter queue is empty" />
        ) : (
          <ul
            data-testid="dead-letters-list"
            className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          >
            {messages.map((message) => (
              <li
                key={message.messageId}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 text-sm"
              >
                <span className="font-medium">{message.type ?? "Unreadable message"}</span>
                {message.jobId !== null ? (
                  <span className="font-mono text-zinc-500 dark:text-zinc-400">
                    job #{message.jobId}
                  </span>
                ) : null}
                <span className="text-zinc-600 dark:text-zinc-400">
                  {message.receiveCount} receives
                </span>
                {message.preview ? (
                  <span className="basis-full font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
                    {message.preview}
                  </span>
                ) : null}
                <Button
                  className="ml-auto"
                  variant="secondary"
                  size="sm"
                  aria-label={`Retry ${message.type ?? "message"} ${message.jobId ?? message.messageId}`}
                  pending={
                    retry.isPending &&
                    retry.variables !== undefined &&
                    "messageId" in retry.variables &&
                    retry.variables.messageId === message.messageId
                  }
                  onClick={() => {
                    retry.mutate({ messageId: message.messageId });
                  }}
                >
                  Retry
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
