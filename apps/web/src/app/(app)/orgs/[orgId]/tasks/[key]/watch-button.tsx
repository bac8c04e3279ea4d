"use client";

import { Button } from "~/components/ui/button.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";

/** Follow a task's comments, or stop: a pressed toggle that says which it is. */
export function WatchButton({ orgId, taskId }: { orgId: string; taskId: string }) {
  const utils = trpc.useUtils();
  const status = trpc.watch.status.useQuery({ orgId, taskId });
  const onSuccess = (next: { watching: boolean }) => {
    utils.watch.status.setData({ orgId, taskId }, next);
  };
  const watch = trpc.watch.watch.useMutation({ onSuccess });
  const unwatch = trpc.watch.unwatch.useMutation({ onSuccess });
  const failed = watch.error ?? unwatch.error;
  if (status.isError) return null;
  const watching = status.data?.watching ?? false;
  return (
    <div className="space-y-1">
      <Button
        size="sm"
        variant="secondary"
        aria-pressed={watching}
        disabled={status.isPending}
        pending={watch.isPending || unwatch.isPending}
        onClick={() => {
          (watching ? unwatch : watch).mutate({ orgId, taskId });
        }}
        data-testid="watch-toggle"
      >
        {status.isPending ? "Watch" : watching ? "Watching" : "Watch"}
      </Button>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {watching ? "You are told about new comments." : "Watch to be told about new comments."}
      </p>
      {failed ? (
        <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {describeApiError(failed).message}
        </p>
      ) : null}
    </div>
  );
}
