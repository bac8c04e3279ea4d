import { z } from "zod";
import { orgScoped } from "./organization.ts";
import { labelId } from "./labels.ts";
import {
  calendarDateSchema,
  listTasksInput,
  projectId,
  TASK_SORTS,
  taskPrioritySchema,
  taskStatusSchema,
} from "./product.ts";
import { textSchema } from "./text.ts";

/** Whose tasks My Issues lists: assigned to me, created by me, or the ones I follow. */
export const MY_TASK_RELATIONS = ["assigned", "created", "subscribed"] as const;
export type MyTaskRelation = (typeof MY_TASK_RELATIONS)[number];

/** `task.mine`: `task.list`'s filters, sort and paging over the caller's tasks in every project. */
export const myTasksInput = listTasksInput.extend({
  relation: z.enum(MY_TASK_RELATIONS, {
    message: "Choose assigned, created or subscribed",
  }),
});
export type MyTasksInput = z.infer<typeof myTasksInput>;

/**
 * The filters a saved view keeps: the list page's URL state (and My Issues' tab). Every field
 * is optional, a view stores only what was set. Strict, so an unknown key is refused on write;
 * read back through the same schema, so a row written by an older version cannot reach a client
 * in a shape it does not expect.
 */
export const savedViewFiltersSchema = z
  .strictObject({
    status: z.array(taskStatusSchema).max(5).optional(),
    /** Statuses of the view's project (status.list); the list's `statuses` parameter. */
    statusIds: z.array(z.uuid("Unknown status")).max(50, "At most 50 statuses").optional(),
    priority: z.array(taskPrioritySchema).max(5).optional(),
    /** A member's id or "unassigned". */
    assignee: z.union([z.uuid("Unknown member"), z.literal("unassigned")]).optional(),
    /** A label's id (the list's `label` parameter). */
    label: labelId.optional(),
    dueFrom: calendarDateSchema.optional(),
    dueTo: calendarDateSchema.optional(),
    sort: z.enum(TASK_SORTS).optional(),
    direction: z.enum(["asc", "desc"]).optional(),
    /** The list's full-text search. */
    q: textSchema().max(200, "Use at most 200 characters").optional(),
    /** My Issues' tab. */
    relation: z.enum(MY_TASK_RELATIONS).optional(),
  })
  .meta({ description: "A saved view's filters" });
export type SavedViewFilters = z.output<typeof savedViewFiltersSchema>;

export const viewName = textSchema()
  .trim()
  .min(1, "Name the view")
  .max(60, "Use at most 60 characters");
export const viewId = z.uuid("Unknown view");

/** A view belongs to a project's list (`projectId`) or to My Issues (`projectId` null). */
export const listViewsInput = orgScoped.extend({ projectId: projectId.nullable().default(null) });
export const createViewInput = orgScoped.extend({
  projectId: projectId.nullable().default(null),
  name: viewName,
  filters: savedViewFiltersSchema,
  /** Shared with every member of the organization, or kept to oneself. */
  shared: z.boolean().default(false),
});
export const updateViewInput = orgScoped
  .extend({
    viewId,
    name: viewName.optional(),
    filters: savedViewFiltersSchema.optional(),
    shared: z.boolean().optional(),
  })
  .refine(
    (input) =>
      input.name !== undefined || input.filters !== undefined || input.shared !== undefined,
    { message: "Choose a change to make", path: ["viewId"] },
  );
export const viewRefInput = orgScoped.extend({ viewId });
export type CreateViewInput = z.infer<typeof createViewInput>;
export type UpdateViewInput = z.infer<typeof updateViewInput>;
