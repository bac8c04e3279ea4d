import { z } from "zod";
import { LABEL_COLOURS } from "../constants.ts";

/** A label as tasks carry it. */
export const taskLabelSchema = z.object({
  id: z.string(),
  name: z.string(),
  colour: z.enum(LABEL_COLOURS),
});
export type TaskLabel = z.output<typeof taskLabelSchema>;

/** A label as `label.list`, `label.create` and `label.update` answer it. */
export const labelOutput = taskLabelSchema.extend({
  /** How many tasks carry it. */
  taskCount: z.number().int(),
  createdAt: z.date(),
});
export type LabelOutput = z.output<typeof labelOutput>;
export const labelListOutput = z.array(labelOutput);
