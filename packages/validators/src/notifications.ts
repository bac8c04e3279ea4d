import { z } from "zod";
import { NOTIFICATION_KINDS } from "./constants.ts";
import { orgScoped } from "./organization.ts";
import { taskId } from "./product.ts";
import { textSchema } from "./text.ts";

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);

export const notificationId = z.uuid("Unknown notification");

/** One page of the caller's notifications in an organization, newest first. */
export const listNotificationsInput = orgScoped.extend({
  unreadOnly: z.boolean().default(false),
  cursor: textSchema().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const markNotificationsReadInput = orgScoped.extend({
  notificationIds: z
    .array(notificationId)
    .min(1, "Name at least one notification")
    .max(100, "At most 100 at a time"),
});

/** Which kinds of notification a person also gets by email (every kind, until they say). */
export const notificationSettingsSchema = z.object({
  emailAssigned: z.boolean(),
  emailMentioned: z.boolean(),
  emailCommented: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export const updateNotificationSettingsInput = notificationSettingsSchema
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Change at least one setting");

export const watchTaskInput = orgScoped.extend({ taskId });
