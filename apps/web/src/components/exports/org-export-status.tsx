"use client";

import { QueryError } from "~/components/query-error.tsx";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import { isExportSettled } from "~/lib/exports.ts";
import { trpc } from "~/trpc/react.tsx";
import { ExportLink } from "./export-link.tsx";
import { ExportProgress } from "./export-progress.tsx";

/** A project export followed until it is ready (then its link) or failed. */
export function OrgExportStatus({ orgId, exportId }: { orgId: string; exportId: string }) {
  const download = trpc.export.download.useMutation();
  const utils = trpc.useUtils();
  const query = trpc.export.get.useQuery({ orgId, exportId });
  // Progress arrives as events (no polling); each one refreshes the export's row, and so does
  // the stream's start (the export may have moved on before it was listening).
  const refresh = () => void utils.export.get.invalidate({ orgId, exportId });
  trpc.live.job.useSubscription(
    { orgId, kind: "export", id: exportId },
    {
      enabled: query.data !== undefined && !isExportSettled(query.data.status),
      onStarted: refresh,
      onData: refresh,
    },
  );
  if (query.isPending) return <Skeleton className="h-16 w-full" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;
  return (
    <div className="space-y-3">
      <ExportProgress view={view} />
      {view.status === "ready" && !view.expired ? (
        <ExportLink
          exportId={exportId}
          fileName={view.fileName}
          load={() => download.mutateAsync({ orgId, exportId })}
        />
      ) : null}
    </div>
  );
}
