"use client";

import { useState } from "react";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { ConfirmDialog } from "~/components/ui/confirm-dialog.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { formatFileSize } from "~/lib/upload.ts";
import { trpc } from "~/trpc/react.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

type Attachment = RouterOutputs["attachment"]["list"]["items"][number];

/** One attached file: its thumbnail (or an icon), name, size and who attached it. */
export function AttachmentItem({
  orgId,
  attachment,
  canDelete,
}: {
  orgId: string;
  attachment: Attachment;
  canDelete: boolean;
}) {
  const utils = trpc.useUtils();
  const [isDeleting, setIsDeleting] = useState(false);
  const [downloadError, setDownloadError] = useState<string | undefined>();
  const [isDownloading, setIsDownloading] = useState(false);
  const remove = trpc.attachment.delete.useMutation({
    onSuccess: async () => {
      setIsDeleting(false);
      await Promise.all([
        utils.attachment.list.invalidate({ orgId, taskId: attachment.taskId }),
        utils.task.activity.invalidate({ orgId, taskId: attachment.taskId }),
      ]);
    },
  });

  const download = async () => {
    setDownloadError(undefined);
    setIsDownloading(true);
    try {
      // A fresh short-lived link each time; storage sends the file as a download, so the page stays.
      const { url } = await utils.attachment.download.fetch(
        { orgId, attachmentId: attachment.id },
        { staleTime: 0 },
      );
      window.location.assign(url);
    } catch (error) {
      setDownloadError(describeApiError(error).message);
    } finally {
      setIsDownloading(false);
    }
  };

  return (
    <li
      data-testid="attachment"
      className="flex items-center gap-3 rounded-xl border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <Preview orgId={orgId} attachment={attachment} />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" title={attachment.fileName}>
          {attachment.fileName}
        </p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {formatFileSize(attachment.size)}
          {attachment.width && attachment.height
            ? ` · ${attachment.width}×${attachment.height}`
            : ""}{" "}
          · {attachment.uploaderName ?? "A former member"} ·{" "}
          <LocalTime date={attachment.createdAt} />
        </p>
        {downloadError ? (
          <p role="alert" className="mt-1 text-xs text-rose-700 dark:text-rose-300">
            {downloadError}
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 flex-col gap-1 sm:flex-row">
        <Button size="sm" variant="ghost" pending={isDownloading} onClick={() => void download()}>
          Download<span className="sr-only"> {attachment.fileName}</span>
        </Button>
        {canDelete ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              remove.reset();
              setIsDeleting(true);
            }}
          >
            Delete<span className="sr-only"> {attachment.fileName}</span>
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={isDeleting}
        title={`Delete ${attachment.fileName}?`}
        confirmLabel="Delete file"
        pending={remove.isPending}
        onCancel={() => {
          setIsDeleting(false);
        }}
        onConfirm={() => {
          remove.mutate({ orgId, attachmentId: attachment.id });
        }}
      >
        <p>The file is removed for everyone. This cannot be undone.</p>
        {remove.isError ? (
          <Alert tone="error">{describeApiError(remove.error).message}</Alert>
        ) : null}
      </ConfirmDialog>
    </li>
  );
}

/** The thumbnail once the image has one; otherwise an icon naming the file's kind. */
function Preview({ orgId, attachment }: { orgId: string; attachment: Attachment }) {
  const thumbnail = trpc.attachment.download.useQuery(
    { orgId, attachmentId: attachment.id, variant: "thumbnail" },
    { enabled: attachment.hasThumbnail, staleTime: 30_000, refetchOnWindowFocus: false },
  );
  if (attachment.hasThumbnail && thumbnail.data) {
    return (
      // A presigned storage URL: next/image's optimizer would fetch it server-side and cache it
      // past its expiry, so a plain img.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={thumbnail.data.url}
        alt=""
        data-testid="attachment-thumbnail"
        className="size-12 shrink-0 rounded-lg bg-zinc-100 object-cover dark:bg-zinc-800"
      />
    );
  }
  const extension = attachment.fileName.includes(".")
    ? attachment.fileName.split(".").pop()!.slice(0, 4).toUpperCase()
    : attachment.contentType.split("/")[0]!.slice(0, 4).toUpperCase();
  return (
    <div
      aria-hidden="true"
      className={`flex size-12 shrink-0 items-center justify-center rounded-lg bg-zinc-100 text-[0.65rem] font-semibold text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300 ${
        attachment.thumbnailPending ? "animate-pulse" : ""
      }`}
    >
      {extension}
    </div>
  );
}
