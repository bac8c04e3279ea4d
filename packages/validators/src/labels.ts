import { z } from "zod";
import { LABEL_COLOURS, MAX_TASK_LABELS } from "./constants.ts";
import { orgScoped } from "./organization.ts";
import { textSchema } from "./text.ts";

export const labelColourSchema = z.enum(LABEL_COLOURS, {
  message: `Choose one of the colours: ${LABEL_COLOURS.join(", ")}`,
});
export const labelName = textSchema()
  .trim()
  .min(1, "Name the label")
  .max(30, "Labels have at most 30 characters")
  .regex(/^[^,]+$/, "Labels cannot contain commas");
export const labelId = z.uuid("Unknown label");
/** The labels a task carries, by id (repeats dropped). */
export const labelIds = z
  .array(labelId)
  .max(MAX_TASK_LABELS, `At most ${MAX_TASK_LABELS} labels`)
  .transform((values) => [...new Set(values)]);

export const listLabelsInput = orgScoped;
export const createLabelInput = orgScoped.extend({
  name: labelName,
  colour: labelColourSchema.default("gray"),
});
/** Renames or recolours a label: every task carrying it shows the change. */
export const updateLabelInput = orgScoped.extend({
  labelId,
  name: labelName.optional(),
  colour: labelColourSchema.optional(),
});
export const labelRefInput = orgScoped.extend({ labelId });
