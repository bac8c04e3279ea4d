import { describe, expect, it } from "vitest";
import { insertTestUser } from "../testing.ts";
import { as, services } from "./router-fixture.ts";
import { orgId, owner, projectId, useProductOrg } from "./product-fixture.ts";

useProductOrg();

describe("comments", () => {
  it("lets the author or an admin edit and delete, and no one else", async () => {
    const task = await as(owner).task.create({ orgId, projectId, title: "Discuss" });
    const [a, b] = [await insertTestUser(services, "A"), await insertTestUser(services, "B")];
    for (const u of [a, b])
      await services.db
        .insertInto("memberships")
        .values({ org_id: orgId, user_id: u.id, role: "member" })
        .execute();
    const comment = await as(a).comment.create({ orgId, taskId: task.id, body: "First!" });
    await expect(
      as(b).comment.update({ orgId, commentId: comment.id, body: "Hijack" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await as(a).comment.update({ orgId, commentId: comment.id, body: "Edited" });
    expect((await as(b).comment.list({ orgId, taskId: task.id })).items.map((c) => c.body)).toEqual(
      ["Edited"],
    );
    await as(owner).comment.delete({ orgId, commentId: comment.id });
    expect((await as(a).comment.list({ orgId, taskId: task.id })).items).toEqual([]);
  });
});

describe("comment pages", () => {
  it("return every comment exactly once, even ones written in the same millisecond", async () => {
    const task = await as(owner).task.create({ orgId, projectId, title: "Chatty" });
    const bodies = Array.from({ length: 7 }, (_, i) => `comment ${i}`);
    await services.db
      .insertInto("comments")
      .values(
        bodies.map((body) => ({
          org_id: orgId,
          task_id: task.id,
          author_id: owner.id,
          body,
          created_at: new Date("2026-11-24T12:00:00.000Z"),
        })),
      )
      .execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof as>["comment"]["list"]>> = await as(
        owner,
      ).comment.list({ orgId, taskId: task.id, limit: 3, cursor });
      seen.push(...page.items.map((c) => c.body));
      cursor = page.nextCursor;
    } while (cursor);
    expect([...seen].sort()).toEqual([...bodies].sort());
  });
});
