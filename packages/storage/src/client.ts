import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { contentDisposition } from "./content-disposition.ts";

export interface AwsConnection {
  /** Custom endpoint (emulator or LocalStack); undefined for real AWS. */
  endpoint: string | undefined;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export interface StorageOptions extends AwsConnection {
  bucket: string;
  /** The endpoint presigned URLs name, when browsers reach S3 elsewhere than the server does. */
  publicEndpoint?: string;
  requestTimeoutMs?: number;
}

export interface ObjectHead {
  size: number;
  contentType: string | undefined;
  etag: string | undefined;
}

/** A browser form upload: POST `fields` then the file (last) as multipart/form-data to `url`. */
export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

export interface Storage {
  s3: S3Client;
  bucket: string;
  /** Creates the bucket (with CORS for browser uploads) when it does not exist. */
  ensureBucket(allowedOrigins: string[]): Promise<void>;
  ping(): Promise<void>;
  /**
   * A presigned POST whose policy allows exactly this key, exactly `size` bytes and exactly
   * this content type, for `expiresInSeconds`. S3 enforces the policy; the embedded emulator
   * does not, so whoever trusts the object afterwards checks it (head + the first bytes).
   */
  presignPost(
    key: string,
    opts: { contentType: string; size: number; expiresInSeconds: number },
  ): Promise<PresignedPost>;
  /**
   * A presigned GET; with `fileName`, S3 answers with a Content-Disposition naming it (see
   * content-disposition.ts: no header injection whatever the name), and `contentType` overrides
   * the stored type.
   */
  presignDownload(
    key: string,
    opts: {
      expiresInSeconds: number;
      fileName?: string;
      inline?: boolean;
      contentType?: string;
    },
  ): Promise<string>;
  /** The stored object's size and type, or undefined when it does not exist. */
  head(key: string): Promise<ObjectHead | undefined>;
  /** The object's first `length` bytes (fewer when it is shorter), or undefined when it does not exist. */
  readStart(key: string, length: number): Promise<Uint8Array | undefined>;
  /** The whole object, or undefined when it does not exist. Only for objects of bounded size. */
  read(key: string): Promise<Uint8Array | undefined>;
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Deletes the object; deleting one that does not exist succeeds. */
  remove(key: string): Promise<void>;
}

export function createStorage(options: StorageOptions): Storage {
  const clientFor = (endpoint: string | undefined) =>
    new S3Client({
      region: options.region,
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      maxAttempts: 2,
      requestHandler: {
        requestTimeout: options.requestTimeoutMs ?? 5_000,
        connectionTimeout: 2_000,
      },
    });
  const s3 = clientFor(options.endpoint);
  // Signing is local: this client only presigns, it never sends a request.
  const signer = options.publicEndpoint ? clientFor(options.publicEndpoint) : s3;
  const Bucket = options.bucket;

  return {
    s3,
    bucket: Bucket,
    async ensureBucket(allowedOrigins) {
      try {
        await s3.send(new HeadBucketCommand({ Bucket }));
        return;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      await s3.send(new CreateBucketCommand({ Bucket }));
      if (allowedOrigins.length > 0) {
        await s3.send(
          new PutBucketCorsCommand({
            Bucket,
            CORSConfiguration: {
              CORSRules: [
                {
                  AllowedOrigins: allowedOrigins,
                  AllowedMethods: ["GET", "PUT", "POST", "HEAD"],
                  AllowedHeaders: ["*"],
                  MaxAgeSeconds: 600,
                },
              ],
            },
          }),
        );
      }
    },
    async ping() {
      await s3.send(new HeadBucketCommand({ Bucket }));
    },
    async presignPost(key, opts) {
      // The POST presigner pins its own @aws-sdk/client-s3 release: a second copy of the S3
      // client, loaded on the first upload rather than at start-up (time to ready, idle memory).
      // It reads only the client's configuration (region, endpoint, credentials), which every
      // release shares.
      const { createPresignedPost } = await import("@aws-sdk/s3-presigned-post");
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      const { url, fields } = await createPresignedPost(signer, {
        Bucket,
        Key: key,
        Conditions: [
          ["content-length-range", opts.size, opts.size],
          ["eq", "$Content-Type", opts.contentType],
        ],
        Fields: { "Content-Type": opts.contentType },
        Expires: opts.expiresInSeconds,
      });
      return { url, fields };
    },
    async presignDownload(key, opts) {
      // Loaded on the first download link rather than at start-up (idle memory).
      const { getSignedUrl } = await import("@aws-sdk/s3-request-presigner");
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ...(opts.fileName !== undefined && {
          ResponseContentDisposition: contentDisposition(opts.fileName, opts.inline ?? false),
        }),
        ...(opts.contentType && { ResponseContentType: opts.contentType }),
      });
      return getSignedUrl(signer, command, { expiresIn: opts.expiresInSeconds });
    },
    async head(key) {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: head.ContentLength ?? 0, contentType: head.ContentType, etag: head.ETag };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async readStart(key, length) {
      return readObject(s3, { Bucket, Key: key, Range: `bytes=0-${length - 1}` });
    },
    async read(key) {
      return readObject(s3, { Bucket, Key: key });
    },
    async put(key, body, contentType) {
      await s3.send(
        new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }),
      );
    },
    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}

async function readObject(
  s3: S3Client,
  input: { Bucket: string; Key: string; Range?: string },
): Promise<Uint8Array | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand(input));
    return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    // An empty object has no byte 0: S3 answers a range over it with 416.
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416)
      return new Uint8Array();
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 ||
      error.name === "NotFound" ||
      error.name === "NoSuchBucket" ||
      error.name === "NoSuchKey")
  );
}
