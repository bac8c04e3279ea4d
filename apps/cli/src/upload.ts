import { createReadStream } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { randomUUID } from "node:crypto";

/**
 * Sends a file to a presigned POST (S3's browser-upload form): the policy fields, then the file
 * last, as multipart/form-data with a Content-Length (S3 refuses chunked POSTs). `onBytes`
 * reports progress as the file is read into the socket.
 */
export async function postFile(
  upload: { url: string; fields: Record<string, string> },
  file: { path: string; size: number; contentType: string; name: string },
  onBytes: (sent: number) => void,
): Promise<void> {
  const boundary = `----tesseract${randomUUID().replaceAll("-", "")}`;
  const fieldParts = Object.entries(upload.fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const safeName = file.name.replace(/["\r\n]/g, "_");
  const head = Buffer.from(
    `${fieldParts.join("")}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(upload.url);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  await new Promise<void>((resolve, reject) => {
    const req = send(
      url,
      {
        method: "POST",
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": head.length + file.size + tail.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else
            reject(
              new Error(
                `The storage refused the upload (HTTP ${status}): ${Buffer.concat(chunks).toString("utf8").slice(0, 300)}`,
              ),
            );
        });
      },
    );
    req.on("error", reject);
    req.write(head);
    let sent = 0;
    const stream = createReadStream(file.path);
    stream.on("data", (chunk) => {
      sent += chunk.length;
      onBytes(sent);
    });
    stream.on("error", reject);
    stream.on("end", () => req.end(tail));
    stream.pipe(req, { end: false });
  });
}
