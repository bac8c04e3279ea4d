import type { Role } from "@tesseract/validators";
import { describe, expect, it } from "vitest";
import { insertTestUser, type TestUser } from "../testing.ts";
import { as, services, outcome } from "./router-fixture.ts";
import { freshProject, orgId, owner, projectId, useProductOrg } from "./product-fixture.ts";

useProductOrg();

async function member(name: string, role: Role = "member"): Promise<TestUser> {
  const user = await insertTestUser(services, name);
  await services.db
    .insertInto("memberships")
    .values({ org_id: orgId, user_id: user.id, role })
    .execute();
  return user;
}

const names = (views: { name: string }[]) => views.map((v) => v.name);

describe("saved views", () => {
  it("saves a project's filters, lists them back as saved, renames and shares", async () => {
    const ada = await member("Ada Views");
    const filters = {
      status: ["todo" as const, "in_progress" as const],
      statusIds: ["0b6f2d7e-4c1a-4e8b-9d3f-2a7c5e1b8f40"],
      priority: ["urgent" as const],
      label: "5d0c1f8e-2b7a-4c39-8e61-9f3a7b2d4c10",
      sort: "due" as const,
      direction: "asc" as const,
      q: "login",
    };
    const view = await as(ada).view.create({ orgId, projectId, name: "  Urgent bugs ", filters });
    expect(view).toMatchObject({ name: "Urgent bugs", filters, shared: false, isMine: true });
    expect(view.ownerName).toBe("Ada Views");
    expect(await as(ada).view.list({ orgId, projectId })).toEqual([view]);
    // Another scope (My Issues, another project) does not list it.
    expect(await as(ada).view.list({ orgId })).toEqual([]);
    expect(await as(ada).view.list({ orgId, projectId: await freshProject("VWS") })).toEqual([]);

    const renamed = await as(ada).view.update({ orgId, viewId: view.id, name: "Hot bugs" });
    expect(renamed.name).toBe("Hot bugs");
    const changed = await as(ada).view.update({
      orgId,
      viewId: view.id,
      filters: { assignee: "unassigned" },
      shared: true,
    });
    expect(changed).toMatchObject({ filters: { assignee: "unassigned" }, shared: true });
    await as(ada).view.delete({ orgId, viewId: view.id });
    expect(await as(ada).view.list({ orgId, projectId })).toEqual([]);
  });

  it("keeps a private view from everyone else; a shared one is read by all, changed by its owner", async () => {
    const ada = await member("Ada Private");
    const bo = await member("Bo Private");
    const viewer = await member("Vi Private", "viewer");
    const secret = await as(ada).view.create({ orgId, name: "Ada's secret", filters: {} });
    const shared = await as(ada).view.create({
      orgId,
      name: "Team triage",
      filters: { relation: "assigned", status: ["todo"] },
      shared: true,
    });
    const mineFirst = await as(bo).view.create({ orgId, name: "Bo's own", filters: {} });

    const seenByBo = await as(bo).view.list({ orgId });
    expect(names(seenByBo)).toEqual(["Bo's own", "Team triage"]);
    expect(seenByBo.find((v) => v.id === shared.id)?.isMine).toBe(false);
    expect(names(await as(viewer).view.list({ orgId }))).toEqual(["Team triage"]);

    // Someone else's private view does not exist for Bo; a shared one is not Bo's to change.
    expect(await outcome(as(bo).view.update({ orgId, viewId: secret.id, name: "Mine now" }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(as(bo).view.delete({ orgId, viewId: secret.id }))).toBe("NOT_FOUND");
    expect(await outcome(as(bo).view.update({ orgId, viewId: shared.id, shared: false }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(as(bo).view.delete({ orgId, viewId: shared.id }))).toBe("FORBIDDEN");
    // Not even the owner of the organization sees or deletes a private view.
    expect(names(await as(owner).view.list({ orgId }))).not.toContain("Ada's secret");
    expect(await outcome(as(owner).view.delete({ orgId, viewId: secret.id }))).toBe("NOT_FOUND");
    // An admin may tidy up shared views.
    expect(await outcome(as(owner).view.delete({ orgId, viewId: shared.id }))).toBe("ok");
    expect(names(await as(bo).view.list({ orgId }))).toEqual(["Bo's own"]);
    expect(mineFirst.isMine).toBe(true);
  });

  it("never crosses organizations", async () => {
    const ada = await member("Ada Tenant");
    const view = await as(ada).view.create({ orgId, name: "Here", filters: {}, shared: true });
    const elsewhere = (await as(ada).org.create({ name: "Ada's other org" })).id;
    const otherProject = await as(ada).project.create({ orgId: elsewhere, name: "X", key: "XX" });
    expect(await as(ada).view.list({ orgId: elsewhere })).toEqual([]);
    expect(
      await outcome(as(ada).view.update({ orgId: elsewhere, viewId: view.id, name: "x" })),
    ).toBe("NOT_FOUND");
    expect(await outcome(as(ada).view.delete({ orgId: elsewhere, viewId: view.id }))).toBe(
      "NOT_FOUND",
    );
    // A project of another organization cannot scope a view here.
    expect(
      await outcome(
        as(ada).view.create({ orgId, projectId: otherProject.id, name: "Sneaky", filters: {} }),
      ),
    ).toBe("NOT_FOUND");
    const stranger = await insertTestUser(services, "Stranger Views");
    expect(await outcome(as(stranger).view.list({ orgId }))).toBe("NOT_FOUND");
  });

  it("keeps names 1–60 characters and unique per owner and scope", async () => {
    const ada = await member("Ada Names");
    const bo = await member("Bo Names");
    await as(ada).view.create({ orgId, projectId, name: "Backlog", filters: {} });
    expect(
      await outcome(as(ada).view.create({ orgId, projectId, name: "backlog", filters: {} })),
    ).toBe("CONFLICT");
    // Another scope, or another owner: fine.
    expect(await outcome(as(ada).view.create({ orgId, name: "Backlog", filters: {} }))).toBe("ok");
    expect(
      await outcome(as(bo).view.create({ orgId, projectId, name: "Backlog", filters: {} })),
    ).toBe("ok");
    const other = await as(ada).view.create({ orgId, projectId, name: "Other", filters: {} });
    expect(await outcome(as(ada).view.update({ orgId, viewId: other.id, name: "BACKLOG" }))).toBe(
      "CONFLICT",
    );
    expect(await outcome(as(ada).view.create({ orgId, name: "   ", filters: {} }))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcome(as(ada).view.create({ orgId, name: "x".repeat(61), filters: {} }))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcome(as(ada).view.create({ orgId, name: "a\u0000b", filters: {} }))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcome(as(ada).view.update({ orgId, viewId: other.id }))).toBe("BAD_REQUEST");
  });

  it("validates filters on write and again on read", async () => {
    const ada = await member("Ada Filters");
    expect(
      await outcome(
        as(ada).view.create({
          orgId,
          name: "Bad",
          filters: { status: ["nope"] } as never,
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(
        as(ada).view.create({ orgId, name: "Extra", filters: { sneaky: true } as never }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(as(ada).view.create({ orgId, name: "Surrogate", filters: { q: "\ud800" } })),
    ).toBe("BAD_REQUEST");

    // A row that no longer passes (written by hand here) keeps only its valid fields.
    const view = await as(ada).view.create({ orgId, name: "Old", filters: {} });
    await services.db
      .updateTable("saved_views")
      .set({ filters: { status: ["todo"], priority: ["extreme"], later: 1 } })
      .where("id", "=", view.id)
      .execute();
    const [read] = await as(ada).view.list({ orgId });
    expect(read?.filters).toEqual({ status: ["todo"] });
  });
});
