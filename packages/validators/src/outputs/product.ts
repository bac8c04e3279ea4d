import { z } from "zod";
import { pageOutput } from "./common.ts";

export const projectOutput = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  archivedAt: z.date().nullable(),
});
export const projectListOutput = z.array(
  projectOutput.extend({
    /** Tasks not done or canceled. */
    openTasks: z.number().int(),
  }),
);

export const commentOutput = z.object({
  id: z.string(),
  taskId: z.string(),
  body: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const createCommentOutput = commentOutput.extend({ projectId: z.string() });
export const commentPageOutput = pageOutput(commentOutput, z.string());

/** Text cut into runs; `match` marks the runs the query matched. */
const highlighted = z.array(z.object({ text: z.string(), match: z.boolean() }));

export const taskSearchOutput = z.array(
  z.object({
    id: z.string(),
    key: z.string(),
    title: highlighted,
    snippet: highlighted,
    matchedIn: z.enum(["task", "comment"]),
    status: z.string(),
    projectId: z.string(),
    rank: z.number(),
    /** How many open tasks block this one. */
    blockedBy: z.number().int(),
  }),
);
