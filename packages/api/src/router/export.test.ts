import { describe, expect, it } from "vitest";
import { recordPublished } from "../live/published-fixture.ts";
import { insertTestUser } from "../testing.ts";
import { as, orgWith, services, useServices } from "./router-fixture.ts";

// A small hourly export budget, so the limit is reachable in a test.
useServices({ RATE_LIMIT_EXPORTS_PER_HOUR: "4" });

/** Waits until the background job runtime has finished the export (its status settles). */
async function settled(exportId: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const row = await services.db
      .selectFrom("exports")
      .select("status")
      .where("id", "=", exportId)
      .executeTakeFirstOrThrow();
    if (row.status === "ready" || row.status === "failed") return row.status;
    if (Date.now() > deadline) throw new Error(`export ${exportId} still ${row.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function setUp() {
  const org = await orgWith(["member", "viewer"]);
  const [member, viewer] = org.users as [(typeof org.users)[0], (typeof org.users)[0]];
  const project = await as(org.owner).project.create({
    orgId: org.orgId,
    name: "Exported",
    key: "EXP",
  });
  await as(org.owner).task.create({ orgId: org.orgId, projectId: project.id, title: "=1+1" });
  return { ...org, member, viewer, projectId: project.id };
}

describe("project exports", () => {
  it("a member exports; the worker makes the file and emails a link; the download is short-lived", async () => {
    const { orgId, member, projectId } = await setUp();
    const started = await as(member).project.export({ orgId, projectId, format: "csv" });
    expect(started).toMatchObject({ status: "queued", kind: "project", projectId });

    expect(await settled(started.id)).toBe("ready");
    const mail = await services.mail.waitFor(
      (m) => m.to === member.email && m.subject.includes("is ready"),
    );
    expect(mail.text).toContain(`/orgs/${orgId}/exports/${started.id}`);

    expect(await as(member).export.get({ orgId, exportId: started.id })).toMatchObject({
      status: "ready",
      rowsDone: 1,
      rowsTotal: 1,
    });
    const listed = await as(member).export.list({ orgId, projectId });
    expect(listed.map((e) => e.id)).toContain(started.id);
    const link = await as(member).export.download({ orgId, exportId: started.id });
    expect(link.fileName).toMatch(/^EXP-tasks-\d{4}-\d{2}-\d{2}\.csv$/);
    const url = new URL(link.url);
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("response-content-disposition")).toBe(
      `attachment; filename="${link.fileName}"; filename*=UTF-8''${link.fileName}`,
    );
    const body = await (await fetch(url)).text();
    expect(body.split("\r\n")[1]).toContain(",'=1+1,");
  });

  it("viewers may not export; bad input is refused with 400 and changes nothing", async () => {
    const { orgId, viewer, member, projectId } = await setUp();
    await expect(
      as(viewer).project.export({ orgId, projectId, format: "csv" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const input of [
      { orgId, projectId, format: "xlsx" },
      { orgId, projectId: "not-a-uuid", format: "csv" },
    ]) {
      await expect(as(member).project.export(input as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    await expect(
      as(member).project.export({
        orgId,
        projectId: "00000000-0000-4000-8000-000000000000",
        format: "csv",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(member).export.get({ orgId, exportId: "x\u0000" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const rows = await services.db
      .selectFrom("exports")
      .select("id")
      .where("project_id", "=", projectId)
      .execute();
    expect(rows).toEqual([]);
  });

  it("another organization's export cannot be seen, listed or downloaded", async () => {
    const a = await setUp();
    const b = await setUp();
    const started = await as(a.member).project.export({
      orgId: a.orgId,
      projectId: a.projectId,
      format: "json",
    });
    expect(await settled(started.id)).toBe("ready");
    // b's owner, in b's organization, naming a's export.
    for (const call of [
      () => as(b.owner).export.get({ orgId: b.orgId, exportId: started.id }),
      () => as(b.owner).export.download({ orgId: b.orgId, exportId: started.id }),
    ])
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await as(b.owner).export.list({ orgId: b.orgId })).toEqual([]);
    // And a's organization refuses b's owner outright.
    await expect(
      as(b.owner).export.get({ orgId: a.orgId, exportId: started.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("expired exports are not served", async () => {
    const { orgId, member, projectId } = await setUp();
    const started = await as(member).project.export({ orgId, projectId, format: "csv" });
    expect(await settled(started.id)).toBe("ready");
    await services.db
      .updateTable("exports")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", started.id)
      .execute();
    expect(await as(member).export.get({ orgId, exportId: started.id })).toMatchObject({
      expired: true,
    });
    await expect(as(member).export.download({ orgId, exportId: started.id })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
  });

  it("export creation has an hourly budget per person", async () => {
    const { orgId, owner, projectId } = await setUp();
    for (let i = 0; i < 4; i++) await as(owner).project.export({ orgId, projectId, format: "csv" });
    await expect(
      as(owner).project.export({ orgId, projectId, format: "csv" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("a person's own data", () => {
  it("exports what the person wrote, across organizations, and nobody else's", async () => {
    const a = await setUp();
    const b = await setUp();
    // The member of a also belongs to b, and writes in both.
    await services.db
      .insertInto("memberships")
      .values({ org_id: b.orgId, user_id: a.member.id, role: "member" })
      .execute();
    await as(a.member).task.create({ orgId: a.orgId, projectId: a.projectId, title: "Mine in A" });
    await as(a.member).task.create({ orgId: b.orgId, projectId: b.projectId, title: "Mine in B" });
    const others = await as(a.owner).task.list({ orgId: a.orgId, projectId: a.projectId });
    await as(a.member).comment.create({
      orgId: a.orgId,
      taskId: others.items[0]!.id,
      body: "My comment",
    });
    await as(a.owner).comment.create({
      orgId: a.orgId,
      taskId: others.items[0]!.id,
      body: "The owner's comment",
    });

    const recording = recordPublished(services);
    const started = await as(a.member).account.exportData({});
    expect(started).toMatchObject({ kind: "account", format: "json", status: "queued" });
    expect(await settled(started.id)).toBe("ready");
    // Its progress went to the person's own stream (live.me), and to no organization's.
    const progress = () =>
      recording.published.filter(
        ({ event }) => event.type === "job.progress" && event.jobId === started.id,
      );
    await expect
      .poll(() => progress().map(({ event }) => "state" in event && event.state))
      .toContain("ready");
    recording.restore();
    expect(new Set(progress().map(({ streamKey }) => streamKey))).toEqual(
      new Set([`person:${a.member.id}`]),
    );
    expect(progress()[0]?.event).toMatchObject({ kind: "export", state: "running" });
    const view = await as(a.member).account.exportGet({ exportId: started.id });
    expect(view.status).toBe("ready");
    expect((await as(a.member).account.exportList()).map((e) => e.id)).toContain(started.id);

    const link = await as(a.member).account.exportDownload({ exportId: started.id });
    const text = await (await fetch(link.url)).text();
    const doc = JSON.parse(text) as {
      profile: { email: string };
      organizations: { id: string }[];
      tasks: { title: string }[];
      comments: { body: string }[];
    };
    expect(doc.profile.email).toBe(a.member.email);
    expect(doc.organizations.map((o) => o.id).sort()).toEqual([a.orgId, b.orgId].sort());
    expect(doc.tasks.map((t) => t.title).sort()).toEqual(["Mine in A", "Mine in B"]);
    expect(doc.comments.map((c) => c.body)).toEqual(["My comment"]);
    expect(text).not.toContain(a.owner.email);
    expect(text).not.toContain("The owner's comment");
    expect(text).not.toContain("password");

    // Someone else cannot see or download it by its id.
    const stranger = await insertTestUser(services, "Stranger");
    await expect(as(stranger).account.exportGet({ exportId: started.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      as(stranger).account.exportDownload({ exportId: started.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nor through an organization's export procedures.
    await expect(
      as(a.owner).export.get({ orgId: a.orgId, exportId: started.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
