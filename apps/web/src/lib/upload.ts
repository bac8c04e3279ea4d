/** Why a direct upload to storage did not finish. */
export type UploadFailure = "canceled" | "network" | "refused";

export class UploadError extends Error {
  readonly reason: UploadFailure;

  constructor(reason: UploadFailure, message: string) {
    super(message);
    this.name = "UploadError";
    this.reason = reason;
  }
}

/**
 * Posts a file to a presigned POST URL, straight from the browser to storage: the policy's
 * fields first, the file last (S3 reads fields after the file as part of it). XMLHttpRequest,
 * not fetch, because only it reports upload progress.
 */
export function uploadToStorage(
  target: { url: string; fields: Record<string, string> },
  file: Blob,
  options: { onProgress?: (loaded: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
    form.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", target.url);
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    });
    request.addEventListener("load", () => {
      if (request.status >= 200 && request.status < 300) resolve();
      else
        reject(
          new UploadError(
            "refused",
            `Storage refused the file (HTTP ${request.status}); it may be larger or of another type than announced.`,
          ),
        );
    });
    request.addEventListener("error", () => {
      reject(
        new UploadError(
          "network",
          "The upload was interrupted. Check your connection and try again.",
        ),
      );
    });
    request.addEventListener("abort", () => {
      reject(new UploadError("canceled", "Upload canceled."));
    });
    if (options.signal?.aborted) {
      reject(new UploadError("canceled", "Upload canceled."));
      return;
    }
    options.signal?.addEventListener(
      "abort",
      () => {
        request.abort();
      },
      { once: true },
    );
    request.send(form);
  });
}

/** "12 bytes", "3.4 KB", "15 MB": file sizes as people read them (binary units). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
