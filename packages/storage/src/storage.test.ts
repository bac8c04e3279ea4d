import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectKey } from "./keys.ts";
import { startTestAws, type TestAws } from "./testing.ts";

let aws: TestAws;
beforeAll(async () => {
  aws = await startTestAws({ allowedOrigins: ["http://localhost:3000"] });
});
afterAll(async () => {
  await aws.close();
});

describe("storage", () => {
  it("creates the bucket when missing, once", async () => {
    await expect(aws.storage.ping()).rejects.toThrow();
    await aws.storage.ensureBucket(["http://localhost:3000"]);
    await aws.storage.ensureBucket(["http://localhost:3000"]);
    await aws.storage.ping();
  });

  it("round-trips an object through presigned upload and download URLs", async () => {
    await aws.storage.ensureBucket([]);
    const key = objectKey("org1", "attachments", "a1");
    const body = "hello, tesseract";
    const uploadUrl = await aws.storage.presignUpload(key, {
      contentType: "text/plain",
      contentLength: body.length,
    });
    const put = await fetch(uploadUrl, {
      method: "PUT",
      body,
      headers: { "content-type": "text/plain" },
    });
    expect(put.status).toBe(200);
    expect(await aws.storage.head(key)).toMatchObject({
      size: body.length,
      contentType: "text/plain",
    });
    const get = await fetch(await aws.storage.presignDownload(key));
    expect(await get.text()).toBe(body);
    await aws.storage.remove(key);
    expect(await aws.storage.head(key)).toBeUndefined();
  });

  it("answers CORS preflight for allowed browser origins only", async () => {
    const preflight = (origin: string) =>
      fetch(`${aws.emulator.url}/${aws.bucket}/x`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "PUT" },
      });
    const allowed = await preflight("http://localhost:3000");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const foreign = await preflight("https://evil.example");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("objectKey", () => {
  it("keeps keys under the organization prefix", () => {
    expect(objectKey("o1", "exports", "e1.csv")).toBe("org/o1/exports/e1.csv");
  });

  it.each(["../x", "a/b", "", "..", ".hidden", "a b"])(
    "refuses the unsafe segment %j",
    (segment) => {
      expect(() => objectKey("o1", segment)).toThrow(/unsafe/);
    },
  );
});
