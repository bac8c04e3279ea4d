import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { Storage } from "./client.ts";

/**
 * A `Content-Disposition: attachment` value that is safe for any file name: the plain
 * `filename` keeps only characters that need no quoting (others become `_`), and `filename*`
 * (RFC 6266 / RFC 8187) carries the real name percent-encoded as UTF-8. Quotes, semicolons
 * and line breaks in a name can therefore never end the header value or add a parameter.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^A-Za-z0-9._ -]/g, "_").slice(0, 150) || "download";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A short-lived presigned GET that makes S3 answer with the given file name as an attachment
 * (never rendered inline) and the given content type, whatever the object was stored with.
 */
export function presignFileDownload(
  storage: Storage,
  key: string,
  opts: { fileName: string; contentType: string; expiresInSeconds?: number },
): Promise<string> {
  return getSignedUrl(
    storage.s3,
    new GetObjectCommand({
      Bucket: storage.bucket,
      Key: key,
      ResponseContentDisposition: attachmentDisposition(opts.fileName),
      ResponseContentType: opts.contentType,
    }),
    { expiresIn: opts.expiresInSeconds ?? 300 },
  );
}
