import { z } from "zod";
import { BULK_TASK_LIMIT } from "./constants.ts";
import { orgScoped } from "./organization.ts";
import { labelId } from "./labels.ts";
import { projectId, taskId, taskSchema, taskStatusSchema } from "./product.ts";

const taskIds = z
  .array(taskId)
  .min(1, "Select at least one task")
  .max(BULK_TASK_LIMIT, `Select at most ${BULK_TASK_LIMIT} tasks at once`)
  .transform((ids) => [...new Set(ids)]);

/** One change applied to every selected task, all or none. */
export const bulkUpdateTasksInput = orgScoped
  .extend({
    taskIds,
    /** A status category: each task gets the first status of it in its project. */
    status: taskStatusSchema.optional(),
    /** One of the tasks' project's statuses (status.list); wins over `status`. */
    statusId: z.uuid("Unknown status").optional(),
    assigneeId: z.uuid("Unknown member").nullable().optional(),
    addLabelId: labelId.optional(),
    removeLabelId: labelId.optional(),
    /** Moves the tasks to another project of the organization: each gets that project's next key. */
    projectId: projectId.optional(),
  })
  .refine(
    (input) =>
      input.status !== undefined ||
      input.statusId !== undefined ||
      input.assigneeId !== undefined ||
      input.addLabelId !== undefined ||
      input.removeLabelId !== undefined ||
      input.projectId !== undefined,
    { message: "Choose a change to make", path: ["taskIds"] },
  );
export type BulkUpdateTasksInput = z.infer<typeof bulkUpdateTasksInput>;

export const bulkDeleteTasksInput = orgScoped.extend({ taskIds });
export const bulkRestoreTasksInput = orgScoped.extend({ taskIds });

export const bulkTasksResultSchema = z.object({ items: z.array(taskSchema) });
export const bulkDeleteResultSchema = z.object({ ok: z.literal(true), count: z.number().int() });
