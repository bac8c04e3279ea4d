import { z } from "zod";
import {
  PROJECT_KEY_PATTERN,
  STATUS_CATEGORIES,
  TASK_KEY_PATTERN,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from "./constants.ts";
import { labelId, labelIds } from "./labels.ts";
import { orgScoped } from "./organization.ts";
import { taskLabelSchema } from "./outputs/labels.ts";
import { textSchema } from "./text.ts";

export const taskStatusSchema = z.enum(TASK_STATUSES, {
  message: "Choose backlog, todo, in progress, done or canceled",
});
export const taskPrioritySchema = z.enum(TASK_PRIORITIES, {
  message: "Choose none, low, medium, high or urgent",
});
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const projectKeySchema = textSchema()
  .trim()
  .toUpperCase()
  .regex(PROJECT_KEY_PATTERN, "Use 2-10 letters or digits, starting with a letter (e.g. ENG)");
const projectName = textSchema()
  .trim()
  .min(1, "Name the project")
  .max(80, "Use at most 80 characters");
const projectDescription = textSchema().max(2_000, "Use at most 2,000 characters");

export const projectId = z.uuid("Unknown project");
export const createProjectInput = orgScoped.extend({
  name: projectName,
  key: projectKeySchema,
  description: projectDescription.default(""),
});
export const updateProjectInput = orgScoped.extend({
  projectId,
  name: projectName.optional(),
  description: projectDescription.optional(),
});
export const projectRefInput = orgScoped.extend({ projectId });
export const deleteProjectInput = projectRefInput.extend({
  confirmKey: textSchema().min(1, "Type the project key to confirm"),
});
export const listProjectsInput = orgScoped.extend({ includeArchived: z.boolean().default(false) });

const title = textSchema()
  .trim()
  .min(1, "Give the task a title")
  .max(200, "Use at most 200 characters");
const description = textSchema().max(20_000, "Use at most 20,000 characters");
/**
 * A calendar date, YYYY-MM-DD. Year 0000 is a well-formed ISO date, but PostgreSQL's `date`
 * has no year 0 and refuses it: such a date is refused here, or it became a 500.
 */
export const calendarDateSchema = z.iso
  .date("Use a date like 2026-12-31")
  .refine((value) => !value.startsWith("0000"), "Use a year from 0001 on");
const dueDate = calendarDateSchema;

export const taskId = z.uuid("Unknown task");
export const createTaskInput = orgScoped.extend({
  projectId,
  title,
  description: description.default(""),
  /** The status category; the task gets the first status of it unless statusId is given. */
  status: taskStatusSchema.default("backlog"),
  /** One of the project's statuses (status.list); wins over `status`. */
  statusId: z.uuid("Unknown status").optional(),
  priority: taskPrioritySchema.default("none"),
  assigneeId: z.uuid("Unknown member").nullable().default(null),
  dueDate: dueDate.nullable().default(null),
  labelIds: labelIds.default([]),
  /** Makes the new task a sub-task of another task of the same project. */
  parentId: taskId.nullable().default(null),
});
export const updateTaskInput = orgScoped.extend({
  taskId,
  title: title.optional(),
  description: description.optional(),
  /**
   * The description this change was made from. When given, the change is refused (CONFLICT)
   * if the task's description is no longer that text: someone else's edit is not overwritten.
   */
  descriptionBefore: description.optional(),
  status: taskStatusSchema.optional(),
  statusId: z.uuid("Unknown status").optional(),
  priority: taskPrioritySchema.optional(),
  assigneeId: z.uuid("Unknown member").nullable().optional(),
  dueDate: dueDate.nullable().optional(),
  labelIds: labelIds.optional(),
  /** Another task of the same project, or null for a top-level task. */
  parentId: taskId.nullable().optional(),
});
/** `ref` is a task id or its key, such as ENG-42. */
export const getTaskInput = orgScoped.extend({
  ref: z.union([
    z.uuid(),
    textSchema()
      .trim()
      .toUpperCase()
      .regex(TASK_KEY_PATTERN, "Use a task id or key such as ENG-42"),
  ]),
});
/**
 * Puts the task in the column `statusId` (or the first status of the category `status`; one of
 * them is required), between `afterId` and `beforeId` (either may be omitted: the end or the start).
 */
export const moveTaskInput = orgScoped.extend({
  taskId,
  statusId: z.uuid("Unknown status").optional(),
  status: taskStatusSchema.optional(),
  afterId: taskId.nullish(),
  beforeId: taskId.nullish(),
});
export const taskRefInput = orgScoped.extend({ taskId });

export const TASK_SORTS = ["position", "created", "updated", "priority", "due"] as const;
/** Which tasks `task.list` pages through and `task.counts` counts. */
export const taskFiltersInput = orgScoped.extend({
  projectId: projectId.optional(),
  status: z.array(taskStatusSchema).max(5).optional(),
  /** Only tasks with these statuses of the project (status.list). */
  statusIds: z.array(z.uuid("Unknown status")).max(50, "At most 50 statuses").optional(),
  assigneeId: z.union([z.uuid("Unknown member"), z.literal("unassigned")]).optional(),
  labelId: labelId.optional(),
  priority: z.array(taskPrioritySchema).max(5).optional(),
  dueFrom: dueDate.optional(),
  dueTo: dueDate.optional(),
  /** Only the sub-tasks of this task. */
  parentId: taskId.optional(),
  /** true: only tasks some open task blocks; false: only tasks nothing open blocks. */
  blocked: z.boolean().optional(),
});
export const listTasksInput = taskFiltersInput.extend({
  sort: z.enum(TASK_SORTS).default("created"),
  /** Named `order`, not `direction`: tRPC's infinite queries put their own `direction` in the input. */
  order: z.enum(["asc", "desc"]).default("desc"),
  cursor: textSchema().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const searchTasksInput = orgScoped.extend({
  projectId: projectId.optional(),
  query: textSchema()
    .trim()
    .min(2, "Type at least 2 characters")
    .max(200, "Use at most 200 characters"),
  // The list's filters narrow the hits too.
  status: listTasksInput.shape.status,
  statusIds: listTasksInput.shape.statusIds,
  priority: listTasksInput.shape.priority,
  assigneeId: listTasksInput.shape.assigneeId,
  labelId: listTasksInput.shape.labelId,
  /** How many hits to skip: the next page starts after the hits already shown. */
  cursor: z
    .number("Use a number of results to skip")
    .int()
    .min(0)
    .max(1000, "Narrow the search to see further results")
    .nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type SearchTasksInput = z.infer<typeof searchTasksInput>;

const commentBody = textSchema()
  .trim()
  .min(1, "Write something")
  .max(10_000, "Use at most 10,000 characters");
export const commentId = z.uuid("Unknown comment");
export const createCommentInput = orgScoped.extend({ taskId, body: commentBody });
export const updateCommentInput = orgScoped.extend({ commentId, body: commentBody });
export const commentRefInput = orgScoped.extend({ commentId });
export const listCommentsInput = orgScoped.extend({
  taskId,
  cursor: textSchema().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export type ListTasksInput = z.infer<typeof listTasksInput>;
export type TaskFiltersInput = z.infer<typeof taskFiltersInput>;

/**
 * A task as the API answers it (`task.get`, `create`, `update`, `move`, and `task.list`'s
 * items): the procedures declare it as their output, so the OpenAPI document describes it.
 */
export const taskSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  /** The project's key and the task's number (ENG-42). */
  key: z.string(),
  projectId: z.string(),
  title: z.string(),
  description: z.string(),
  /** The category of its status, as TASK_STATUSES names it. */
  status: taskStatusSchema,
  /** Its status in the project's workflow (status.list), with that status's name and category. */
  statusId: z.string(),
  statusName: z.string(),
  statusCategory: z.enum(STATUS_CATEGORIES),
  priority: taskPrioritySchema,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  /** A calendar date, YYYY-MM-DD. */
  dueDate: z.string().nullable(),
  labels: z.array(taskLabelSchema),
  /** The task this one is a sub-task of. */
  parentId: z.string().nullable(),
  /** Its sub-tasks: how many, and how many of them are done. */
  subtasks: z.object({ total: z.number().int(), done: z.number().int() }),
  /** How many open tasks (not done or canceled) block this one. */
  blockedBy: z.number().int(),
  /** The board order key (compared byte by byte). */
  position: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TaskOutput = z.output<typeof taskSchema>;

/**
 * `task.counts`: how many tasks match, per status category (every category present, zero
 * included) and per status id (statuses with no matching task left out).
 */
export const taskCountsSchema = z.object({
  byStatus: z.record(taskStatusSchema, z.number().int()),
  byStatusId: z.record(z.string(), z.number().int()),
  total: z.number().int(),
});
export type TaskCounts = z.output<typeof taskCountsSchema>;

/** One page of `task.list`. */
export const taskPageSchema = z.object({
  items: z.array(taskSchema),
  nextCursor: z.string().nullable(),
});
