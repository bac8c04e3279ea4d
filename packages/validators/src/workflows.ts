import { z } from "zod";
import { STATUS_CATEGORIES } from "./constants.ts";
import { orgScoped } from "./organization.ts";
import { projectId } from "./product.ts";
import { textSchema } from "./text.ts";

/** A project's statuses (its workflow): the board's columns, each in one category. */
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];
export const statusCategorySchema = z.enum(STATUS_CATEGORIES, {
  message: "Choose backlog, unstarted, started, completed or canceled",
});
export const statusId = z.uuid("Unknown status");
const statusName = textSchema()
  .trim()
  .min(1, "Name the status")
  .max(40, "Use at most 40 characters");
/** Where a status goes within its category: right after `afterId` or right before `beforeId`. */
const placement = {
  afterId: statusId.nullish(),
  beforeId: statusId.nullish(),
};

export const listStatusesInput = orgScoped.extend({ projectId });
export const createStatusInput = orgScoped.extend({
  projectId,
  name: statusName,
  category: statusCategorySchema,
  ...placement,
});
/** Renames a status, moves it to another category, or reorders it (afterId/beforeId). */
export const updateStatusInput = orgScoped.extend({
  statusId,
  name: statusName.optional(),
  category: statusCategorySchema.optional(),
  ...placement,
});
/** Deletes a status; its tasks move to `moveTasksTo`, another status of the same project. */
export const deleteStatusInput = orgScoped.extend({
  statusId,
  moveTasksTo: statusId,
});
