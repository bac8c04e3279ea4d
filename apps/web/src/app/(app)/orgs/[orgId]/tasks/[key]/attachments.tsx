"use client";

import { useEffect, useEffectEvent, useId, useRef, useState, type DragEvent } from "react";
import { LoadMore } from "~/components/load-more.tsx";
import { QueryError } from "~/components/query-error.tsx";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import { flattenPages } from "~/lib/board-order.ts";
import { trpc } from "~/trpc/react.tsx";
import { AttachmentItem } from "./attachment-item.tsx";
import { UploadRow } from "./upload-row.tsx";
import { useAttachmentUploads } from "./use-attachment-uploads.ts";

const PAGE_SIZE = 20;

/** A task's files: pick or drop files to attach them, then see, download or delete them. */
export function Attachments({
  orgId,
  taskId,
  myUserId,
  canAttach,
  canManage,
}: {
  orgId: string;
  taskId: string;
  myUserId: string;
  /** May attach files (and delete their own). */
  canAttach: boolean;
  /** May delete anyone's files. */
  canManage: boolean;
}) {
  const query = trpc.attachment.list.useInfiniteQuery(
    { orgId, taskId, limit: PAGE_SIZE },
    // A thumbnail made in the background arrives as the job's progress event (the page's
    // live.task refetches this list), not by asking again.
    { getNextPageParam: (page) => page.nextCursor },
  );
  const attachments = flattenPages(query.data);
  const { uploads, upload, cancel, dismiss } = useAttachmentUploads(orgId, taskId);
  const [isDragging, setIsDragging] = useState(false);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  // Files picked before the page hydrated raised a change event no handler heard: they wait in
  // the input, and go up now.
  const uploadPicked = useEffectEvent(() => {
    const picker = input.current;
    if (!picker?.files || picker.files.length === 0) return;
    upload(picker.files);
    picker.value = "";
  });
  useEffect(() => {
    uploadPicked();
  }, []);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDragging(false);
    if (canAttach && event.dataTransfer.files.length > 0) upload(event.dataTransfer.files);
  };

  return (
    <section aria-labelledby="attachments-heading" className="space-y-3">
      <h2 id="attachments-heading" className="text-base font-semibold tracking-tight">
        Files{" "}
        {query.data ? (
          <span className="font-normal text-zinc-500 tabular-nums dark:text-zinc-400">
            {attachments.length}
            {query.hasNextPage ? "+" : ""}
          </span>
        ) : null}
      </h2>
      {canAttach ? (
        <div
          data-testid="attachment-dropzone"
          onDragOver={(event) => {
            event.preventDefault();
            setIsDragging(true);
          }}
          onDragLeave={() => {
            setIsDragging(false);
          }}
          onDrop={onDrop}
          className={`flex flex-wrap items-center gap-3 rounded-xl border border-dashed px-4 py-3 text-sm transition-colors ${
            isDragging
              ? "border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-500/10"
              : "border-zinc-300 dark:border-zinc-700"
          }`}
        >
          <input
            ref={input}
            id={inputId}
            type="file"
            multiple
            className="peer sr-only"
            onChange={(event) => {
              if (event.target.files) upload(event.target.files);
              event.target.value = "";
            }}
          />
          <label
            htmlFor={inputId}
            className="cursor-pointer rounded-lg border border-zinc-300 bg-white px-2.5 py-1 font-medium shadow-sm peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            Attach files
          </label>
          <span className="text-zinc-500 dark:text-zinc-400">or drop them here</span>
        </div>
      ) : null}
      {uploads.length > 0 ? (
        <ul aria-label="Uploads" className="space-y-2">
          {uploads.map((state) => (
            <UploadRow
              key={state.key}
              upload={state}
              onCancel={() => cancel(state.key)}
              onDismiss={() => {
                dismiss(state.key);
              }}
            />
          ))}
        </ul>
      ) : null}
      {query.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading files">
          <Skeleton className="h-14" />
          <Skeleton className="h-14" />
        </div>
      ) : query.isError && !query.data ? (
        <QueryError
          error={query.error}
          title="The files could not be loaded"
          onRetry={() => void query.refetch()}
        />
      ) : attachments.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No files attached.</p>
      ) : (
        // One file a row: in two columns of the task's main column, a file's size, uploader
        // and date wrapped onto four lines beside its buttons.
        <ul data-testid="attachment-list" className="grid gap-2">
          {attachments.map((attachment) => (
            <AttachmentItem
              key={attachment.id}
              orgId={orgId}
              attachment={attachment}
              canDelete={canAttach && (attachment.uploaderId === myUserId || canManage)}
            />
          ))}
        </ul>
      )}
      <LoadMore
        query={query}
        label="Load more files"
        errorTitle="More files could not be loaded"
        layout="start"
      />
    </section>
  );
}
