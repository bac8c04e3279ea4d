import { describe, expect, it } from "vitest";
import { insertTestUser } from "../testing.ts";
import { as, services, useServices } from "./router-fixture.ts";

useServices();

describe("a renamed person", () => {
  it("shows under the new name at once in every organization's cached task, comment and file lists", async () => {
    const person = await insertTestUser(services, "Nia Before");
    const lists = [];
    for (const name of ["First Org", "Second Org"]) {
      const orgId = (await as(person).org.create({ name })).id;
      const projectId = (await as(person).project.create({ orgId, name: "Work", key: "wrk" })).id;
      const task = await as(person).task.create({
        orgId,
        projectId,
        title: "Named",
        assigneeId: person.id,
      });
      await as(person).comment.create({ orgId, taskId: task.id, body: "Hello" });
      lists.push(async () => {
        const page = await as(person).task.list({ orgId, projectId });
        const comments = await as(person).comment.list({ orgId, taskId: task.id });
        return [page.items[0]?.assigneeName, comments.items[0]?.authorName];
      });
    }
    // Answered once, so each list has a cache entry under the old name.
    for (const read of lists) expect(await read()).toEqual(["Nia Before", "Nia Before"]);

    await as(person).auth.updateProfile({ name: "Nia After" });
    for (const read of lists) expect(await read()).toEqual(["Nia After", "Nia After"]);
  });
});
