import type { NotificationKind } from "@tesseract/validators";

/** What a notification says happened, after the actor's name. */
export const NOTIFICATION_TEXT: Record<NotificationKind, string> = {
  assigned: "assigned you",
  mentioned: "mentioned you on",
  commented: "commented on",
};

/** The bell's badge: the count, capped so it fits. */
export function unreadBadge(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? "99+" : String(unread);
}

/** The bell's accessible name, which carries the count the badge shows. */
export function bellLabel(unread: number): string {
  if (unread <= 0) return "Notifications";
  return `Notifications, ${unread} unread`;
}
