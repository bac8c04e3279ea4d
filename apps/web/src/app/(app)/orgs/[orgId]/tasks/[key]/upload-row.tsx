"use client";

import { Button } from "~/components/ui/button.tsx";
import { formatFileSize } from "~/lib/upload.ts";
import type { UploadState } from "./use-attachment-uploads.ts";

const PHASES: Record<UploadState["phase"], string> = {
  starting: "Preparing…",
  uploading: "Uploading…",
  checking: "Checking the file…",
  failed: "Not attached",
};

/** One file on its way: a progress bar and Cancel, or why it was not attached. */
export function UploadRow({
  upload,
  onCancel,
  onDismiss,
}: {
  upload: UploadState;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const percent = upload.size > 0 ? Math.round((upload.loaded / upload.size) * 100) : 0;
  const failed = upload.phase === "failed";
  return (
    <li
      data-testid="attachment-upload"
      className={`rounded-xl border px-3 py-2 text-sm ${
        failed
          ? "border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-500/25 dark:bg-rose-500/10 dark:text-rose-100"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <div className="flex items-center justify-between gap-3">
        <p className="min-w-0 truncate">
          <span className="font-medium">{upload.fileName}</span>{" "}
          <span className="text-xs opacity-75">
            {formatFileSize(upload.size)} · {PHASES[upload.phase]}
          </span>
        </p>
        {failed ? (
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            Dismiss<span className="sr-only"> {upload.fileName}</span>
          </Button>
        ) : upload.phase !== "checking" ? (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel<span className="sr-only"> uploading {upload.fileName}</span>
          </Button>
        ) : null}
      </div>
      {failed ? (
        <p role="alert" className="mt-1">
          {upload.error ?? "The file could not be attached."}
        </p>
      ) : (
        <progress
          className="mt-2 h-1.5 w-full overflow-hidden rounded-full accent-indigo-600 [&::-moz-progress-bar]:bg-indigo-600 [&::-webkit-progress-bar]:bg-zinc-200 [&::-webkit-progress-value]:bg-indigo-600 dark:[&::-webkit-progress-bar]:bg-zinc-800"
          max={100}
          value={percent}
          aria-label={`Uploading ${upload.fileName}`}
          aria-valuetext={`${percent}%`}
        />
      )}
    </li>
  );
}
