import type { Database, Kysely } from "@tesseract/db";
import { enqueue, type JobContext, type JobPayload } from "@tesseract/queue";
import type { NotificationKind } from "@tesseract/validators";
import { selectNotificationDetails } from "../domain/notification-inbox.ts";
import { notificationEmail } from "../mail/templates.ts";

/** What the notification email job needs from the process. */
export interface NotificationEmailDeps {
  db: Kysely<Database>;
  /** The web app's address, for the links in the email. */
  publicUrl: string;
}

/** How much of a comment the email quotes. */
const EXCERPT_CHARS = 500;

/**
 * Turns one notification into a `mail.send` job, written once (deduplicated on the
 * notification): a redelivered job enqueues no second email. A notification gone since (its
 * task or comment deleted) sends nothing. Whether the person wants the email was decided when
 * the notification was written, with its settings at that moment.
 */
export async function sendNotificationEmail(
  deps: NotificationEmailDeps,
  payload: JobPayload<"notification.email">,
  context: Pick<JobContext, "requestId" | "logger">,
): Promise<void> {
  const row = await selectNotificationDetails(deps.db, EXCERPT_CHARS)
    .innerJoin("users as r", "r.id", "n.recipient_id")
    .innerJoin("organizations as o", "o.id", "n.org_id")
    .select(["r.email", "o.name as orgName"])
    .where("n.id", "=", payload.notificationId)
    .executeTakeFirst();
  if (!row) {
    context.logger.info(
      { notificationId: payload.notificationId },
      "notification gone before its email was sent; nothing to send",
    );
    return;
  }
  const message = notificationEmail(row.email, {
    kind: row.kind as NotificationKind,
    actorName: row.actorName,
    orgName: row.orgName,
    taskKey: row.taskKey,
    taskTitle: row.taskTitle,
    excerpt: row.excerpt,
    link: new URL(`/orgs/${row.orgId}/tasks/${row.taskKey}`, deps.publicUrl).toString(),
    settingsLink: new URL("/account#notifications", deps.publicUrl).toString(),
  });
  await deps.db
    .transaction()
    .execute((trx) =>
      enqueue(
        trx,
        { type: "mail.send", payload: message },
        { requestId: context.requestId, dedupeKey: `notification-mail:${payload.notificationId}` },
      ),
    );
}
