import { z } from "zod";
import { statusCategorySchema } from "../workflows.ts";

export const projectStatusOutput = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  category: statusCategorySchema,
  /** The order key within the category (compared byte by byte). */
  position: z.string(),
  /** How many tasks have this status. */
  taskCount: z.number().int(),
});
export type ProjectStatus = z.output<typeof projectStatusOutput>;
/** A project's statuses in board order: by category, then position. */
export const projectStatusListOutput = z.array(projectStatusOutput);
