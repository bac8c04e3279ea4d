import { describe, expect, it } from "vitest";
import { as, services } from "./router-fixture.ts";
import { freshProject, labelIds, orgId, owner, useProductOrg } from "./product-fixture.ts";

useProductOrg();

const nextNumber = async (projectId: string) =>
  (
    await services.db
      .selectFrom("projects")
      .select("next_task_number")
      .where("id", "=", projectId)
      .executeTakeFirstOrThrow()
  ).next_task_number;

describe("task.create", () => {
  // Plain creates are one statement committed on their own; the others (labels, an assignee,
  // a parent, an @mention) run in a transaction. Both take the same project lock.
  it("numbers 40 concurrent creates of both kinds 1..40 and appends each after the one before", async () => {
    const id = await freshProject("MIX");
    const [label] = await labelIds("mixed");
    const parent = await as(owner).task.create({ orgId, projectId: id, title: "parent" });
    const extras = [
      { labelIds: [label!] },
      { assigneeId: owner.id },
      { parentId: parent.id },
      { description: `for @${owner.email}` },
    ];
    const created = await Promise.all(
      Array.from({ length: 39 }, (_, i) =>
        as(owner).task.create({
          orgId,
          projectId: id,
          title: `Task ${i}`,
          ...(i % 3 === 0 ? extras[(i / 3) % extras.length] : {}),
        }),
      ),
    );
    const byNumber = [parent, ...created].sort((a, b) => a.number - b.number);
    expect(byNumber.map((t) => t.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(byNumber.map((t) => t.key)).toEqual(byNumber.map((t) => `MIX-${t.number}`));
    expect(new Set(byNumber.map((t) => t.statusId)).size).toBe(1);
    for (let i = 1; i < byNumber.length; i++)
      expect(byNumber[i]!.position > byNumber[i - 1]!.position).toBe(true);
    expect(created.filter((t) => t.labels.length === 1)).toHaveLength(4);
    expect(created.filter((t) => t.parentId === parent.id)).toHaveLength(3);
    expect(await nextNumber(id)).toBe(41);
    const logged = await services.db
      .selectFrom("activity")
      .select("data")
      .where("action", "=", "task.created")
      .where("project_id", "=", id)
      .execute();
    expect(logged.map((row) => (row.data as { key: string }).key).sort()).toEqual(
      byNumber.map((t) => t.key).sort(),
    );
  });

  // The creates that queue on the project's lock together go in one statement (one transaction
  // time): each is still dated when it was made, so creation order is number order.
  it("lists concurrent creates by creation time in number order", async () => {
    const id = await freshProject("ORD");
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        as(owner).task.create({ orgId, projectId: id, title: `Task ${i}` }),
      ),
    );
    const numbers = created.map((t) => t.number).sort((a, b) => a - b);
    const list = (order: "asc" | "desc", cursor?: string | null) =>
      as(owner).task.list({ orgId, projectId: id, sort: "created", order, limit: 10, cursor });
    for (const order of ["asc", "desc"] as const) {
      const listed: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(order, cursor);
        listed.push(...page.items.map((t) => t.number));
        cursor = page.nextCursor;
      } while (cursor);
      expect(listed).toEqual(order === "asc" ? numbers : numbers.toReversed());
    }
  });

  it("refuses an archived project and another project's status, taking no number", async () => {
    const id = await freshProject("ARC");
    const other = await freshProject("ARO");
    const [otherStatus] = await as(owner).status.list({ orgId, projectId: other });
    const [label] = await labelIds("archived");
    await expect(
      as(owner).task.create({ orgId, projectId: id, title: "x", statusId: otherStatus!.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That status is not one of this project's statuses",
    });
    await expect(
      as(owner).task.create({
        orgId,
        projectId: id,
        title: "x",
        statusId: otherStatus!.id,
        labelIds: [label!],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await nextNumber(id)).toBe(1);
    await as(owner).project.archive({ orgId, projectId: id });
    for (const extra of [{}, { labelIds: [label!] }, { assigneeId: owner.id }])
      await expect(
        as(owner).task.create({ orgId, projectId: id, title: "x", ...extra }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await nextNumber(id)).toBe(1);
    const tasks = await services.db
      .selectFrom("tasks")
      .select("id")
      .where("project_id", "=", id)
      .execute();
    expect(tasks).toHaveLength(0);
  });
});
