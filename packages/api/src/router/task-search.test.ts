import { describe, expect, it } from "vitest";
import { insertTestUser } from "../testing.ts";
import { as, services } from "./router-fixture.ts";
import { freshProject, labelIds, orgId, owner, useProductOrg } from "./product-fixture.ts";

useProductOrg();

describe("search", () => {
  it("finds by title, description and comment text, ranks title first, highlights, and stays in the organization", async () => {
    const id = await freshProject("SRCH");
    const inTitle = await as(owner).task.create({
      orgId,
      projectId: id,
      title: "Refactor the quasar renderer",
    });
    const inDescription = await as(owner).task.create({
      orgId,
      projectId: id,
      title: "Tidy up",
      description: "The quasar module leaks memory under load.",
    });
    const withComment = await as(owner).task.create({
      orgId,
      projectId: id,
      title: "Release notes",
    });
    await as(owner).comment.create({
      orgId,
      taskId: withComment.id,
      body: "Mention the quasar fix in the notes",
    });
    const other = await insertTestUser(services, "Other");
    const otherOrg = (await as(other).org.create({ name: "Elsewhere" })).id;
    const otherProject = await as(other).project.create({ orgId: otherOrg, name: "X", key: "X1" });
    await as(other).task.create({
      orgId: otherOrg,
      projectId: otherProject.id,
      title: "quasar secret",
    });

    const hits = await as(owner).task.search({ orgId, query: "quasar" });
    expect(hits.map((h) => h.id)).toEqual([inTitle.id, inDescription.id, withComment.id]);
    expect(hits[0]?.title.filter((p) => p.match).map((p) => p.text)).toEqual(["quasar"]);
    expect(hits[2]).toMatchObject({ matchedIn: "comment" });
    expect(hits[2]?.snippet.some((p) => p.match && p.text === "quasar")).toBe(true);
    expect(JSON.stringify(hits)).not.toContain("secret");
    expect(await as(owner).task.search({ orgId, query: "quasar -renderer" })).toHaveLength(2);
    const elsewhere = await freshProject("SRCH2");
    await as(owner).task.create({ orgId, projectId: elsewhere, title: "Another quasar task" });
    expect(
      (await as(owner).task.search({ orgId, query: "quasar", projectId: id })).map((h) => h.id),
    ).toEqual([inTitle.id, inDescription.id, withComment.id]);
    expect(
      await as(owner).task.search({ orgId, query: "quasar", projectId: elsewhere }),
    ).toHaveLength(1);
    await expect(as(owner).task.search({ orgId, query: "q" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
  it("narrows project search by the list's filters and pages beyond the first results", async () => {
    const id = await freshProject("SFLT");
    const elsewhere = await freshProject("SFLX");
    const [ops] = await labelIds("ops");
    for (let n = 0; n < 25; n++)
      await as(owner).task.create({
        orgId,
        projectId: id,
        title: `Nebula step ${n}`,
        status: n % 5 === 0 ? "done" : "todo",
        labelIds: n % 5 === 0 ? [ops!] : [],
      });
    await as(owner).task.create({ orgId, projectId: elsewhere, title: "Nebula elsewhere" });

    const first = await as(owner).task.search({ orgId, projectId: id, query: "nebula" });
    expect(first).toHaveLength(20);
    const second = await as(owner).task.search({
      orgId,
      projectId: id,
      query: "nebula",
      cursor: 20,
    });
    expect(second).toHaveLength(5);
    const keys = new Set([...first, ...second].map((hit) => hit.key));
    expect(keys.size).toBe(25);
    expect([...keys].every((key) => key.startsWith("SFLT-"))).toBe(true);

    const done = await as(owner).task.search({
      orgId,
      projectId: id,
      query: "nebula",
      status: ["done"],
      labelId: ops,
    });
    expect(done.map((hit) => hit.status)).toEqual(["done", "done", "done", "done", "done"]);
    const [doneStatus] = (await as(owner).status.list({ orgId, projectId: id })).filter(
      (status) => status.category === "completed",
    );
    const inDone = await as(owner).task.search({
      orgId,
      projectId: id,
      query: "nebula",
      statusIds: [doneStatus!.id],
    });
    expect(inDone.map((hit) => hit.status)).toEqual(["done", "done", "done", "done", "done"]);
    const assigned = await as(owner).task.search({
      orgId,
      query: "nebula",
      assigneeId: owner.id,
    });
    expect(assigned).toEqual([]);
    const everywhere = await as(owner).task.search({ orgId, query: "nebula", limit: 50 });
    expect(everywhere).toHaveLength(26);
  });
});
