import { describe, expect, it } from "vitest";
import { as } from "./router-fixture.ts";
import { freshProject, orgId, owner, projectId, useProductOrg } from "./product-fixture.ts";

useProductOrg();

describe("projects", () => {
  it("keeps keys unique per organization, normalised to upper case", async () => {
    const project = await as(owner).project.get({ orgId, projectId });
    expect(project.key).toBe("ENG");
    await expect(
      as(owner).project.create({ orgId, name: "Dup", key: "Eng" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(as(owner).project.create({ orgId, name: "Bad", key: "1X" })).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
  });

  it("archives, restores and deletes only when confirmed by key", async () => {
    const id = await freshProject("ARC");
    await as(owner).project.archive({ orgId, projectId: id });
    expect((await as(owner).project.list({ orgId })).map((p) => p.key)).not.toContain("ARC");
    expect(
      (await as(owner).project.list({ orgId, includeArchived: true })).map((p) => p.key),
    ).toContain("ARC");
    await expect(as(owner).task.create({ orgId, projectId: id, title: "x" })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    await as(owner).project.restore({ orgId, projectId: id });
    await expect(
      as(owner).project.delete({ orgId, projectId: id, confirmKey: "NOPE" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await as(owner).project.delete({ orgId, projectId: id, confirmKey: "arc" });
    await expect(as(owner).project.get({ orgId, projectId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
