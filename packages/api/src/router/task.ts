import {
  activityPageInput,
  activityPageOutput,
  bulkDeleteResultSchema,
  bulkDeleteTasksInput,
  bulkRestoreTasksInput,
  bulkTasksResultSchema,
  bulkUpdateTasksInput,
  createTaskInput,
  getTaskInput,
  listTasksInput,
  moveTaskInput,
  myTasksInput,
  okOutput,
  searchTasksInput,
  taskCountsSchema,
  taskFiltersInput,
  taskPageSchema,
  taskRefInput,
  taskSchema,
  taskSearchOutput,
  updateTaskInput,
} from "@tesseract/validators";
import { TASK_RESTORE_DAYS } from "@tesseract/validators/constants";
import { bulkDeleteTasks, bulkRestoreTasks, bulkUpdateTasks } from "../domain/task-bulk.ts";
import { countTasks, listTasks } from "../domain/task-list.ts";
import { listMyTasks } from "../domain/task-mine.ts";
import { searchTasks } from "../domain/task-search.ts";
import { deleteTask, restoreTask } from "../domain/task-trash.ts";
import {
  createTask,
  createTaskAlone,
  createsAlone,
  getTaskByRef,
  listTaskActivity,
  moveTask,
  updateTask,
} from "../domain/tasks.ts";
import { idempotency, orgProcedure, resultCache, router } from "../trpc.ts";
import { actor } from "../auth/actor.ts";
import { runTransaction } from "../transact.ts";
import { transactWithNotifications } from "../notifications/after-commit.ts";
import { withEvents, type EventBase } from "../live/publish.ts";
import { withParent } from "../domain/task-parents.ts";
import type { Task } from "../domain/task-queries.ts";

/** A sub-task's change changes its parent's progress: the parent's watchers hear of it too. */
function parentChanged(parent: Task | undefined, base: EventBase) {
  return parent ? [{ ...base, type: "task.updated" as const, task: parent }] : [];
}

const READ = { permission: "task.read", rateLimit: "read", cache: { tags: ["tasks"] } } as const;
// Project lists count open tasks, so task changes invalidate them too.
const WRITE = {
  permission: "task.write",
  rateLimit: "write",
  invalidates: ["tasks", "projects"],
} as const;

export const taskRouter = router({
  create: orgProcedure
    .meta({ summary: "Create a task in a project", ...WRITE })
    .input(createTaskInput)
    .use(idempotency)
    // Innermost, so only fresh results are parsed: a replayed or cached one was checked when made.
    .output(taskSchema)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        // A plain create (createsAlone) is one statement committed on its own, unless a policy
        // opened the request's transaction: the project's number lock is then held the least.
        !ctx.transaction && createsAlone(input)
          ? createTaskAlone(ctx.services.db, ctx.org.orgId, actor(ctx), input).then((task) => [
              task,
            ])
          : transactWithNotifications(
              ctx.services,
              async (trx, notifications) =>
                withParent(
                  trx,
                  ctx.org.orgId,
                  await createTask(trx, ctx.org.orgId, actor(ctx), input, notifications),
                ),
              ctx,
            ),
        ([task, parent], base) => [
          { ...base, type: "task.created", task: task! },
          ...parentChanged(parent, base),
        ],
      ).then(([task]) => task!),
    ),

  get: orgProcedure
    .meta({ ...READ, summary: "Get a task by id or key (ENG-42)" })
    .input(getTaskInput)
    .use(resultCache)
    .output(taskSchema)
    .query(({ ctx, input }) => getTaskByRef(ctx.services.db, ctx.org.orgId, input.ref)),

  list: orgProcedure
    .meta({ ...READ, reads: "replica", summary: "List tasks, filtered and sorted (paged)" })
    .input(listTasksInput)
    .use(resultCache)
    .output(taskPageSchema)
    .query(({ ctx, input }) => listTasks(ctx.readDb, ctx.org.orgId, input)),

  // Not cached: the result cache is shared by everyone of a role, this list is the caller's own.
  mine: orgProcedure
    .meta({
      permission: "task.read",
      rateLimit: "read",
      reads: "replica",
      summary:
        "My Issues: tasks assigned to, created by or followed by you, in every project (paged)",
    })
    .input(myTasksInput)
    .output(taskPageSchema)
    .query(({ ctx, input }) => listMyTasks(ctx.readDb, ctx.org.orgId, ctx.auth.user.id, input)),

  counts: orgProcedure
    .meta({
      ...READ,
      reads: "replica",
      summary: "Count tasks per status, with task.list's filters (the board's column heads)",
    })
    .input(taskFiltersInput)
    .use(resultCache)
    .output(taskCountsSchema)
    .query(({ ctx, input }) => {
      const { orgId: _, ...filters } = input;
      return countTasks(ctx.readDb, ctx.org.orgId, filters);
    }),

  update: orgProcedure
    .meta({ ...WRITE, summary: "Change fields of a task" })
    .input(updateTaskInput)
    .output(taskSchema)
    .mutation(({ ctx, input }) => {
      const { orgId: _, taskId, ...changes } = input;
      return withEvents(
        ctx,
        transactWithNotifications(ctx.services, async (trx, notifications) =>
          withParent(
            trx,
            ctx.org.orgId,
            await updateTask(trx, ctx.org.orgId, actor(ctx), taskId, changes, notifications),
          ),
        ),
        ([task, parent], base) => [
          { ...base, type: "task.updated", task: task! },
          ...parentChanged(parent, base),
        ],
      ).then(([task]) => task!);
    }),

  move: orgProcedure
    .meta({ ...WRITE, summary: "Move a task to another status or position" })
    .input(moveTaskInput)
    .output(taskSchema)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        runTransaction(ctx.services.db, async (trx) =>
          withParent(trx, ctx.org.orgId, await moveTask(trx, ctx.org.orgId, actor(ctx), input)),
        ),
        ([task, parent], base) => [
          { ...base, type: "task.moved", task: task! },
          ...parentChanged(parent, base),
        ],
      ).then(([task]) => task!),
    ),

  delete: orgProcedure
    .meta({
      summary: `Delete a task (task.restore brings it back for ${TASK_RESTORE_DAYS} days)`,
      ...WRITE,
      invalidates: ["tasks", "projects", "comments", "attachments"],
    })
    .input(taskRefInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await withEvents(
        ctx,
        runTransaction(ctx.services.db, (trx) =>
          deleteTask(trx, ctx.org.orgId, actor(ctx), input.taskId, ctx.services.now()),
        ),
        (task, base) => ({
          ...base,
          type: "task.deleted",
          taskId: task.id,
          projectId: task.projectId,
        }),
      );
      return { ok: true as const };
    }),

  restore: orgProcedure
    .meta({
      summary: `Restore a task deleted in the last ${TASK_RESTORE_DAYS} days, where it was`,
      ...WRITE,
      invalidates: ["tasks", "projects", "comments", "attachments"],
    })
    .input(taskRefInput)
    .output(taskSchema)
    .mutation(async ({ ctx, input }) => {
      const { task } = await withEvents(
        ctx,
        runTransaction(ctx.services.db, (trx) =>
          restoreTask(trx, ctx.org.orgId, actor(ctx), input.taskId, ctx.services.now()),
        ),
        ({ task, restored }, base) =>
          restored ? { ...base, type: "task.restored" as const, task } : [],
      );
      return task;
    }),

  bulkUpdate: orgProcedure
    .meta({ ...WRITE, summary: "Apply one change to many tasks (all or none)" })
    .input(bulkUpdateTasksInput)
    .output(bulkTasksResultSchema)
    .mutation(async ({ ctx, input }) => {
      const { orgId: _, taskIds, ...changes } = input;
      const items = await withEvents(
        ctx,
        transactWithNotifications(ctx.services, (trx, notifications) =>
          bulkUpdateTasks(trx, ctx.org.orgId, actor(ctx), taskIds, changes, notifications),
        ),
        (tasks, base) => tasks.map((task) => ({ ...base, type: "task.updated" as const, task })),
      );
      return { items };
    }),

  bulkDelete: orgProcedure
    .meta({
      summary: "Delete many tasks (all or none; task.bulkRestore brings them back)",
      ...WRITE,
      invalidates: ["tasks", "projects", "comments", "attachments"],
    })
    .input(bulkDeleteTasksInput)
    .output(bulkDeleteResultSchema)
    .mutation(async ({ ctx, input }) => {
      const tasks = await withEvents(
        ctx,
        runTransaction(ctx.services.db, (trx) =>
          bulkDeleteTasks(trx, ctx.org.orgId, actor(ctx), input.taskIds, ctx.services.now()),
        ),
        (tasks, base) =>
          tasks.map((task) => ({
            ...base,
            type: "task.deleted" as const,
            taskId: task.id,
            projectId: task.projectId,
          })),
      );
      return { ok: true as const, count: tasks.length };
    }),

  bulkRestore: orgProcedure
    .meta({
      summary: "Restore many deleted tasks (all or none), as task.restore does",
      ...WRITE,
      invalidates: ["tasks", "projects", "comments", "attachments"],
    })
    .input(bulkRestoreTasksInput)
    .output(bulkTasksResultSchema)
    .mutation(async ({ ctx, input }) => {
      const results = await withEvents(
        ctx,
        runTransaction(ctx.services.db, (trx) =>
          bulkRestoreTasks(trx, ctx.org.orgId, actor(ctx), input.taskIds, ctx.services.now()),
        ),
        (results, base) =>
          results
            .filter(({ restored }) => restored)
            .map(({ task }) => ({ ...base, type: "task.restored" as const, task })),
      );
      return { items: results.map(({ task }) => task) };
    }),

  /** One task's history, for everyone who can read the task (the whole log is for admins). */
  activity: orgProcedure
    .meta({
      summary: "A task's history (paged)",
      permission: "task.read",
      rateLimit: "read",
      reads: "replica",
    })
    .input(activityPageInput.extend({ taskId: taskRefInput.shape.taskId }))
    .output(activityPageOutput)
    .query(({ ctx, input }) => listTaskActivity(ctx.readDb, ctx.org.orgId, input)),

  search: orgProcedure
    .meta({
      summary: "Full-text search over titles, descriptions and comments",
      permission: "task.read",
      rateLimit: "search",
      reads: "replica",
    })
    .input(searchTasksInput)
    .output(taskSearchOutput)
    .query(({ ctx, input }) => searchTasks(ctx.readDb, ctx.org.orgId, input)),
});
