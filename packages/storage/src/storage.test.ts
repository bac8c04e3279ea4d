import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage } from "./client.ts";
import { contentDisposition } from "./content-disposition.ts";
import { objectKey } from "./keys.ts";
import { startTestAws, submitPresignedPost, type TestAws } from "./testing.ts";

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

  it("round-trips an object through a presigned POST and a presigned GET", async () => {
    await aws.storage.ensureBucket([]);
    const key = objectKey("org1", "attachments", "a1", "file");
    const body = "hello, tesseract";
    const post = await aws.storage.presignPost(key, {
      contentType: "text/plain",
      size: body.length,
      expiresInSeconds: 60,
    });
    expect(post.fields).toMatchObject({ key, "Content-Type": "text/plain" });
    // The policy S3 enforces: exactly this key, this size and this type.
    const policy = JSON.parse(Buffer.from(post.fields.Policy!, "base64").toString()) as {
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ["content-length-range", body.length, body.length],
        ["eq", "$Content-Type", "text/plain"],
        { key },
      ]),
    );
    expect(await submitPresignedPost(post, body)).toBe(204);
    expect(await aws.storage.head(key)).toMatchObject({
      size: body.length,
      contentType: "text/plain",
    });
    expect(Buffer.from((await aws.storage.readStart(key, 5))!).toString()).toBe("hello");
    expect(Buffer.from((await aws.storage.read(key))!).toString()).toBe(body);

    const url = await aws.storage.presignDownload(key, {
      expiresInSeconds: 30,
      fileName: 'Résumé "final".txt',
    });
    expect(new URL(url).searchParams.get("X-Amz-Expires")).toBe("30");
    const get = await fetch(url);
    expect(await get.text()).toBe(body);
    expect(get.headers.get("content-disposition")).toBe(
      `attachment; filename="R_sum_ _final_.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.txt`,
    );
    await aws.storage.remove(key);
    expect(await aws.storage.head(key)).toBeUndefined();
    expect(await aws.storage.readStart(key, 5)).toBeUndefined();
    await aws.storage.remove(key);
  });

  it("names the public endpoint in presigned URLs when browsers reach storage elsewhere", async () => {
    const storage = createStorage({
      ...aws.connection,
      bucket: aws.bucket,
      publicEndpoint: "http://localhost:14566",
    });
    const key = objectKey("org1", "attachments", "a3", "file");
    const post = await storage.presignPost(key, {
      contentType: "text/plain",
      size: 1,
      expiresInSeconds: 60,
    });
    expect(post.url).toBe(`http://localhost:14566/${aws.bucket}`);
    const get = await storage.presignDownload(key, { expiresInSeconds: 60 });
    expect(get).toMatch(new RegExp(`^http://localhost:14566/${aws.bucket}/org/org1/`));
    // Requests themselves still go to the server's endpoint.
    await storage.put(key, new Uint8Array([1]), "text/plain");
    expect(await aws.storage.head(key)).toMatchObject({ size: 1 });
    storage.s3.destroy();
  });

  it("reads the start of a short object, and nothing of an empty one", async () => {
    const key = objectKey("org1", "attachments", "a2", "file");
    await aws.storage.put(key, new Uint8Array([1, 2, 3]), "application/octet-stream");
    expect([...(await aws.storage.readStart(key, 4100))!]).toEqual([1, 2, 3]);
    await aws.storage.put(key, new Uint8Array(), "application/octet-stream");
    expect((await aws.storage.readStart(key, 4100))!.length).toBe(0);
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

describe("contentDisposition", () => {
  it("names plain files in both parameters", () => {
    expect(contentDisposition("report.pdf")).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    expect(contentDisposition("photo.png", true)).toMatch(/^inline; /);
  });

  it.each([
    ["a\r\nSet-Cookie: x=1.txt", /^[^\r\n]*$/],
    ['a"; filename="evil.exe', /filename="a__ filename=_evil.exe"/],
    ["a;b=c.txt", /filename="a_b=c.txt"; filename\*=UTF-8''a%3Bb%3Dc.txt$/],
    ["日本語.txt", /filename="___.txt"; filename\*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.txt$/],
    ["\u0000\u202e", /filename="file"/],
    ["lone \ud800", /filename\*=UTF-8''lone%20_$/],
  ])("keeps %j from breaking the header", (name, expected) => {
    const value = contentDisposition(name);
    expect(value).toMatch(expected);
    expect(value).not.toMatch(/[\r\n\0]/);
    // Exactly the two parameters Tesseract writes, whatever the name.
    expect(value.match(/; filename/g)).toHaveLength(2);
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
