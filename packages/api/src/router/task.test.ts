import { describe, expect, it } from "vitest";
import { insertTestUser } from "../testing.ts";
import { as, services } from "./router-fixture.ts";
import {
  freshProject,
  insertTasks,
  labelIds,
  orgId,
  owner,
  projectId,
  useProductOrg,
} from "./product-fixture.ts";

useProductOrg();

describe("tasks", () => {
  it("numbers tasks per project without repeats under concurrent creates", async () => {
    const id = await freshProject("SEQ");
    const tasks = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        as(owner).task.create({ orgId, projectId: id, title: `Task ${i}` }),
      ),
    );
    expect(tasks.map((t) => t.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect((await as(owner).task.get({ orgId, ref: "seq-7" })).number).toBe(7);
  });

  it("appends concurrent creates to their column in key order, each with its own position and activity", async () => {
    const id = await freshProject("APP");
    const first = await as(owner).task.create({ orgId, projectId: id, title: "first" });
    const tasks = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        as(owner).task.create({ orgId, projectId: id, title: `Task ${i}`, status: "backlog" }),
      ),
    );
    const byNumber = [first, ...tasks].sort((a, b) => a.number - b.number);
    expect(byNumber.map((t) => t.key)).toEqual(
      Array.from({ length: 31 }, (_, i) => `APP-${i + 1}`),
    );
    // Each create saw the one before it: positions strictly increase with the number.
    for (let i = 1; i < byNumber.length; i++)
      expect(byNumber[i]!.position > byNumber[i - 1]!.position).toBe(true);
    const { items } = await as(owner).task.list({
      orgId,
      projectId: id,
      sort: "position",
      order: "asc",
      limit: 100,
    });
    expect(items.map((t) => t.key)).toEqual(byNumber.map((t) => t.key));
    const logged = await services.db
      .selectFrom("activity")
      .select(["target_id", "data"])
      .where("action", "=", "task.created")
      .where("project_id", "=", id)
      .execute();
    expect(logged.map((row) => (row.data as { key: string }).key).sort()).toEqual(
      byNumber.map((t) => t.key).sort(),
    );
    const watches = await services.db
      .selectFrom("task_watchers")
      .select("task_id")
      .where("user_id", "=", owner.id)
      .where(
        "task_id",
        "in",
        byNumber.map((t) => t.id),
      )
      .execute();
    expect(watches).toHaveLength(31);
  });

  it("takes no number for a create it refuses: keys stay gap-free", async () => {
    const id = await freshProject("GAP");
    const other = await freshProject("OTH");
    const [otherStatus] = await as(owner).status.list({ orgId, projectId: other });
    await as(owner).task.create({ orgId, projectId: id, title: "one" });
    await expect(
      as(owner).task.create({ orgId, projectId: id, title: "x", statusId: otherStatus!.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const two = await as(owner).task.create({ orgId, projectId: id, title: "two" });
    expect(two.key).toBe("GAP-2");
    const activity = await services.db
      .selectFrom("activity")
      .select("id")
      .where("action", "=", "task.created")
      .where("project_id", "=", id)
      .execute();
    expect(activity).toHaveLength(2);
  });

  // Each move is a full procedure call (auth, membership, rate budget, transaction, activity,
  // cache invalidation): 40 random moves over 8 cards already reach every case (to the top, to
  // the bottom, between neighbours, next to where it was), at a third of the former cost.
  it(
    "keeps a column's order consistent through many moves, writing one row each",
    { timeout: 180_000 },
    async () => {
      const id = await freshProject("MOV");
      const order: string[] = [];
      for (let i = 0; i < 8; i++)
        order.push(
          (await as(owner).task.create({ orgId, projectId: id, title: `T${i}`, status: "todo" }))
            .id,
        );
      let seed = 7;
      const random = (n: number) => (seed = (seed * 16_807) % 2_147_483_647) % n;
      for (let i = 0; i < 40; i++) {
        const moved = order.splice(random(order.length), 1)[0]!;
        const index = random(order.length + 1);
        const afterId = order[index - 1];
        const beforeId = order[index];
        await as(owner).task.move({
          orgId,
          taskId: moved,
          status: "todo",
          ...(afterId ? { afterId } : beforeId ? { beforeId } : {}),
        });
        order.splice(index, 0, moved);
      }
      const { items } = await as(owner).task.list({
        orgId,
        projectId: id,
        status: ["todo"],
        sort: "position",
        order: "asc",
        limit: 100,
      });
      expect(items.map((t) => t.id)).toEqual(order);
    },
  );

  it("moves across columns to the end, or next to a neighbour; refuses a neighbour elsewhere", async () => {
    const id = await freshProject("COL");
    const a = await as(owner).task.create({ orgId, projectId: id, title: "A", status: "todo" });
    const b = await as(owner).task.create({ orgId, projectId: id, title: "B", status: "done" });
    const moved = await as(owner).task.move({
      orgId,
      taskId: a.id,
      status: "done",
      beforeId: b.id,
    });
    expect(moved.status).toBe("done");
    expect(moved.position < b.position).toBe(true);
    const c = await as(owner).task.create({ orgId, projectId: id, title: "C", status: "todo" });
    await expect(
      as(owner).task.move({ orgId, taskId: c.id, status: "todo", afterId: b.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it(
    "pages through every task exactly once while others are inserted",
    { timeout: 180_000 },
    async () => {
      const id = await freshProject("PAGE");
      // The existing tasks need no create path: one insert; the late ones below use task.create.
      await insertTasks(id, 40);
      const before = new Set(
        (await as(owner).task.list({ orgId, projectId: id, limit: 100 })).items.map((t) => t.id),
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      let inserts = 0;
      do {
        const page: Awaited<ReturnType<ReturnType<typeof as>["task"]["list"]>> = await as(
          owner,
        ).task.list({ orgId, projectId: id, limit: 7, cursor, sort: "created", order: "desc" });
        seen.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor;
        if (inserts++ < 5)
          await Promise.all([
            as(owner).task.create({ orgId, projectId: id, title: "late" }),
            as(owner).task.create({ orgId, projectId: id, title: "late" }),
          ]);
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      for (const taskId of before) expect(seen).toContain(taskId);
    },
  );

  it("filters and sorts as asked", async () => {
    const id = await freshProject("FLT");
    const member = await insertTestUser(services, "Member");
    await services.db
      .insertInto("memberships")
      .values({ org_id: orgId, user_id: member.id, role: "member" })
      .execute();
    const [bug, chore, ui] = await labelIds("bug", "chore", "ui");
    const make = (title: string, extra: Record<string, unknown>) =>
      as(owner).task.create({ orgId, projectId: id, title, ...extra });
    await make("urgent bug", {
      priority: "urgent",
      labelIds: [bug],
      assigneeId: member.id,
      dueDate: "2026-12-01",
    });
    await make("low chore", { priority: "low", labelIds: [chore], dueDate: "2026-12-20" });
    await make("high bug", { priority: "high", labelIds: [bug, ui], status: "in_progress" });
    const titles = async (filter: Record<string, unknown>) =>
      (await as(owner).task.list({ orgId, projectId: id, ...filter })).items.map((t) => t.title);
    expect(await titles({ labelId: bug, sort: "priority", order: "desc" })).toEqual([
      "urgent bug",
      "high bug",
    ]);
    expect(await titles({ assigneeId: member.id })).toEqual(["urgent bug"]);
    expect((await titles({ assigneeId: "unassigned" })).sort()).toEqual(["high bug", "low chore"]);
    expect(await titles({ status: ["in_progress"] })).toEqual(["high bug"]);
    expect(await titles({ priority: ["low", "urgent"], sort: "due", order: "asc" })).toEqual([
      "urgent bug",
      "low chore",
    ]);
    expect(await titles({ dueFrom: "2026-12-10", dueTo: "2026-12-31" })).toEqual(["low chore"]);
    // A task without a due date comes last in both directions, and paging keeps that order.
    for (const order of ["asc", "desc"] as const) {
      const expected =
        order === "asc"
          ? ["urgent bug", "low chore", "high bug"]
          : ["low chore", "urgent bug", "high bug"];
      expect(await titles({ sort: "due", order }), order).toEqual(expected);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { title: string }[]; nextCursor: string | null } = await as(
          owner,
        ).task.list({ orgId, projectId: id, sort: "due", order, limit: 1, cursor });
        paged.push(...page.items.map((t) => t.title));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged, order).toEqual(expected);
    }
    // The counts follow the same filters, per status, and stay exact once tasks move.
    const counts = (filter: Record<string, unknown>) =>
      as(owner).task.counts({ orgId, projectId: id, ...filter });
    expect(await counts({})).toEqual({
      byStatus: { backlog: 2, todo: 0, in_progress: 1, done: 0, canceled: 0 },
      byStatusId: expect.any(Object),
      total: 3,
    });
    expect(await counts({ labelId: bug, status: ["in_progress", "done"] })).toEqual({
      byStatus: { backlog: 0, todo: 0, in_progress: 1, done: 0, canceled: 0 },
      byStatusId: expect.any(Object),
      total: 1,
    });
    expect((await counts({ assigneeId: "unassigned", priority: ["low"] })).total).toBe(1);
    const [lowChore] = (await as(owner).task.list({ orgId, projectId: id, labelId: chore })).items;
    await as(owner).task.move({ orgId, taskId: lowChore!.id, status: "done" });
    expect((await counts({})).byStatus).toMatchObject({ backlog: 1, done: 1 });
    expect((await as(owner).task.counts({ orgId })).total).toBeGreaterThanOrEqual(3);
    await expect(
      make("x", { assigneeId: (await insertTestUser(services)).id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(owner).task.list({ orgId, cursor: "garbage" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(as(owner).task.list({ orgId, limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("records the changed fields, and filters activity by project and by task", async () => {
    const id = await freshProject("ACT");
    const task = await as(owner).task.create({ orgId, projectId: id, title: "Audit me" });
    await as(owner).task.update({ orgId, taskId: task.id, title: "Audited", priority: "high" });
    const { items } = await as(owner).activity.list({ orgId, taskId: task.id });
    expect(items.map((i) => i.action)).toEqual(["task.updated", "task.created"]);
    expect(items[0]?.data).toMatchObject({
      changes: {
        title: { from: "Audit me", to: "Audited" },
        priority: { from: "none", to: "high" },
      },
    });
    const history = await as(owner).task.activity({ orgId, taskId: task.id });
    expect(history.items.map((i) => i.action)).toEqual(["task.updated", "task.created"]);
    const byProject = await as(owner).activity.list({ orgId, projectId: id });
    expect(
      byProject.items.every((i) => i.action.startsWith("task.") || i.action.startsWith("project.")),
    ).toBe(true);
    expect(byProject.items.length).toBeGreaterThanOrEqual(3);
  });

  it("refuses a description change made from text someone else has changed since", async () => {
    const id = await freshProject("CAS");
    const task = await as(owner).task.create({
      orgId,
      projectId: id,
      title: "Checklist",
      description: "- [ ] one\n- [ ] two",
    });
    // Two people tick different boxes from the same text: the second is refused, not merged away.
    const first = await as(owner).task.update({
      orgId,
      taskId: task.id,
      description: "- [x] one\n- [ ] two",
      descriptionBefore: "- [ ] one\n- [ ] two",
    });
    expect(first.description).toBe("- [x] one\n- [ ] two");
    await expect(
      as(owner).task.update({
        orgId,
        taskId: task.id,
        description: "- [ ] one\n- [x] two",
        descriptionBefore: "- [ ] one\n- [ ] two",
        priority: "high",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: /changed this description meanwhile/ });
    const after = await as(owner).task.get({ orgId, ref: task.id });
    expect(after).toMatchObject({ description: "- [x] one\n- [ ] two", priority: "none" });
    // Concurrent changes from the same text: exactly one wins.
    const racing = await Promise.allSettled(
      ["a", "b", "c"].map((mark) =>
        as(owner).task.update({
          orgId,
          taskId: task.id,
          description: `changed by ${mark}`,
          descriptionBefore: "- [x] one\n- [ ] two",
        }),
      ),
    );
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // Without descriptionBefore the change is made as before (last write wins).
    await as(owner).task.update({ orgId, taskId: task.id, description: "plain" });
    expect((await as(owner).task.get({ orgId, ref: task.id })).description).toBe("plain");
  });
});

describe("client input that PostgreSQL would refuse", () => {
  const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");
  const uuid = "7f1c4c8e-7a4e-4b8e-9f0a-2b1f5a1c9d00";

  it("refuses cursors that decode but carry wrong-typed values, for every sort", async () => {
    const task = await as(owner).task.create({ orgId, projectId, title: "cursor target" });
    const malformed = [
      ["x", "y"],
      ["a\u0000b", uuid],
      [1, uuid],
      ["2026-11-29 10:00:00+00", "not-a-uuid"],
      ["2026-11-29 10:00:00+00", uuid, "extra"],
      { a: 1 },
      null,
    ];
    const wrongType = [
      "2026-13-01 00:00:00+00",
      "2026-02-30 00:00:00.5+00",
      "0000-01-01",
      "99999",
      "x",
    ];
    for (const sort of ["created", "updated", "priority", "due", "position"] as const) {
      const bad = [
        ...malformed,
        ...(sort === "position" ? [] : wrongType.map((value) => [value, uuid])),
      ];
      for (const values of bad) {
        await expect(
          as(owner).task.list({ orgId, sort, cursor: cursorOf(values) }),
          `${sort} ${JSON.stringify(values)}`,
        ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      }
    }
    for (const values of [...malformed, ...wrongType.map((value) => [value, uuid])]) {
      await expect(
        as(owner).comment.list({ orgId, taskId: task.id, cursor: cursorOf(values) }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });

  it("still follows the cursors it issued, for every sort", async () => {
    const id = await freshProject("CUR");
    for (let i = 0; i < 3; i++)
      await as(owner).task.create({
        orgId,
        projectId: id,
        title: `C${i}`,
        dueDate: `2026-12-0${i + 1}`,
      });
    for (const sort of ["created", "updated", "priority", "due", "position"] as const) {
      const first = await as(owner).task.list({ orgId, projectId: id, sort, limit: 1 });
      expect(first.nextCursor, sort).not.toBeNull();
      const second = await as(owner).task.list({
        orgId,
        projectId: id,
        sort,
        limit: 1,
        cursor: first.nextCursor,
      });
      expect(second.items[0]?.id, sort).not.toBe(first.items[0]?.id);
    }
  });

  it("refuses NUL and lone surrogates in every stored text field, changing nothing", async () => {
    const before = await as(owner).task.list({ orgId, projectId, limit: 100 });
    for (const broken of ["with\u0000nul", "\udfff\ud800 lone"]) {
      const attempts = [
        () => as(owner).task.create({ orgId, projectId, title: broken }),
        () => as(owner).task.create({ orgId, projectId, title: "ok", description: broken }),
        () => as(owner).label.create({ orgId, name: broken }),
        () => as(owner).task.search({ orgId, query: broken }),
        () => as(owner).project.create({ orgId, name: broken, key: "NUL" }),
        () => as(owner).org.create({ name: broken }),
        () => as(owner).auth.updateProfile({ name: broken }),
      ];
      for (const attempt of attempts)
        await expect(attempt()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const after = await as(owner).task.list({ orgId, projectId, limit: 100 });
    expect(after.items.length).toBe(before.items.length);
  });
});
