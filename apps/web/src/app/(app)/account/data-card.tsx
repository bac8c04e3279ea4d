"use client";

import { ExportLink } from "~/components/exports/export-link.tsx";
import { ExportProgress } from "~/components/exports/export-progress.tsx";
import { QueryError } from "~/components/query-error.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { isExportSettled } from "~/lib/exports.ts";
import { trpc } from "~/trpc/react.tsx";

/** "Download my data": one JSON file of everything the person wrote, in every organization. */
export function DataCard() {
  const utils = trpc.useUtils();
  const exports = trpc.account.exportList.useQuery();
  // Progress arrives on the person's own stream (no polling) while an export is under way; each
  // step refreshes the list, and so does the stream's start (it may have moved on meanwhile).
  const refresh = () => void utils.account.exportList.invalidate();
  trpc.live.me.useSubscription(undefined, {
    enabled: exports.data?.some((e) => !isExportSettled(e.status)) ?? false,
    onStarted: refresh,
    onData: ({ data }) => {
      if (data.type === "job.progress" && data.kind === "export") refresh();
    },
  });
  const start = trpc.account.exportData.useMutation({
    onSuccess: () => utils.account.exportList.invalidate(),
  });
  const download = trpc.account.exportDownload.useMutation();

  return (
    <Card
      id="your-data"
      title="Your data"
      description="A JSON file of your profile, memberships and everything you created: projects, tasks, comments, API tokens (never their secrets) and your activity. The link is emailed to you too."
      actions={
        <Button
          variant="secondary"
          size="sm"
          pending={start.isPending}
          onClick={() => {
            start.mutate({});
          }}
        >
          Download my data
        </Button>
      }
    >
      <div className="space-y-3">
        {start.isError ? <Alert tone="error">{describeApiError(start.error).message}</Alert> : null}
        {exports.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : exports.isError ? (
          <QueryError error={exports.error} onRetry={() => void exports.refetch()} />
        ) : exports.data.length === 0 ? (
          <EmptyState title="No exports yet">
            Your exports appear here for a week after you make them.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {exports.data.map((view) => (
              <li key={view.id} className="space-y-3 p-3">
                <ExportProgress view={view} />
                {view.status === "ready" && !view.expired ? (
                  <ExportLink
                    exportId={view.id}
                    fileName={view.fileName}
                    load={() => download.mutateAsync({ exportId: view.id })}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
