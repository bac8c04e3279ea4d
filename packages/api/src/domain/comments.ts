import { sql, type Database, type Kysely, type SqlBool, type Transaction } from "@tesseract/db";
import type { Role } from "@tesseract/validators";
import { z } from "zod";
import { recordActivity } from "../activity.ts";
import type { Actor } from "../auth/actor.ts";
import { can } from "../auth/permissions.ts";
import { AppError } from "../errors.ts";
import { cursorValue, decodeCursor, encodeCursor } from "./cursor.ts";
import type { NotificationSink } from "../notifications/after-commit.ts";
import { notifyCommentCreated, notifyCommentUpdated } from "./notifications.ts";
import { getTask } from "./tasks.ts";

const columns = [
  "c.id",
  "c.task_id as taskId",
  "c.author_id as authorId",
  "u.name as authorName",
  "c.body",
  "c.created_at as createdAt",
  "c.updated_at as updatedAt",
] as const;

function selectComments(db: Kysely<Database>) {
  return db
    .selectFrom("comments as c")
    .leftJoin("users as u", "u.id", "c.author_id")
    .select(columns);
}

/** The comment, if the actor may change it: its author, or someone who moderates. */
async function getEditableComment(
  db: Kysely<Database>,
  org: { orgId: string; role: Role },
  actor: Actor,
  commentId: string,
) {
  const comment = await db
    .selectFrom("comments as c")
    .innerJoin("tasks as t", "t.id", "c.task_id")
    .select(["c.id", "c.author_id", "c.task_id", "c.body", "t.project_id"])
    .where("c.org_id", "=", org.orgId)
    .where("c.id", "=", commentId)
    .where("t.deleted_at", "is", null)
    .executeTakeFirst();
  if (!comment) throw new AppError("NOT_FOUND", "Comment not found");
  if (comment.author_id !== actor.actorUserId && !can(org.role, "comment.moderate")) {
    throw new AppError("FORBIDDEN", "Only the author or an admin can change this comment");
  }
  return comment;
}

export async function createComment(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { taskId: string; body: string },
  notifications: NotificationSink,
) {
  const task = await getTask(trx, orgId, input.taskId);
  const row = await trx
    .insertInto("comments")
    .values({ org_id: orgId, task_id: task.id, author_id: actor.actorUserId, body: input.body })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: task.projectId,
    action: "comment.created",
    targetType: "task",
    targetId: task.id,
    data: { key: task.key, commentId: row.id },
  });
  const cause = { orgId, actorId: actor.actorUserId, taskId: task.id, commentId: row.id };
  await notifyCommentCreated(trx, notifications, cause, input.body);
  const comment = await selectComments(trx).where("c.id", "=", row.id).executeTakeFirstOrThrow();
  return { ...comment, projectId: task.projectId };
}

/** One page of a task's comments, oldest first, keyset-paginated on (created_at, id). */
export async function listComments(
  db: Kysely<Database>,
  orgId: string,
  input: { taskId: string; cursor?: string | null; limit: number },
) {
  await getTask(db, orgId, input.taskId);
  let query = selectComments(db)
    .select(sql<string>`c.created_at::text`.as("sortValue"))
    .where("c.org_id", "=", orgId)
    .where("c.task_id", "=", input.taskId)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .limit(input.limit + 1);
  if (input.cursor) {
    const [value, id] = decodeCursor(
      input.cursor,
      z.tuple([cursorValue.timestamptz, cursorValue.id]),
    );
    query = query.where(
      sql<SqlBool>`(c.created_at, c.id) > (cast(${value} as timestamptz), cast(${id} as uuid))`,
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortValue: _, ...comment }) => comment),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sortValue, last.id]) : null,
  };
}

export async function updateComment(
  trx: Transaction<Database>,
  org: { orgId: string; role: Role },
  actor: Actor,
  input: { commentId: string; body: string; now: Date },
  notifications: NotificationSink,
) {
  const comment = await getEditableComment(trx, org, actor, input.commentId);
  await trx
    .updateTable("comments")
    .set({ body: input.body, updated_at: input.now })
    .where("id", "=", comment.id)
    .execute();
  await recordActivity(trx, {
    ...actor,
    orgId: org.orgId,
    projectId: comment.project_id,
    action: "comment.updated",
    targetType: "task",
    targetId: comment.task_id,
    data: { commentId: comment.id },
  });
  await notifyCommentUpdated(
    trx,
    notifications,
    {
      orgId: org.orgId,
      actorId: actor.actorUserId,
      taskId: comment.task_id,
      commentId: comment.id,
    },
    { before: comment.body, after: input.body },
  );
  return selectComments(trx).where("c.id", "=", comment.id).executeTakeFirstOrThrow();
}

export async function deleteComment(
  trx: Transaction<Database>,
  org: { orgId: string; role: Role },
  actor: Actor,
  commentId: string,
): Promise<void> {
  const comment = await getEditableComment(trx, org, actor, commentId);
  await trx.deleteFrom("comments").where("id", "=", comment.id).execute();
  await recordActivity(trx, {
    ...actor,
    orgId: org.orgId,
    projectId: comment.project_id,
    action: "comment.deleted",
    targetType: "task",
    targetId: comment.task_id,
    data: { commentId: comment.id },
  });
}
