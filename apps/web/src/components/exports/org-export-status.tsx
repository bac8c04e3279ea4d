"use client";

import { QueryError } from "~/components/query-error.tsx";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import { EXPORT_POLL_MS, isExportSettled } from "~/lib/exports.ts";
import { trpc } from "~/trpc/react.tsx";
import { ExportLink } from "./export-link.tsx";
import { ExportProgress } from "./export-progress.tsx";

/** A project export followed until it is ready (then its link) or failed. */
export function OrgExportStatus({ orgId, exportId }: { orgId: string; exportId: string }) {
  const download = trpc.export.download.useMutation();
  const query = trpc.export.get.useQuery(
    { orgId, exportId },
    {
      refetchInterval: (q) => (isExportSettled(q.state.data?.status) ? false : EXPORT_POLL_MS),
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
