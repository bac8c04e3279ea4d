import {
  activityPageInput,
  createTaskInput,
  getTaskInput,
  listTasksInput,
  moveTaskInput,
  searchTasksInput,
  taskRefInput,
  updateTaskInput,
} from "@tesseract/validators";
import { attachmentKeysUnder, removeAttachmentObjects } from "../domain/attachments.ts";
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
import { orgProcedure, resultCache, router } from "../trpc.ts";
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
    .meta(WRITE)
    .input(createTaskInput)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        transactWithNotifications(ctx.services, (trx, notifications) =>
          createTask(trx, ctx.org.orgId, actor(ctx), input, notifications),
        ),
        (task, base) => ({ ...base, type: "task.created", task }),
      ),
    ),

  get: orgProcedure
    .meta(READ)
    .input(getTaskInput)
    .use(resultCache)
    .query(({ ctx, input }) => getTaskByRef(ctx.services.db, ctx.org.orgId, input.ref)),

  list: orgProcedure
    .meta({ ...READ, reads: "replica" })
    .input(listTasksInput)
    .use(resultCache)
    .query(({ ctx, input }) => listTasks(ctx.readDb, ctx.org.orgId, input)),

  update: orgProcedure
    .meta(WRITE)
    .input(updateTaskInput)
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
    .meta(WRITE)
    .input(moveTaskInput)
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
    .meta({ ...WRITE, invalidates: ["tasks", "projects", "comments", "attachments"] })
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

  /** One task's history, for everyone who can read the task (the whole log is for admins). */
  activity: orgProcedure
    .meta({ permission: "task.read", rateLimit: "read", reads: "replica" })
    .input(activityPageInput.extend({ taskId: taskRefInput.shape.taskId }))
    .query(({ ctx, input }) => listTaskActivity(ctx.readDb, ctx.org.orgId, input)),

  search: orgProcedure
    .meta({ permission: "task.read", rateLimit: "search", reads: "replica" })
    .input(searchTasksInput)
    .query(({ ctx, input }) =>
      searchTasks(ctx.readDb, ctx.org.orgId, input.query, input.limit, input.projectId ?? null),
    ),
});
