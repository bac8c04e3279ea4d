import { pipeline, Transform, type Readable } from "node:stream";
import type { Storage } from "./client.ts";

export interface StreamUploadResult {
  /** Bytes written. */
  size: number;
  /** Parts the body was sent in (1 for a body smaller than one part). */
  parts: number;
}

/** The smallest part S3 accepts (except the last one). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

/**
 * Uploads a stream of unknown length as an S3 multipart upload, one part at a time: at most
 * `partSize × (queueSize + 1)` bytes are held in memory, whatever the stream's length. A
 * failed stream or part aborts the multipart upload, leaving no object and no orphaned parts.
 * Writing the same key again replaces the object, so a retried upload leaves one file.
 */
export async function uploadStream(
  storage: Storage,
  key: string,
  body: Readable,
  opts: { contentType: string; partSize?: number; signal?: AbortSignal },
): Promise<StreamUploadResult> {
  opts.signal?.throwIfAborted();
  // Loaded by the first export, not at start-up: the API server rarely streams an upload.
  const { Upload } = await import("@aws-sdk/lib-storage");
  let size = 0;
  const parts = new Set<number>();
  // Counts the bytes as they pass; an error in the source destroys the counter, which fails
  // (and aborts) the upload.
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(null, chunk);
    },
  });
  pipeline(body, counted, () => {});
  const upload = new Upload({
    client: storage.s3,
    params: { Bucket: storage.bucket, Key: key, Body: counted, ContentType: opts.contentType },
    partSize: Math.max(MIN_PART_SIZE, opts.partSize ?? MIN_PART_SIZE),
    queueSize: 1,
    leavePartsOnError: false,
  });
  upload.on("httpUploadProgress", (progress) => {
    if (progress.part !== undefined) parts.add(progress.part);
  });
  // Stops the upload and the reading behind it (the pipeline destroys the source too).
  const onAbort = () => {
    void upload.abort();
    counted.destroy(new Error("upload aborted"));
  };
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    await upload.done();
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
  }
  return { size, parts: Math.max(1, parts.size) };
}
