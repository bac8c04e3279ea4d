import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { as, orgWith, services, useServices } from "../router/router-fixture.ts";
import { insertTestAttachment, silentPino, type TestUser } from "../testing.ts";
import { processAttachment, THUMBNAIL_SIZE } from "./attachment-process.ts";

useServices();

let owner: TestUser;
let orgId: string;
let taskId: string;
const ctx = { logger: silentPino };
const deps = () => ({
  db: services.db,
  storage: services.storage,
  cache: services.cache,
  loadImageLibrary: () => Promise.resolve(sharp),
});

beforeAll(async () => {
  ({ owner, orgId } = await orgWith([]));
  const project = await as(owner).project.create({ orgId, name: "Pictures", key: "PIC" });
  taskId = (await as(owner).task.create({ orgId, projectId: project.id, title: "Photos" })).id;
});

const attach = (body: Uint8Array, contentType: string, status: "ready" | "pending" = "ready") =>
  insertTestAttachment(services, {
    orgId,
    taskId,
    uploaderId: owner.id,
    status,
    body,
    contentType,
  });

const row = (id: string) =>
  services.db.selectFrom("attachments").selectAll().where("id", "=", id).executeTakeFirst();

describe("attachment.process", () => {
  it("makes a bounded webp thumbnail of an image and records its size, once", async () => {
    const jpeg = await sharp({
      create: { width: 1200, height: 600, channels: 3, background: "#cc3300" },
    })
      .jpeg()
      .toBuffer();
    const { id } = await attach(jpeg, "image/jpeg");
    await processAttachment(deps(), { attachmentId: id }, ctx);
    const processed = await row(id);
    expect(processed).toMatchObject({
      thumbnail_key: `org/${orgId}/attachments/${id}/thumbnail.webp`,
      metadata: { width: 1200, height: 600 },
    });
    const thumbnail = await services.storage.read(processed!.thumbnail_key!);
    const info = await sharp(thumbnail).metadata();
    expect(info).toMatchObject({
      format: "webp",
      width: THUMBNAIL_SIZE,
      height: THUMBNAIL_SIZE / 2,
    });
    expect((await services.storage.head(processed!.thumbnail_key!))?.contentType).toBe(
      "image/webp",
    );
    // The list shows it, and the thumbnail is served.
    const listed = await as(owner).attachment.list({ orgId, taskId });
    expect(listed.items.find((a) => a.id === id)).toMatchObject({
      hasThumbnail: true,
      thumbnailPending: false,
      width: 1200,
      height: 600,
    });
    const { url } = await as(owner).attachment.download({
      orgId,
      attachmentId: id,
      variant: "thumbnail",
    });
    const response = await fetch(url);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; /);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(thumbnail!))).toBe(true);

    // Delivered again: nothing is redone.
    const etag = (await services.storage.head(processed!.thumbnail_key!))?.etag;
    await services.storage.remove(processed!.storage_key);
    await processAttachment(deps(), { attachmentId: id }, ctx);
    expect((await services.storage.head(processed!.thumbnail_key!))?.etag).toBe(etag);
  });

  it("applies the EXIF orientation to the recorded size and the thumbnail", async () => {
    const sideways = await sharp({
      create: { width: 400, height: 200, channels: 3, background: "#00aa00" },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { id } = await attach(sideways, "image/jpeg");
    await processAttachment(deps(), { attachmentId: id }, ctx);
    const processed = await row(id);
    expect(processed?.metadata).toMatchObject({ width: 200, height: 400 });
    const thumb = await sharp(await services.storage.read(processed!.thumbnail_key!)).metadata();
    expect([thumb.width, thumb.height]).toEqual([160, 320]);
  });

  it("leaves non-images, unfinished uploads and deleted attachments alone", async () => {
    const text = await attach(new TextEncoder().encode("notes"), "text/plain");
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: "#000" },
    })
      .png()
      .toBuffer();
    const pending = await attach(png, "image/png", "pending");
    for (const { id } of [text, pending]) {
      await processAttachment(deps(), { attachmentId: id }, ctx);
      expect(await row(id)).toMatchObject({ thumbnail_key: null, metadata: {} });
    }
    await processAttachment(deps(), { attachmentId: "00000000-0000-4000-8000-000000000000" }, ctx);
  });

  it("records an image it cannot decode instead of failing again and again", async () => {
    // A PNG signature (it passed the upload check) followed by garbage.
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const { id } = await attach(broken, "image/png");
    await processAttachment(deps(), { attachmentId: id }, ctx);
    expect(await row(id)).toMatchObject({
      thumbnail_key: null,
      metadata: { thumbnailError: expect.any(String) as unknown },
    });
    const listed = await as(owner).attachment.list({ orgId, taskId });
    expect(listed.items.find((a) => a.id === id)).toMatchObject({
      hasThumbnail: false,
      thumbnailPending: false,
    });
  });
});
