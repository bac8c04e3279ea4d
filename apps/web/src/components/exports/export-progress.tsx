import { Badge } from "~/components/ui/badge.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { formatBytes } from "~/lib/exports.ts";
import type { RouterOutputs } from "~/trpc/types.ts";

export type ExportView = RouterOutputs["export"]["get"];

const statusTone = {
  queued: "neutral",
  running: "indigo",
  ready: "green",
  failed: "rose",
} as const;
const statusLabel = { queued: "Queued", running: "Exporting", ready: "Ready", failed: "Failed" };

/** An export's status and progress: a labelled progress bar while it runs. */
export function ExportProgress({ view }: { view: ExportView }) {
  const total = view.rowsTotal ?? 0;
  const percent =
    view.status === "ready" ? 100 : total > 0 ? Math.floor((view.rowsDone / total) * 100) : 0;
  return (
    <div className="space-y-2" data-testid="export-progress">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium break-all">{view.fileName}</span>
        <Badge tone={view.expired ? "amber" : statusTone[view.status]} testId="export-status">
          {view.expired ? "Expired" : statusLabel[view.status]}
        </Badge>
      </div>
      {view.status === "queued" || view.status === "running" ? (
        <>
          <div
            role="progressbar"
            aria-label={`Export of ${view.fileName}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
          >
            <div
              className="h-full rounded-full bg-indigo-600 transition-[width] dark:bg-indigo-400"
              style={{ width: `${percent}%` }}
            />
          </div>
          <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
            {view.status === "queued"
              ? (view.error ?? "Waiting for a worker…")
              : `${view.rowsDone.toLocaleString("en")} of ${total.toLocaleString("en")} rows`}
          </p>
        </>
      ) : null}
      {view.status === "ready" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {view.rowsDone.toLocaleString("en")} rows
          {view.sizeBytes !== null ? `, ${formatBytes(view.sizeBytes)}` : ""}. Available until{" "}
          <LocalTime date={view.expiresAt} />.
        </p>
      ) : null}
      {view.status === "failed" ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {view.error}
        </p>
      ) : null}
    </div>
  );
}
