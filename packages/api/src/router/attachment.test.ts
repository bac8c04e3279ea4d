import { submitPresignedPost } from "@tesseract/storage/testing";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { recordPublished } from "../live/published-fixture.ts";
import { insertTestUser, type TestUser } from "../testing.ts";
import { as, orgWith, services, useServices } from "./router-fixture.ts";

useServices({
  ATTACHMENT_MAX_BYTES: "20000",
  ATTACHMENT_ORG_QUOTA_BYTES: "50000",
  RATE_LIMIT_WRITES_PER_MINUTE: "100000",
  RATE_LIMIT_READS_PER_MINUTE: "100000",
});

let png: Buffer;
let owner: TestUser;
let orgId: string;
let taskId: string;

beforeAll(async () => {
  png = await sharp({
    create: { width: 40, height: 30, channels: 3, background: "#336699" },
  })
    .png()
    .toBuffer();
  ({ owner, orgId } = await orgWith([]));
  taskId = await newTask(owner, orgId);
});

async function newTask(user: TestUser, org: string): Promise<string> {
  const projects = await as(user).project.list({ orgId: org });
  const projectId =
    projects[0]?.id ??
    (await as(user).project.create({ orgId: org, name: "Files", key: "FIL" })).id;
  return (await as(user).task.create({ orgId: org, projectId, title: "With files" })).id;
}

/** Starts an upload as `user` and posts `bytes` (which may differ from what was declared). */
async function upload(
  user: TestUser,
  declared: { fileName?: string; contentType: string; size: number },
  bytes: Uint8Array | string | null,
  target = { orgId, taskId },
) {
  const started = await as(user).attachment.createUpload({
    ...target,
    fileName: declared.fileName ?? "file",
    contentType: declared.contentType,
    size: declared.size,
  });
  if (bytes !== null) expect(await submitPresignedPost(started.upload, bytes)).toBe(204);
  return started.attachmentId;
}

async function row(attachmentId: string) {
  return services.db
    .selectFrom("attachments")
    .selectAll()
    .where("id", "=", attachmentId)
    .executeTakeFirst();
}

/** A refused upload: BAD_REQUEST at complete, its object gone, failed, never listed or served. */
async function expectRefused(attachmentId: string, reason: RegExp) {
  await expect(as(owner).attachment.complete({ orgId, attachmentId })).rejects.toMatchObject({
    code: "BAD_REQUEST",
    message: expect.stringMatching(reason) as unknown,
  });
  const stored = await row(attachmentId);
  expect(stored).toMatchObject({ status: "failed" });
  expect(await services.storage.head(stored!.storage_key)).toBeUndefined();
  const listed = await as(owner).attachment.list({ orgId, taskId });
  expect(listed.items.map((a) => a.id)).not.toContain(attachmentId);
  await expect(as(owner).attachment.download({ orgId, attachmentId })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  // Nothing is left to process it.
  const jobs = await services.db
    .selectFrom("outbox")
    .select("id")
    .where("dedupe_key", "=", `attachment.process:${attachmentId}`)
    .execute();
  expect(jobs).toEqual([]);
  // Completing again does not bring it back.
  await expect(as(owner).attachment.complete({ orgId, attachmentId })).rejects.toMatchObject({
    code: "BAD_REQUEST",
  });
}

describe("attachments", () => {
  it("uploads an image straight to storage, checks it, lists it and serves it", async () => {
    const fileName = 'Résumé "scan".png';
    const attachmentId = await upload(
      owner,
      { fileName, contentType: "image/png", size: png.length },
      png,
    );
    expect(await row(attachmentId)).toMatchObject({
      status: "pending",
      storage_key: `org/${orgId}/attachments/${attachmentId}/original`,
    });
    // Not an attachment yet: nothing listed, nothing served.
    expect((await as(owner).attachment.list({ orgId, taskId })).items).toEqual([]);
    const ready = await as(owner).attachment.complete({ orgId, attachmentId });
    expect(ready).toMatchObject({
      id: attachmentId,
      fileName,
      contentType: "image/png",
      size: png.length,
      status: "ready",
      uploaderId: owner.id,
      hasThumbnail: false,
      thumbnailPending: true,
    });
    expect(await row(attachmentId)).toMatchObject({ sniffed_type: "image/png" });
    // Completing twice answers the same attachment.
    expect(await as(owner).attachment.complete({ orgId, attachmentId })).toMatchObject({
      id: attachmentId,
      status: "ready",
    });
    const listed = await as(owner).attachment.list({ orgId, taskId });
    expect(listed.items.map((a) => a.id)).toEqual([attachmentId]);

    const { url, expiresAt } = await as(owner).attachment.download({ orgId, attachmentId });
    expect(new URL(url).searchParams.get("X-Amz-Expires")).toBe("60");
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const response = await fetch(url);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="R_sum_ _scan_.png"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22scan%22.png`,
    );

    // The attachment.process job, enqueued with the completion, makes the thumbnail.
    await expect
      .poll(
        async () =>
          (await as(owner).attachment.list({ orgId, taskId })).items[0]?.hasThumbnail ?? false,
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    const listedAgain = await as(owner).attachment.list({ orgId, taskId });
    expect(listedAgain.items[0]).toMatchObject({ width: 40, height: 30, thumbnailPending: false });
    const thumbnail = await as(owner).attachment.download({
      orgId,
      attachmentId,
      variant: "thumbnail",
    });
    const thumbnailResponse = await fetch(thumbnail.url);
    expect(thumbnailResponse.headers.get("content-type")).toBe("image/webp");
    const jobs = await services.db
      .selectFrom("outbox")
      .select("dedupe_key")
      .where("type", "=", "attachment.process")
      .execute();
    expect(jobs.map((j) => j.dedupe_key)).toContain(`attachment.process:${attachmentId}`);

    const activity = await as(owner).task.activity({ orgId, taskId });
    expect(activity.items.map((a) => a.action)).toContain("attachment.added");
  });

  it("announces a completed file on its task's stream, then its thumbnail's job", async () => {
    const attachmentId = await upload(owner, { contentType: "image/png", size: png.length }, png);
    const recording = recordPublished(services);
    try {
      await as(owner).attachment.complete({ orgId, attachmentId });
      const states = () =>
        recording.published.flatMap(({ streamKey, event }) =>
          event.type === "job.progress" && event.jobId === attachmentId
            ? [{ streamKey, kind: event.kind, taskId: event.taskId, state: event.state }]
            : [],
        );
      // The job runs in the background: its end follows the completion's own event.
      await expect.poll(() => states().length, { timeout: 30_000 }).toBe(2);
      const on = { streamKey: `org:${orgId}`, kind: "attachment", taskId };
      expect(states()).toEqual([
        { ...on, state: "processing" },
        { ...on, state: "ready" },
      ]);
    } finally {
      recording.restore();
    }
  });

  it("refuses types outside the allowlist and files over the limit before any upload", async () => {
    const before = await services.db
      .selectFrom("attachments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await expect(
      as(owner).attachment.createUpload({
        orgId,
        taskId,
        fileName: "setup.exe",
        contentType: "application/x-msdownload",
        size: 100,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/cannot be attached/) as unknown,
    });
    await expect(
      as(owner).attachment.createUpload({
        orgId,
        taskId,
        fileName: "big.png",
        contentType: "image/png",
        size: 20_001,
      }),
    ).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/too large/) as unknown,
    });
    for (const bad of [
      { fileName: "", size: 1 },
      { fileName: "a\u0000b", size: 1 },
      { fileName: "a\nb", size: 1 },
      { fileName: "ok.png", size: 0 },
      { fileName: "ok.png", size: 1.5 },
    ]) {
      await expect(
        as(owner).attachment.createUpload({ orgId, taskId, contentType: "image/png", ...bad }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const after = await services.db
      .selectFrom("attachments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("refuses at complete a file larger or smaller than announced (the emulator enforces no policy)", async () => {
    await expectRefused(
      await upload(owner, { contentType: "text/plain", size: 10 }, "far more than ten bytes"),
      /not the 10 announced/,
    );
  });

  it("refuses at complete bytes that are not the declared type", async () => {
    await expectRefused(
      await upload(owner, { contentType: "image/png", size: 12 }, "plain text!!"),
      /not image\/png/,
    );
    await expectRefused(
      await upload(owner, { contentType: "text/plain", size: png.length }, png),
      /look like image\/png/,
    );
    const gif = await sharp(png).gif().toBuffer();
    await expectRefused(
      await upload(owner, { contentType: "image/png", size: gif.length }, gif),
      /look like image\/gif/,
    );
    const binary = new Uint8Array([0x68, 0x69, 0x00, 0xff, 0xfe]);
    await expectRefused(
      await upload(owner, { contentType: "text/plain", size: binary.length }, binary),
      /not UTF-8 text/,
    );
  });

  it("refuses at complete an upload whose object never arrived", async () => {
    await expectRefused(
      await upload(owner, { contentType: "image/png", size: png.length }, null),
      /never arrived/,
    );
  });

  it("lets only the uploader complete an upload", async () => {
    const other = await insertTestUser(services, "Other");
    await services.db
      .insertInto("memberships")
      .values({ org_id: orgId, user_id: other.id, role: "admin" })
      .execute();
    const attachmentId = await upload(owner, { contentType: "image/png", size: png.length }, png);
    await expect(as(other).attachment.complete({ orgId, attachmentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await row(attachmentId)).toMatchObject({ status: "pending" });
  });

  it("lets the uploader or an admin delete, removing the object; another member may not", async () => {
    const org = await orgWith(["member", "member", "admin"]);
    const [uploader, otherMember, admin] = org.users as [TestUser, TestUser, TestUser];
    const task = await newTask(org.owner, org.orgId);
    const target = { orgId: org.orgId, taskId: task };
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const id = await upload(
        uploader,
        { contentType: "image/png", size: png.length },
        png,
        target,
      );
      await as(uploader).attachment.complete({ orgId: org.orgId, attachmentId: id });
      ids.push(id);
    }
    const [first, second] = ids as [string, string];
    const key = (await row(first))!.storage_key;
    await expect(
      as(otherMember).attachment.delete({ orgId: org.orgId, attachmentId: first }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await services.storage.head(key)).toBeDefined();
    await as(uploader).attachment.delete({ orgId: org.orgId, attachmentId: first });
    expect(await row(first)).toBeUndefined();
    expect(await services.storage.head(key)).toBeUndefined();
    await as(admin).attachment.delete({ orgId: org.orgId, attachmentId: second });
    expect((await as(admin).attachment.list(target)).items).toEqual([]);
    const activity = await as(org.owner).task.activity({ orgId: org.orgId, taskId: task });
    expect(activity.items.filter((a) => a.action === "attachment.deleted")).toHaveLength(2);
  });

  it("keeps each organization within its quota, counting uploads in progress but not refused ones", async () => {
    const org = await orgWith([]);
    const task = await newTask(org.owner, org.orgId);
    const target = { orgId: org.orgId, taskId: task };
    const start = (size: number) =>
      as(org.owner).attachment.createUpload({
        ...target,
        fileName: "notes.txt",
        contentType: "text/plain",
        size,
      });
    const text = "x".repeat(20_000);
    const first = await start(20_000);
    expect(await submitPresignedPost(first.upload, text)).toBe(204);
    await as(org.owner).attachment.complete({ ...target, attachmentId: first.attachmentId });
    const pending = await start(20_000); // not completed: still counts
    await expect(start(10_001)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/storage is full/) as unknown,
    });
    // Refused at complete (nothing uploaded): its bytes no longer count.
    await expect(
      as(org.owner).attachment.complete({ ...target, attachmentId: pending.attachmentId }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await start(10_000);
    // Another organization's usage is its own.
    expect(
      await as(owner).attachment.createUpload({
        orgId,
        taskId,
        fileName: "n.txt",
        contentType: "text/plain",
        size: 20_000,
      }),
    ).toMatchObject({ attachmentId: expect.any(String) as unknown });
  });

  it("pages a task's attachments newest first", async () => {
    const task = await newTask(owner, orgId);
    const target = { orgId, taskId: task };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await upload(owner, { contentType: "text/plain", size: 2 }, `${i}!`, target);
      await as(owner).attachment.complete({ orgId, attachmentId: id });
      ids.push(id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await as(
        owner,
      ).attachment.list({ ...target, limit: 2, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    await expect(
      as(owner).attachment.list({ ...target, cursor: "bm90IGEgY3Vyc29y" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps a deleted task's files for undo; deletes them with their project or organization", async () => {
    const org = await orgWith([]);
    const user = org.owner;
    const project = await as(user).project.create({ orgId: org.orgId, name: "Gone", key: "GON" });
    const newTaskIn = async () =>
      (await as(user).task.create({ orgId: org.orgId, projectId: project.id, title: "T" })).id;
    const attached = async (
      task: string,
      target = { orgId: org.orgId, taskId: task },
      by = user,
    ) => {
      const id = await upload(by, { contentType: "text/plain", size: 2 }, "hi", target);
      await as(by).attachment.complete({ orgId: target.orgId, attachmentId: id });
      return (await row(id))!.storage_key;
    };
    const exists = async (key: string) => (await services.storage.head(key)) !== undefined;

    const [first, second, third] = [await newTaskIn(), await newTaskIn(), await newTaskIn()];
    const [firstKey, secondKey] = [await attached(first), await attached(second)];
    // A deleted task keeps its files until the trash is purged, so Undo brings them back
    // (task-trash.test.ts shows the purge removing them).
    await as(user).task.delete({ orgId: org.orgId, taskId: first });
    expect([await exists(firstKey), await exists(secondKey)]).toEqual([true, true]);

    const thirdKey = await attached(third);
    await as(user).project.delete({ orgId: org.orgId, projectId: project.id, confirmKey: "GON" });
    const keys = [firstKey, secondKey, thirdKey];
    expect(await Promise.all(keys.map(exists))).toEqual([false, false, false]);

    const other = await as(user).project.create({ orgId: org.orgId, name: "Org", key: "ORG" });
    const last = (await as(user).task.create({ orgId: org.orgId, projectId: other.id, title: "L" }))
      .id;
    const lastKey = await attached(last);
    const elsewhere = await attached(taskId, { orgId, taskId }, owner); // another organization's
    await as(user).org.delete({ orgId: org.orgId, confirmName: "Acme Corp" });
    expect([await exists(lastKey), await exists(elsewhere)]).toEqual([false, true]);
  });
});
