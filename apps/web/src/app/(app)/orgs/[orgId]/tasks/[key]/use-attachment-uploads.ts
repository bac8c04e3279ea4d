"use client";

import { useCallback, useRef, useState } from "react";
import { getSchema } from "~/components/forms/schemas.ts";
import { describeApiError } from "~/lib/api-error.ts";
import { UploadError, uploadToStorage } from "~/lib/upload.ts";
import { trpc } from "~/trpc/react.tsx";

export interface UploadState {
  /** Local only: the attachment id exists once the server has accepted the upload. */
  key: string;
  fileName: string;
  size: number;
  loaded: number;
  phase: "starting" | "uploading" | "checking" | "failed";
  error?: string;
}

let counter = 0;

/**
 * Uploads files to a task: asks the API for a presigned POST (which refuses wrong types, files
 * too large and a full quota with a message to show), sends the file straight to storage with
 * progress, then asks the API to check and complete it. Finished uploads leave the list (the
 * attachment shows in the task's files); failed ones stay, with their reason, until dismissed.
 */
export function useAttachmentUploads(orgId: string, taskId: string) {
  const utils = trpc.useUtils();
  const { mutateAsync: startUpload } = trpc.attachment.createUpload.useMutation();
  const { mutateAsync: completeUpload } = trpc.attachment.complete.useMutation();
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const patch = useCallback((key: string, change: Partial<UploadState>) => {
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);
  const drop = useCallback((key: string) => {
    controllers.current.delete(key);
    setUploads((all) => all.filter((u) => u.key !== key));
  }, []);

  const uploadOne = useCallback(
    async (file: File) => {
      const key = `upload-${++counter}`;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      setUploads((all) => [
        ...all,
        { key, fileName: file.name, size: file.size, loaded: 0, phase: "starting" },
      ]);
      const input = {
        orgId,
        taskId,
        fileName: file.name,
        contentType: file.type || "application/octet-stream",
        size: file.size,
      };
      const parsed = (await getSchema("createUploadInput")).safeParse(input);
      if (!parsed.success) {
        patch(key, { phase: "failed", error: parsed.error.issues[0]?.message });
        return;
      }
      try {
        const started = await startUpload(input);
        if (controller.signal.aborted) throw new UploadError("canceled", "Upload canceled.");
        patch(key, { phase: "uploading" });
        await uploadToStorage(started.upload, file, {
          signal: controller.signal,
          onProgress: (loaded) => {
            patch(key, { loaded });
          },
        });
        patch(key, { phase: "checking", loaded: file.size });
        await completeUpload({ orgId, attachmentId: started.attachmentId });
        await Promise.all([
          utils.attachment.list.invalidate({ orgId, taskId }),
          utils.task.activity.invalidate({ orgId, taskId }),
        ]);
        drop(key);
      } catch (error) {
        if (error instanceof UploadError && error.reason === "canceled") {
          // Nothing to undo: an upload never completed is deleted by the cleanup job.
          drop(key);
          return;
        }
        const message =
          error instanceof UploadError ? error.message : describeApiError(error).message;
        patch(key, { phase: "failed", error: message });
      } finally {
        controllers.current.delete(key);
      }
    },
    [orgId, taskId, patch, drop, utils, startUpload, completeUpload],
  );

  return {
    uploads,
    upload: (files: Iterable<File>) => {
      for (const file of files) void uploadOne(file);
    },
    cancel: (key: string) => controllers.current.get(key)?.abort(),
    dismiss: drop,
  };
}
