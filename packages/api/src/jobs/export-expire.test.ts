import { enqueue } from "@tesseract/queue";
import { describe, expect, it } from "vitest";
import { as, orgWith, services, useServices } from "../router/router-fixture.ts";
import { EXPORT_EXPIRY } from "./export-expire.ts";

// The job runtime runs beside the test: exports are made, and expired, by their jobs.
useServices();

async function readyExport() {
  const { owner, orgId } = await orgWith([]);
  const key = `X${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const project = await as(owner).project.create({ orgId, name: "Expiring", key });
  await as(owner).task.create({ orgId, projectId: project.id, title: "A task" });
  const started = await as(owner).project.export({ orgId, projectId: project.id, format: "csv" });
  await expect.poll(() => row(started.id), { timeout: 30_000 }).toMatchObject({ status: "ready" });
  const { s3_key: objectKey } = await row(started.id);
  return { owner, orgId, exportId: started.id, objectKey: objectKey! };
}

function row(exportId: string) {
  return services.db
    .selectFrom("exports")
    .select(["status", "s3_key", "file_deleted_at"])
    .where("id", "=", exportId)
    .executeTakeFirstOrThrow();
}

describe("export.expire job", () => {
  it("deletes the files of expired exports, marks them, keeps the others, and schedules itself", async () => {
    const expired = await readyExport();
    const current = await readyExport();
    await services.db
      .updateTable("exports")
      .set({ expires_at: new Date(services.now().getTime() - 1_000) })
      .where("id", "=", expired.exportId)
      .execute();
    expect(await services.storage.head(expired.objectKey)).toBeDefined();

    await services.db
      .transaction()
      .execute((trx) => enqueue(trx, { type: "export.expire", payload: {} }));
    await expect
      .poll(() => row(expired.exportId), { timeout: 30_000 })
      .toMatchObject({ status: "ready", s3_key: null, file_deleted_at: expect.any(Date) });
    expect(await services.storage.head(expired.objectKey)).toBeUndefined();
    await expect(
      as(expired.owner).export.download({ orgId: expired.orgId, exportId: expired.exportId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await as(expired.owner).export.get({ orgId: expired.orgId, exportId: expired.exportId }),
    ).toMatchObject({ expired: true });

    // The export still within its time keeps its file and its link.
    expect(await row(current.exportId)).toMatchObject({ file_deleted_at: null });
    expect(await services.storage.head(current.objectKey)).toBeDefined();
    await expect(
      as(current.owner).export.download({ orgId: current.orgId, exportId: current.exportId }),
    ).resolves.toMatchObject({ url: expect.any(String) });

    // Each run schedules the next slot's, once.
    const next = Math.floor(services.now().getTime() / EXPORT_EXPIRY.intervalMs) + 1;
    const scheduled = await services.db
      .selectFrom("outbox")
      .select("available_at")
      .where("dedupe_key", "=", `export.expire:${next}`)
      .execute();
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.available_at.getTime()).toBeGreaterThan(services.now().getTime());
  });
});
