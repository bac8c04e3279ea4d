import { randomBytes } from "node:crypto";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { createStorage, type PresignedPost, type Storage } from "./client.ts";
import { startAwsEmulator, type AwsEmulator } from "./emulator.ts";

export interface TestAws {
  emulator: AwsEmulator;
  /** Connection settings for createStorage / createQueue against the emulator. */
  connection: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /** Names unique to this test file. */
  bucket: string;
  queueName: string;
  storage: Storage;
  close(): Promise<void>;
}

/** An S3 + SQS emulator of its own for one test file, on a random loopback port. */
export async function startTestAws(options: { allowedOrigins?: string[] } = {}): Promise<TestAws> {
  const emulator = await startAwsEmulator({
    port: 0,
    allowedOrigins: options.allowedOrigins ?? [],
  });
  const suffix = randomBytes(4).toString("hex");
  const connection = {
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  };
  const bucket = `tesseract-test-${suffix}`;
  return {
    emulator,
    connection,
    bucket,
    queueName: `tesseract-test-${suffix}`,
    storage: createStorage({ ...connection, bucket }),
    close: () => emulator.close(),
  };
}

/** The keys stored under `prefix` (the first 1,000). */
export async function listKeys(storage: Storage, prefix: string): Promise<string[]> {
  const listed = await storage.s3.send(
    new ListObjectsV2Command({ Bucket: storage.bucket, Prefix: prefix }),
  );
  return (listed.Contents ?? []).map((object) => object.Key!);
}

/** A stored object's body as text. */
export async function readText(storage: Storage, key: string): Promise<string> {
  const object = await storage.s3.send(new GetObjectCommand({ Bucket: storage.bucket, Key: key }));
  return object.Body!.transformToString();
}

/**
 * Submits the form a browser would for a presigned POST: the policy's fields, then the file
 * (last, as S3 requires). Returns the response status (204 when stored).
 */
export async function submitPresignedPost(
  post: PresignedPost,
  body: Uint8Array | string,
  fileName = "upload.bin",
): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
  form.append("file", new Blob([body]), fileName);
  const response = await fetch(post.url, { method: "POST", body: form });
  await response.arrayBuffer();
  return response.status;
}
