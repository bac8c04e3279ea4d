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
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

export interface AwsConnection {
  /** Custom endpoint (emulator or LocalStack); undefined for real AWS. */
  endpoint: string | undefined;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export interface StorageOptions extends AwsConnection {
  bucket: string;
  requestTimeoutMs?: number;
}

export interface ObjectHead {
  size: number;
  contentType: string | undefined;
  etag: string | undefined;
}

export interface Storage {
  s3: S3Client;
  bucket: string;
  /** Creates the bucket (with CORS for browser uploads) when it does not exist. */
  ensureBucket(allowedOrigins: string[]): Promise<void>;
  ping(): Promise<void>;
  presignUpload(
    key: string,
    opts: { contentType: string; contentLength: number; expiresInSeconds?: number },
  ): Promise<string>;
  presignDownload(key: string, opts?: { expiresInSeconds?: number }): Promise<string>;
  /** The stored object's size and type, or undefined when it does not exist. */
  head(key: string): Promise<ObjectHead | undefined>;
  remove(key: string): Promise<void>;
}

export function createStorage(options: StorageOptions): Storage {
  const s3 = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: 2,
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 5_000, connectionTimeout: 2_000 },
  });
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
                  AllowedMethods: ["GET", "PUT", "HEAD"],
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
    presignUpload(key, opts) {
      const command = new PutObjectCommand({
        Bucket,
        Key: key,
        ContentType: opts.contentType,
        ContentLength: opts.contentLength,
      });
      return getSignedUrl(s3, command, { expiresIn: opts.expiresInSeconds ?? 300 });
    },
    presignDownload(key, opts) {
      return getSignedUrl(s3, new GetObjectCommand({ Bucket, Key: key }), {
        expiresIn: opts?.expiresInSeconds ?? 300,
      });
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
    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
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
