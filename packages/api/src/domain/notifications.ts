import type { Database, Transaction } from "@tesseract/db";
import { enqueue } from "@tesseract/queue";
import type { NotificationKind } from "@tesseract/validators";
import type { NotificationSink } from "../notifications/after-commit.ts";
import { mentionedMembers, newlyMentionedMembers } from "./mentions.ts";
import { emailWanted } from "./notification-settings.ts";
import { autoWatch, followersOf } from "./watchers.ts";

/** The change a notification is about: where, by whom, on which task (and comment). */
export interface NotificationCause {
  orgId: string;
  actorId: string | null;
  taskId: string;
  commentId?: string | null;
}

/**
 * Writes one notification per person (the first kind listed for them wins: an assignment
 * over a mention over a comment), never to the person who acted; enqueues the email of each
 * whose recipient wants that kind by email; and reports who was told to the sink.
 */
async function notify(
  trx: Transaction<Database>,
  sink: NotificationSink,
  cause: NotificationCause,
  recipients: [personId: string, kind: NotificationKind][],
): Promise<void> {
  const chosen = new Map<string, NotificationKind>();
  for (const [personId, kind] of recipients)
    if (personId !== cause.actorId && !chosen.has(personId)) chosen.set(personId, kind);
  if (chosen.size === 0) return;
  const rows = await trx
    .insertInto("notifications")
    .values(
      [...chosen].map(([personId, kind]) => ({
        org_id: cause.orgId,
        recipient_id: personId,
        kind,
        task_id: cause.taskId,
        comment_id: cause.commentId ?? null,
        actor_id: cause.actorId,
      })),
    )
    .returning(["id", "recipient_id", "kind"])
    .execute();
  const wanted = await emailWanted(trx, [...chosen.keys()]);
  for (const row of rows) {
    if (!wanted(row.recipient_id, row.kind as NotificationKind)) continue;
    await enqueue(
      trx,
      { type: "notification.email", payload: { notificationId: row.id } },
      { dedupeKey: `notification-email:${row.id}` },
    );
  }
  sink.created(cause.orgId, chosen.keys());
}

interface TaskFacts {
  id: string;
  assigneeId: string | null;
  description: string;
}

/**
 * A new task: its assignee and everyone its description @mentions. (The creator watches it:
 * createTask writes that with the task, in one statement.)
 */
export async function notifyTaskCreated(
  trx: Transaction<Database>,
  sink: NotificationSink,
  cause: Omit<NotificationCause, "taskId" | "commentId">,
  task: TaskFacts,
): Promise<void> {
  const recipients: [string, NotificationKind][] = [];
  if (task.assigneeId) recipients.push([task.assigneeId, "assigned"]);
  for (const id of await mentionedMembers(trx, cause.orgId, task.description))
    recipients.push([id, "mentioned"]);
  await notify(trx, sink, { ...cause, taskId: task.id }, recipients);
}

/** An edited task: a new assignee, and people the description @mentions for the first time. */
export async function notifyTaskUpdated(
  trx: Transaction<Database>,
  sink: NotificationSink,
  cause: Omit<NotificationCause, "taskId" | "commentId">,
  before: TaskFacts,
  after: TaskFacts,
): Promise<void> {
  const recipients: [string, NotificationKind][] = [];
  if (after.assigneeId && after.assigneeId !== before.assigneeId)
    recipients.push([after.assigneeId, "assigned"]);
  if (after.description !== before.description) {
    const mentioned = await newlyMentionedMembers(
      trx,
      cause.orgId,
      before.description,
      after.description,
    );
    for (const id of mentioned) recipients.push([id, "mentioned"]);
  }
  await notify(trx, sink, { ...cause, taskId: after.id }, recipients);
}

/**
 * A new comment: the people it @mentions, then everyone who follows the task (its creator,
 * its assignee, its watchers). The commenter watches the task from now on.
 */
export async function notifyCommentCreated(
  trx: Transaction<Database>,
  sink: NotificationSink,
  cause: NotificationCause,
  body: string,
): Promise<void> {
  const [mentioned, followers] = await Promise.all([
    mentionedMembers(trx, cause.orgId, body),
    followersOf(trx, cause.orgId, cause.taskId),
  ]);
  if (cause.actorId) await autoWatch(trx, cause.orgId, cause.taskId, cause.actorId);
  await notify(trx, sink, cause, [
    ...mentioned.map((id): [string, NotificationKind] => [id, "mentioned"]),
    ...followers.map((id): [string, NotificationKind] => [id, "commented"]),
  ]);
}

/** An edited comment: only the people it @mentions for the first time. */
export async function notifyCommentUpdated(
  trx: Transaction<Database>,
  sink: NotificationSink,
  cause: NotificationCause,
  bodies: { before: string; after: string },
): Promise<void> {
  const mentioned = await newlyMentionedMembers(trx, cause.orgId, bodies.before, bodies.after);
  await notify(
    trx,
    sink,
    cause,
    mentioned.map((id) => [id, "mentioned"]),
  );
}
