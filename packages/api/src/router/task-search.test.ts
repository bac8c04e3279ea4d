import { describe, expect, it } from "vitest";
import { insertTestUser } from "../testing.ts";
import { as, services } from "./router-fixture.ts";
import { freshProject, orgId, owner, useProductOrg } from "./product-fixture.ts";

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
});
