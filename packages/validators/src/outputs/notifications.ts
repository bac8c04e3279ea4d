import { z } from "zod";
import { notificationKindSchema } from "../notifications.ts";
import { pageOutput } from "./common.ts";

export const notificationPageOutput = pageOutput(
  z.object({
    id: z.string(),
    orgId: z.string(),
    kind: notificationKindSchema,
    taskId: z.string(),
    taskKey: z.string(),
    taskTitle: z.string(),
    commentId: z.string().nullable(),
    excerpt: z.string().nullable(),
    actorName: z.string().nullable(),
    readAt: z.date().nullable(),
    createdAt: z.date(),
  }),
  z.string(),
);
export const unreadCountOutput = z.object({ unread: z.number().int() });
export const watchOutput = z.object({ watching: z.boolean() });
