import { silentLogger } from "@tesseract/config";
import { sql } from "@tesseract/db";
import type { JobContext } from "@tesseract/queue";
import { listKeys, readText } from "@tesseract/storage/testing";
import { describe, expect, it } from "vitest";
import { as, orgWith, services, useServices } from "../router/router-fixture.ts";
import { exportJobDeps } from "./export-handlers.ts";
import { projectExportHandler } from "./export-project.ts";
import type { ExportJobDeps } from "./export-run.ts";

// The handler is called directly here, so no background runtime runs it a second time.
useServices({}, { runJobs: false });

function jobContext(overrides: Partial<JobContext> = {}): JobContext {
  return {
    jobId: 1,
    attempt: 1,
    requestId: "req-export-test",
    logger: silentLogger,
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function projectWithTasks(titles: string[]) {
  const { owner, orgId } = await orgWith([]);
  const caller = as(owner);
  const key = `P${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const project = await caller.project.create({ orgId, name: "Export me", key });
  for (const title of titles) await caller.task.create({ orgId, projectId: project.id, title });
  return { owner, orgId, project, caller };
}

async function exportRow(exportId: string) {
  return services.db
    .selectFrom("exports")
    .selectAll()
    .where("id", "=", exportId)
    .executeTakeFirstOrThrow();
}

const readObject = (key: string) => readText(services.storage, key);
const objectsUnder = (prefix: string) => listKeys(services.storage, prefix);

async function readyMails(exportId: string) {
  return services.db
    .selectFrom("outbox")
    .select(["type", "payload"])
    .where("dedupe_key", "=", `export-ready:${exportId}`)
    .execute();
}

describe("export.project job", () => {
  it("writes CSV with one header row, formulas defused and RFC 4180 quoting", async () => {
    const titles = [
      '=HYPERLINK("http://evil.test")',
      "+1+2",
      "-3",
      "@SUM(A1)",
      "Tabbed (a tab is put in front below)",
      'Quote " and, comma',
      "Plain title",
    ];
    const { orgId, project, caller } = await projectWithTasks(titles);
    // Titles are trimmed on input; a tab (and line breaks) can still reach a stored row.
    await services.db
      .updateTable("tasks")
      .set({ title: "\tTabbed" })
      .where("project_id", "=", project.id)
      .where("number", "=", 5)
      .execute();
    await services.db
      .updateTable("tasks")
      .set({ description: "line one\r\nline two" })
      .where("project_id", "=", project.id)
      .where("number", "=", 7)
      .execute();
    const started = await caller.project.export({ orgId, projectId: project.id, format: "csv" });
    expect(started).toMatchObject({ status: "queued", format: "csv", rowsDone: 0 });
    const outbox = await services.db
      .selectFrom("outbox")
      .select(["type", "payload"])
      .where("dedupe_key", "=", `export:${started.id}`)
      .execute();
    expect(outbox).toEqual([{ type: "export.project", payload: { exportId: started.id } }]);

    await expect(caller.export.download({ orgId, exportId: started.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await projectExportHandler(exportJobDeps(services))({ exportId: started.id }, jobContext());

    const row = await exportRow(started.id);
    expect(row).toMatchObject({ status: "ready", rows_done: 7, rows_total: 7, error: null });
    const csv = await readObject(row.s3_key!);
    expect(Number(row.size_bytes)).toBe(Buffer.byteLength(csv));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "ref,title,status,status_name,priority,assignee,due_date,labels,description,created_by,created_at,updated_at",
    );
    const titleCell = (n: number) => lines[n]!.split(",")[1];
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil.test"")",`);
    expect(titleCell(2)).toBe("'+1+2");
    expect(titleCell(3)).toBe("'-3");
    expect(titleCell(4)).toBe("'@SUM(A1)");
    expect(titleCell(5)).toBe("'\tTabbed");
    expect(lines[6]).toContain(`,"Quote "" and, comma",`);
    expect(csv).toContain(`Plain title,backlog,Backlog,none,,,,"line one\r\nline two",`);

    const view = await caller.export.get({ orgId, exportId: started.id });
    expect(view).toMatchObject({ status: "ready", rowsDone: 7, rowsTotal: 7, expired: false });
    const mails = await readyMails(started.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.type).toBe("mail.send");
    expect(JSON.stringify(mails[0]!.payload)).toContain(`/orgs/${orgId}/exports/${started.id}`);
  });

  it("writes JSON: the project, then each task with its comments", async () => {
    const { orgId, project, caller } = await projectWithTasks(["First", "Second"]);
    const tasks = await caller.task.list({ orgId, projectId: project.id });
    const first = tasks.items.find((t) => t.title === "First")!;
    await caller.comment.create({ orgId, taskId: first.id, body: "A comment" });
    const started = await caller.project.export({ orgId, projectId: project.id, format: "json" });
    await projectExportHandler(exportJobDeps(services))({ exportId: started.id }, jobContext());

    const row = await exportRow(started.id);
    const doc = JSON.parse(await readObject(row.s3_key!)) as {
      format: string;
      project: { key: string; name: string };
      tasks: { ref: string; title: string; comments: { body: string }[] }[];
    };
    expect(doc.format).toBe("tesseract.project-export/1");
    expect(doc.project).toMatchObject({ key: project.key, name: "Export me" });
    expect(doc.tasks.map((t) => [t.ref, t.title, t.comments.map((c) => c.body)])).toEqual([
      [`${project.key}-1`, "First", ["A comment"]],
      [`${project.key}-2`, "Second", []],
    ]);
  });

  it("a redelivered job leaves one file and sends one email, after a failed attempt too", async () => {
    const { orgId, project, caller } = await projectWithTasks(["One", "Two", "Three"]);
    const started = await caller.project.export({ orgId, projectId: project.id, format: "csv" });
    // The first delivery dies mid-upload (the worker handed the job back).
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      projectExportHandler(exportJobDeps(services))(
        { exportId: started.id },
        jobContext({ signal: aborted.signal }),
      ),
    ).rejects.toThrow();
    expect(await exportRow(started.id)).toMatchObject({ status: "queued" });

    const handler = projectExportHandler(exportJobDeps(services));
    await handler({ exportId: started.id }, jobContext({ attempt: 2 }));
    // The worker died after the upload, before its "ready" transaction committed: the file is
    // there but neither the status nor the email is.
    await services.db
      .updateTable("exports")
      .set({ status: "running", notified_at: null, s3_key: null })
      .where("id", "=", started.id)
      .execute();
    await services.db
      .deleteFrom("outbox")
      .where("dedupe_key", "=", `export-ready:${started.id}`)
      .execute();
    await handler({ exportId: started.id }, jobContext({ attempt: 3 }));
    // A late duplicate delivery of the finished job.
    await handler({ exportId: started.id }, jobContext({ attempt: 4 }));

    expect(await exportRow(started.id)).toMatchObject({ status: "ready", rows_done: 3 });
    expect(await objectsUnder(`org/${orgId}/exports/`)).toEqual(
      expect.arrayContaining([`org/${orgId}/exports/${started.id}.csv`]),
    );
    expect(
      (await objectsUnder(`org/${orgId}/exports/`)).filter((k) => k.includes(started.id)),
    ).toHaveLength(1);
    expect(await readyMails(started.id)).toHaveLength(1);
  });

  it("streams a project of thousands of tasks in pages into a multipart upload", async () => {
    const { orgId, project, caller } = await projectWithTasks([]);
    const count = 6_000;
    // ~1.1 kB a row: a file of about 7 MB, more than one 5 MiB part.
    await sql`
      insert into tasks (org_id, project_id, number, title, description, position)
      select ${orgId}, ${project.id}, g, 'Task ' || g, repeat('d', 1000), lpad(g::text, 8, '0')
      from generate_series(1, ${count}) g`.execute(services.db);
    const progress: number[] = [];
    let parts = 0;
    const deps: ExportJobDeps = {
      ...exportJobDeps(services),
      // Each page read (the start and the finish are reported too, as other states).
      onProgress: ({ done, state }) => {
        if (state === "running" && done > 0) progress.push(done);
      },
    };
    const logger = {
      ...silentLogger,
      info: (obj: Record<string, unknown>) => {
        if (typeof obj.parts === "number") parts = obj.parts;
      },
    };
    const started = await caller.project.export({ orgId, projectId: project.id, format: "csv" });
    await projectExportHandler(deps)({ exportId: started.id }, jobContext({ logger }));

    const row = await exportRow(started.id);
    expect(row).toMatchObject({ status: "ready", rows_done: count, rows_total: count });
    expect(Number(row.size_bytes)).toBeGreaterThan(6 * 1024 * 1024);
    // Read 500 rows at a time (never the whole project), sent as several parts.
    expect(progress.length).toBe(count / 500);
    expect(progress.every((done, i) => done === (i + 1) * 500)).toBe(true);
    expect(parts).toBeGreaterThanOrEqual(2);
    const csv = await readObject(row.s3_key!);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(count + 1);
  }, 120_000);

  it("an export whose project was deleted is dropped quietly", async () => {
    const { orgId, project, caller } = await projectWithTasks(["Gone soon"]);
    const started = await caller.project.export({ orgId, projectId: project.id, format: "csv" });
    await services.db.deleteFrom("projects").where("id", "=", project.id).execute();
    await projectExportHandler(exportJobDeps(services))({ exportId: started.id }, jobContext());
    expect(await objectsUnder(`org/${orgId}/exports/`)).toEqual([]);
  });
});
