import {
  activityPageInput,
  bulkDeleteResultSchema,
  bulkDeleteTasksInput,
  bulkTasksResultSchema,
  bulkUpdateTasksInput,
  createTaskInput,
  getTaskInput,
  listTasksInput,
  moveTaskInput,
  searchTasksInput,
  taskPageSchema,
  taskRefInput,
  taskSchema,
  updateTaskInput,
} from "@tesseract/validators";
import { attachmentKeysUnder, removeAttachmentObjects } from "../domain/attachments.ts";
import { bulkDeleteTasks, bulkUpdateTasks } from "../domain/task-bulk.ts";
import { listTasks } from "../domain/task-list.ts";
import { searchTasks } from "../domain/task-search.ts";
import {
  createTask,
  deleteTask,
  getTaskByRef,
  listTaskActivity,
  moveTask,
  updateTask,
} from "../domain/tasks.ts";
import { idempotency, orgProcedure, resultCache, router } from "../trpc.ts";
import { actor } from "../auth/actor.ts";
import { transactWithNotifications } from "../notifications/after-commit.ts";
import { withEvents } from "../live/publish.ts";

const READ = { permission: "task.read", rateLimit: "read", cache: { tags: ["tasks"] } } as const;
// Project lists count open tasks, so task changes invalidate them too.
const WRITE = {
  permission: "task.write",
  rateLimit: "write",
  invalidates: ["tasks", "projects"],
} as const;

export const taskRouter = router({
  create: orgProcedure
    .meta({ summary: "Create a task in a project", ...WRITE, idempotent: true })
    .input(createTaskInput)
    .use(idempotency)
    // Innermost, so only fresh results are parsed: a replayed or cached one was checked when made.
    .output(taskSchema)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        transactWithNotifications(
          ctx.services,
          (trx, notifications) => createTask(trx, ctx.org.orgId, actor(ctx), input, notifications),
          ctx,
        ),
        (task, base) => ({ ...base, type: "task.created", task }),
      ),
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

  update: orgProcedure
    .meta({ ...WRITE, summary: "Change fields of a task" })
    .input(updateTaskInput)
    .output(taskSchema)
    .mutation(({ ctx, input }) => {
      const { orgId: _, taskId, ...changes } = input;
      return withEvents(
        ctx,
        transactWithNotifications(ctx.services, (trx, notifications) =>
          updateTask(trx, ctx.org.orgId, actor(ctx), taskId, changes, notifications),
        ),
        (task, base) => ({ ...base, type: "task.updated", task }),
      );
    }),

  move: orgProcedure
    .meta({ ...WRITE, summary: "Move a task to another status or position" })
    .input(moveTaskInput)
    .output(taskSchema)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        ctx.services.db
          .transaction()
          .execute((trx) => moveTask(trx, ctx.org.orgId, actor(ctx), input)),
        (task, base) => ({ ...base, type: "task.moved", task }),
      ),
    ),

  delete: orgProcedure
    .meta({
      summary: "Delete a task and its files",
      ...WRITE,
      invalidates: ["tasks", "projects", "comments", "attachments"],
    })
    .input(taskRefInput)
    .mutation(async ({ ctx, input }) => {
      // The task's files go with it: their rows by cascade, their objects once that committed.
      const { keys } = await withEvents(
        ctx,
        ctx.services.db.transaction().execute(async (trx) => {
          const keys = await attachmentKeysUnder(trx, ctx.org.orgId, { taskId: input.taskId });
          const task = await deleteTask(trx, ctx.org.orgId, actor(ctx), input.taskId);
          return { keys, task };
        }),
        ({ task }, base) => ({
          ...base,
          type: "task.deleted",
          taskId: task.id,
          projectId: task.projectId,
        }),
      );
      await removeAttachmentObjects(ctx.services.storage, keys);
      return { ok: true as const };
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
      summary: "Delete many tasks and their files (all or none)",
      ...WRITE,
      invalidates: ["tasks", "projects", "comments", "attachments"],
    })
    .input(bulkDeleteTasksInput)
    .output(bulkDeleteResultSchema)
    .mutation(async ({ ctx, input }) => {
      const { tasks, keys } = await withEvents(
        ctx,
        ctx.services.db
          .transaction()
          .execute((trx) => bulkDeleteTasks(trx, ctx.org.orgId, actor(ctx), input.taskIds)),
        ({ tasks }, base) =>
          tasks.map((task) => ({
            ...base,
            type: "task.deleted" as const,
            taskId: task.id,
            projectId: task.projectId,
          })),
      );
      await removeAttachmentObjects(ctx.services.storage, keys);
      return { ok: true as const, count: tasks.length };
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
    .query(({ ctx, input }) => listTaskActivity(ctx.readDb, ctx.org.orgId, input)),

  search: orgProcedure
    .meta({
      summary: "Full-text search over titles, descriptions and comments",
      permission: "task.read",
      rateLimit: "search",
      reads: "replica",
    })
    .input(searchTasksInput)
    .query(({ ctx, input }) => searchTasks(ctx.readDb, ctx.org.orgId, input)),
});
