import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { insertTask } from "../domain/task-insert.ts";
import { moveTask } from "../domain/tasks.ts";
import { as, services } from "./router-fixture.ts";
import { blockedOrDone, underway } from "./lock-fixture.ts";
import { freshProject, orgId, owner, useProductOrg } from "./product-fixture.ts";

useProductOrg();

// A create appends to its column under the project's lock; every other writer of a position
// takes that lock too (domain/column-lock.ts). Each race below is made deterministic: one side
// runs in a transaction held open, the other starts meanwhile and must wait for it.

async function columnPositions(statusId: string) {
  const rows = await services.db
    .selectFrom("tasks")
    .select(["id", "position"])
    .where("status_id", "=", statusId)
    .orderBy("position")
    .execute();
  return rows;
}

/** A project with one task in its backlog (`last`) and one in its to-do column (`mover`). */
async function board(key: string) {
  const projectId = await freshProject(key);
  const last = await as(owner).task.create({ orgId, projectId, title: "last" });
  const mover = await as(owner).task.create({ orgId, projectId, title: "mover", status: "todo" });
  return { projectId, column: last.statusId, last, mover };
}

type Board = Awaited<ReturnType<typeof board>>;

// Each writer moves `mover` into the backlog: to its end, or right after `last`.
const writers = [
  {
    name: "task.move to the end",
    write: (b: Board) => as(owner).task.move({ orgId, taskId: b.mover.id, statusId: b.column }),
    atEnd: true,
  },
  {
    name: "task.move after the last task",
    write: (b: Board) =>
      as(owner).task.move({ orgId, taskId: b.mover.id, statusId: b.column, afterId: b.last.id }),
    atEnd: false,
  },
  {
    name: "task.update to a new status",
    write: (b: Board) => as(owner).task.update({ orgId, taskId: b.mover.id, statusId: b.column }),
    atEnd: true,
  },
  {
    name: "task.bulkUpdate to a new status",
    write: (b: Board) =>
      as(owner).task.bulkUpdate({ orgId, taskIds: [b.mover.id], statusId: b.column }),
    atEnd: true,
  },
];

describe("board positions", () => {
  it.each(writers.map((writer, n) => ({ ...writer, n })))(
    "$name waits for a create under way in that column, then takes a position of its own",
    async ({ write, atEnd, n }) => {
      const b = await board(`WC${n}`);
      const create = await underway((trx) =>
        insertTask(trx, {
          id: randomUUID(),
          orgId,
          projectId: b.projectId,
          title: "created meanwhile",
          description: "",
          status: { id: b.column },
          priority: "none",
          assigneeId: null,
          dueDate: null,
          parentId: null,
          activity: { actorUserId: owner.id },
          data: { title: "created meanwhile" },
        }),
      );
      const moving = write(b);
      const state = await blockedOrDone(moving);
      await create.commit();
      await moving;
      const positions = await columnPositions(b.column);
      expect(new Set(positions.map((row) => row.position)).size).toBe(3);
      const created = create.result.id;
      expect(positions.map((row) => row.id)).toEqual(
        atEnd ? [b.last.id, created, b.mover.id] : [b.last.id, b.mover.id, created],
      );
      expect(state).toBe("blocked");
    },
  );

  it("a create waits for a move under way into its column and lands after it", async () => {
    const b = await board("CWM");
    const move = await underway((trx) =>
      moveTask(
        trx,
        orgId,
        { orgId, actorUserId: owner.id },
        { taskId: b.mover.id, statusId: b.column },
      ),
    );
    const creating = as(owner).task.create({ orgId, projectId: b.projectId, title: "new" });
    const state = await blockedOrDone(creating);
    await move.commit();
    const created = await creating;
    const positions = await columnPositions(b.column);
    expect(new Set(positions.map((row) => row.position)).size).toBe(3);
    expect(positions.map((row) => row.id)).toEqual([b.last.id, b.mover.id, created.id]);
    expect(state).toBe("blocked");
  });

  it("keeps every position in a column distinct when many moves to its end race creates", async () => {
    const projectId = await freshProject("RACE");
    const movers = [];
    for (let i = 0; i < 16; i++)
      movers.push(
        await as(owner).task.create({ orgId, projectId, title: `mover ${i}`, status: "todo" }),
      );
    const first = await as(owner).task.create({ orgId, projectId, title: "first" });
    await Promise.all(
      movers.flatMap((mover, i) => [
        as(owner).task.move({ orgId, taskId: mover.id, statusId: first.statusId }),
        as(owner).task.create({ orgId, projectId, title: `created ${i}` }),
      ]),
    );
    const positions = await columnPositions(first.statusId);
    expect(positions).toHaveLength(33);
    expect(new Set(positions.map((row) => row.position)).size).toBe(33);
  });
});
