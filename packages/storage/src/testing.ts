import { randomBytes } from "node:crypto";
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
