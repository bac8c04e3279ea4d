import { beforeAll } from "vitest";
import { positionBetween } from "../domain/position.ts";
import { insertTestUser, type TestUser } from "../testing.ts";
import { as, services, useServices } from "./router-fixture.ts";

/**
 * Set-up shared by the product suites (project, task, comment, search): one organization with
 * an "ENG" project, owned by `owner`, and rate limits high enough for volume tests. Call
 * `useProductOrg()` at the top of the file; the bindings below are live and filled before the
 * first test.
 */
export let owner: TestUser;
export let orgId: string;
export let projectId: string;

export function useProductOrg(): void {
  useServices({
    RATE_LIMIT_WRITES_PER_MINUTE: "100000",
    RATE_LIMIT_READS_PER_MINUTE: "100000",
  });
  beforeAll(async () => {
    owner = await insertTestUser(services, "Owner");
    orgId = (await as(owner).org.create({ name: "Product Org" })).id;
    projectId = (await as(owner).project.create({ orgId, name: "Engineering", key: "eng" })).id;
  });
}

export async function freshProject(key: string) {
  return (await as(owner).project.create({ orgId, name: key, key })).id;
}

/**
 * `count` backlog tasks written in one statement (the project's counter moved past them), one
 * millisecond apart in creation order: for tests that need volume, not the create path.
 */
export async function insertTasks(projectId: string, count: number): Promise<void> {
  const { db } = services;
  const project = await db
    .updateTable("projects")
    .set((eb) => ({ next_task_number: eb("next_task_number", "+", count) }))
    .where("id", "=", projectId)
    .returning("next_task_number")
    .executeTakeFirstOrThrow();
  const firstNumber = project.next_task_number - count;
  const created = Date.now() - 60_000;
  let position: string | null = null;
  const rows = Array.from({ length: count }, (_, i) => {
    position = positionBetween(position, null);
    return {
      org_id: orgId,
      project_id: projectId,
      number: firstNumber + i,
      title: `Bulk ${i}`,
      position,
      created_by: owner.id,
      created_at: new Date(created + i),
    };
  });
  await db.insertInto("tasks").values(rows).execute();
}

/** The ids of the organization's labels by these names, defining the ones missing. */
export async function labelIds(...names: string[]): Promise<string[]> {
  const existing = new Map(
    (await as(owner).label.list({ orgId })).map((label) => [label.name, label.id]),
  );
  const ids: string[] = [];
  for (const name of names)
    ids.push(existing.get(name) ?? (await as(owner).label.create({ orgId, name })).id);
  return ids;
}
