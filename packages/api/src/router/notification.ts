import {
  listNotificationsInput,
  markNotificationsReadInput,
  notificationPageOutput,
  notificationSettingsSchema,
  orgScoped,
  unreadCountOutput,
  updatedCountOutput,
  updateNotificationSettingsInput,
} from "@tesseract/validators";
import {
  countUnread,
  listNotifications,
  markNotificationsRead,
} from "../domain/notification-inbox.ts";
import {
  getNotificationSettings,
  updateNotificationSettings,
} from "../domain/notification-settings.ts";
import { orgProcedure, router, sessionProcedure } from "../trpc.ts";

// A person's own inbox in one organization: membership first (a non-member sees nothing of
// it), then only rows addressed to the caller. Never cached: the cache is per role, not person.
const READ = { permission: "notification.read", rateLimit: "read" } as const;
const WRITE = { permission: "notification.read", rateLimit: "write" } as const;

export const notificationRouter = router({
  list: orgProcedure
    .meta({ summary: "Your notifications in an organization, newest first", ...READ })
    .input(listNotificationsInput)
    .output(notificationPageOutput)
    .query(({ ctx, input }) =>
      listNotifications(ctx.services.db, { orgId: ctx.org.orgId, userId: ctx.auth.user.id }, input),
    ),

  unreadCount: orgProcedure
    .meta({ summary: "How many of your notifications are unread", ...READ })
    .input(orgScoped)
    .output(unreadCountOutput)
    .query(({ ctx }) =>
      countUnread(ctx.services.db, { orgId: ctx.org.orgId, userId: ctx.auth.user.id }),
    ),

  markRead: orgProcedure
    .meta({ summary: "Mark notifications read", ...WRITE })
    .input(markNotificationsReadInput)
    .output(updatedCountOutput)
    .mutation(({ ctx, input }) =>
      markNotificationsRead(
        ctx.services.db,
        { orgId: ctx.org.orgId, userId: ctx.auth.user.id },
        input.notificationIds,
        ctx.services.now(),
      ),
    ),

  markAllRead: orgProcedure
    .meta({ summary: "Mark all your notifications read", ...WRITE })
    .input(orgScoped)
    .output(updatedCountOutput)
    .mutation(({ ctx }) =>
      markNotificationsRead(
        ctx.services.db,
        { orgId: ctx.org.orgId, userId: ctx.auth.user.id },
        "all",
        ctx.services.now(),
      ),
    ),

  /** Which kinds of notification the caller also gets by email (any organization). */
  settings: sessionProcedure
    .meta({ summary: "Your email settings for notifications", rateLimit: "read" })
    .output(notificationSettingsSchema)
    .query(({ ctx }) => getNotificationSettings(ctx.services.db, ctx.auth.user.id)),

  updateSettings: sessionProcedure
    .meta({ summary: "Change your email settings for notifications", rateLimit: "write" })
    .input(updateNotificationSettingsInput)
    .output(notificationSettingsSchema)
    .mutation(({ ctx, input }) =>
      updateNotificationSettings(ctx.services.db, ctx.auth.user.id, input, ctx.services.now()),
    ),
});
