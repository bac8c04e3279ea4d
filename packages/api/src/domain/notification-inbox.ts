import { sql, type Database, type Kysely, type SqlBool } from "@tesseract/db";
import type { NotificationKind } from "@tesseract/validators";
import { z } from "zod";
import { cursorValue, decodeCursor, encodeCursor } from "./cursor.ts";

/** How much of a comment an inbox entry shows. */
const EXCERPT_CHARS = 160;

/** Whose inbox, in which organization: a person sees only their own, one organization at a time. */
export interface InboxOwner {
  orgId: string;
  userId: string;
}

function inbox(db: Kysely<Database>, owner: InboxOwner) {
  return db
    .selectFrom("notifications as n")
    .where("n.org_id", "=", owner.orgId)
    .where("n.recipient_id", "=", owner.userId);
}

/**
 * Notifications with what they are about: the task (key and title), who acted, and the start
 * of the comment (`excerptChars` of it). The inbox and the email both read them this way.
 */
export function selectNotificationDetails(db: Kysely<Database>, excerptChars: number) {
  return db
    .selectFrom("notifications as n")
    .innerJoin("tasks as t", (join) =>
      join.onRef("t.id", "=", "n.task_id").on("t.deleted_at", "is", null),
    )
    .innerJoin("projects as p", "p.id", "t.project_id")
    .leftJoin("users as a", "a.id", "n.actor_id")
    .leftJoin("comments as c", "c.id", "n.comment_id")
    .select([
      "n.id",
      "n.kind",
      "n.org_id as orgId",
      "n.task_id as taskId",
      sql<string>`p.key || '-' || t.number`.as("taskKey"),
      "t.title as taskTitle",
      "n.comment_id as commentId",
      sql<string | null>`left(c.body, ${excerptChars})`.as("excerpt"),
      "a.name as actorName",
      "n.read_at as readAt",
      "n.created_at as createdAt",
    ]);
}

/** One page of a person's notifications in an organization, newest first. */
export async function listNotifications(
  db: Kysely<Database>,
  owner: InboxOwner,
  input: { unreadOnly: boolean; cursor?: string | null; limit: number },
) {
  let query = selectNotificationDetails(db, EXCERPT_CHARS)
    .select(sql<string>`n.created_at::text`.as("sortValue"))
    .where("n.org_id", "=", owner.orgId)
    .where("n.recipient_id", "=", owner.userId)
    .orderBy("n.created_at", "desc")
    .orderBy("n.id", "desc")
    .limit(input.limit + 1);
  if (input.unreadOnly) query = query.where("n.read_at", "is", null);
  if (input.cursor) {
    const [value, id] = decodeCursor(
      input.cursor,
      z.tuple([cursorValue.timestamptz, cursorValue.id]),
    );
    query = query.where(
      sql<SqlBool>`(n.created_at, n.id) < (cast(${value} as timestamptz), cast(${id} as uuid))`,
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortValue: _, kind, ...item }) => ({
      ...item,
      kind: kind as NotificationKind,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sortValue, last.id]) : null,
  };
}

/** How many of a person's notifications in an organization are unread. */
export async function countUnread(
  db: Kysely<Database>,
  owner: InboxOwner,
): Promise<{ unread: number }> {
  const row = await inbox(db, owner)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("n.read_at", "is", null)
    // As the list shows them: none about a deleted task.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("tasks as t")
            .select("t.id")
            .whereRef("t.id", "=", "n.task_id")
            .where("t.deleted_at", "is not", null),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return { unread: Number(row.n) };
}

/**
 * Marks notifications read. Only the caller's own in this organization change: an id of
 * anyone else's (or another organization's) is passed over, and the answer counts only theirs.
 */
export async function markNotificationsRead(
  db: Kysely<Database>,
  owner: InboxOwner,
  notificationIds: readonly string[] | "all",
  now: Date,
): Promise<{ updated: number }> {
  let query = db
    .updateTable("notifications")
    .set({ read_at: now })
    .where("org_id", "=", owner.orgId)
    .where("recipient_id", "=", owner.userId)
    .where("read_at", "is", null);
  if (notificationIds !== "all") query = query.where("id", "in", notificationIds);
  const result = await query.executeTakeFirst();
  return { updated: Number(result.numUpdatedRows) };
}
