import { beforeAll, describe, expect, it } from "vitest";
import { as, orgWith, services, useServices } from "../router/router-fixture.ts";
import { insertTestAttachment, silentPino, type TestUser } from "../testing.ts";
import {
  CLEANUP_INTERVAL_MS,
  cleanupAttachments,
  scheduleAttachmentCleanup,
} from "../jobs/attachment-cleanup.ts";
import { cleanupStaleUploads } from "./attachment-cleanup.ts";

useServices();

let owner: TestUser;
let orgId: string;
let taskId: string;

beforeAll(async () => {
  ({ owner, orgId } = await orgWith([]));
  const project = await as(owner).project.create({ orgId, name: "Files", key: "FIL" });
  taskId = (await as(owner).task.create({ orgId, projectId: project.id, title: "Files" })).id;
});

describe("cleanupStaleUploads", () => {
  it("deletes abandoned uploads and their objects, and nothing else", async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    const insert = (status: "pending" | "processing" | "ready" | "failed", createdAt?: Date) =>
      insertTestAttachment(services, { orgId, taskId, uploaderId: owner.id, status, createdAt });
    const stale = [
      await insert("pending", hourAgo),
      await insert("processing", hourAgo),
      await insert("failed", hourAgo),
    ];
    const kept = [await insert("pending"), await insert("ready", hourAgo)];
    const olderThan = new Date(Date.now() - 60_000);

    expect(await cleanupStaleUploads(services.db, services.storage, { olderThan })).toBe(3);
    const left = await services.db
      .selectFrom("attachments")
      .select("id")
      .where("org_id", "=", orgId)
      .execute();
    expect(left.map((r) => r.id).sort()).toEqual(kept.map((k) => k.id).sort());
    for (const { key } of stale) expect(await services.storage.head(key)).toBeUndefined();
    for (const { key } of kept) expect(await services.storage.head(key)).toBeDefined();
    // Nothing left to do: a second run deletes nothing.
    expect(await cleanupStaleUploads(services.db, services.storage, { olderThan })).toBe(0);
  });

  it("takes at most `limit` a run, oldest first", async () => {
    const old = new Date(Date.now() - 7_200_000);
    for (let i = 0; i < 3; i++)
      await insertTestAttachment(services, {
        orgId,
        taskId,
        uploaderId: owner.id,
        status: "pending",
        createdAt: new Date(old.getTime() + i),
      });
    const olderThan = new Date(Date.now() - 60_000);
    expect(await cleanupStaleUploads(services.db, services.storage, { olderThan, limit: 2 })).toBe(
      2,
    );
    expect(await cleanupStaleUploads(services.db, services.storage, { olderThan, limit: 2 })).toBe(
      1,
    );
  });

  it("runs as the attachment.cleanup job: everything past the configured age, in batches", async () => {
    const old = new Date(Date.now() - 3 * 3_600_000);
    for (let i = 0; i < 105; i++)
      await services.db
        .insertInto("attachments")
        .values({
          org_id: orgId,
          task_id: taskId,
          uploader_id: owner.id,
          storage_key: `org/${orgId}/attachments/batch-${i}/original`,
          file_name: "never uploaded",
          declared_type: "text/plain",
          size: 1,
          created_at: old,
        })
        .execute();
    const deps = {
      db: services.db,
      storage: services.storage,
      staleAfterMs: 3_600_000,
      now: () => new Date(),
    };
    expect(await cleanupAttachments(deps, {}, { logger: silentPino })).toBe(105);
    expect(await cleanupAttachments(deps, {}, { logger: silentPino })).toBe(0);
  });

  it("is scheduled once per interval slot, however many workers ask", async () => {
    const now = new Date(Date.UTC(2031, 0, 1, 10, 7)); // the next slot starts at 10:15
    const slot = Math.floor(now.getTime() / CLEANUP_INTERVAL_MS) + 1;
    await scheduleAttachmentCleanup(services.db, now);
    await scheduleAttachmentCleanup(services.db, new Date(now.getTime() + 60_000));
    const rows = await services.db
      .selectFrom("outbox")
      .select(["created_at", "available_at"])
      .where("dedupe_key", "=", `attachment.cleanup:${slot}`)
      .execute();
    expect(rows).toHaveLength(1);
    const delay = rows[0]!.available_at.getTime() - rows[0]!.created_at.getTime();
    expect(Math.round(delay / 1_000)).toBe(8 * 60);
  });
});
