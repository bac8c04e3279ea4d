"use client";

import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";
import { ListCard } from "./list-card.tsx";

/** Messages the queue gave up on, each with "Retry", and "Retry all". */
export function DeadLettersCard() {
  const utils = trpc.useUtils();
  const list = trpc.admin.deadLetters.list.useQuery();
  const retry = trpc.admin.deadLetters.retry.useMutation({
    onSettled: () => utils.admin.invalidate(),
  });
  const messages = list.data?.messages ?? [];

  return (
    <ListCard
      id="dead-letters"
      title="Dead-letter queue"
      description="Jobs that failed on every attempt. Retry sends them back to the job queue once the cause is fixed."
      actions={
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
      }
      query={list}
      count={messages.length}
      emptyTitle="The dead-letter queue is empty"
      listTestId="dead-letters-list"
      skeletonClassName="h-16 w-full"
      above={
        <>
          {retry.isSuccess ? (
            <Alert tone="success">
              Moved {retry.data.moved} {retry.data.moved === 1 ? "message" : "messages"} back to the
              job queue.
            </Alert>
          ) : null}
          {retry.isError ? (
            <Alert tone="error">{describeApiError(retry.error).message}</Alert>
          ) : null}
        </>
      }
    >
      {messages.map((message) => (
        <li
          key={message.messageId}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 text-sm"
        >
          <span className="font-medium">{message.type ?? "Unreadable message"}</span>
          {message.jobId !== null ? (
            <span className="font-mono text-zinc-500 dark:text-zinc-400">job #{message.jobId}</span>
          ) : null}
          <span className="text-zinc-600 dark:text-zinc-400">{message.receiveCount} receives</span>
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
    </ListCard>
  );
}
