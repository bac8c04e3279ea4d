import { z } from "zod";
import { orgScoped } from "./organization.ts";
import { taskId } from "./product.ts";

/**
 * A relation as seen from one of its tasks. One stored row reads two ways: "blocks" on one
 * side is "blocked_by" on the other, "duplicate_of" is "duplicated_by", "relates_to" is itself.
 */
export const TASK_RELATION_VIEWS = [
  "blocks",
  "blocked_by",
  "relates_to",
  "duplicate_of",
  "duplicated_by",
] as const;
export type TaskRelationView = (typeof TASK_RELATION_VIEWS)[number];

export const taskRelationViewSchema = z.enum(TASK_RELATION_VIEWS, {
  message: "Choose blocks, blocked by, relates to, duplicate of or duplicated by",
});

export const relationId = z.uuid("Unknown relation");
export const addTaskRelationInput = orgScoped.extend({
  taskId,
  kind: taskRelationViewSchema,
  otherTaskId: z.uuid("Unknown task"),
});
export const removeTaskRelationInput = orgScoped.extend({ relationId });
export const listTaskRelationsInput = orgScoped.extend({ taskId });

/** One relation of a task, read from that task's side. */
export const taskRelationSchema = z.object({
  id: z.string(),
  kind: taskRelationViewSchema,
  /** The task at the other end. */
  task: z.object({
    id: z.string(),
    key: z.string(),
    title: z.string(),
    status: z.string(),
  }),
  createdAt: z.date(),
});
export type TaskRelation = z.output<typeof taskRelationSchema>;
