import { sql, type Database, type Kysely } from "@tesseract/db";
import { taskLabelNames } from "../domain/labels.ts";
import { selectProfile } from "../domain/profile.ts";
import type { JsonPart } from "./formats.ts";
import { keysetPages } from "./pages.ts";

/**
 * Everything one person wrote or owns, in the organizations they belong to now: their profile,
 * memberships, the projects, tasks and comments they created, their API tokens (never the
 * secret) and their own activity. Other people appear only as what the person already sees
 * (a task's project key); no other person's email, name or activity is included.
 */
export async function countAccountRows(db: Kysely<Database>, userId: string): Promise<number> {
  const count = sql<string>`count(*)`.as("n");
  const counts = await Promise.all([
    db
      .selectFrom("projects")
      .select(count)
      .where("created_by", "=", userId)
      .where("org_id", "in", memberOf(db, userId))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("tasks")
      .select(count)
      .where("created_by", "=", userId)
      .where("org_id", "in", memberOf(db, userId))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("comments")
      .select(count)
      .where("author_id", "=", userId)
      .where("org_id", "in", memberOf(db, userId))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("activity")
      .select(count)
      .where("actor_user_id", "=", userId)
      .executeTakeFirstOrThrow(),
  ]);
  return counts.reduce((sum, row) => sum + Number(row.n), 0);
}

function memberOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom("memberships").select("org_id").where("user_id", "=", userId);
}

export async function accountDocument(
  db: Kysely<Database>,
  userId: string,
  onPage: (rows: number) => Promise<void>,
  now: Date,
): Promise<Record<string, JsonPart>> {
  const profile = await selectProfile(db, userId).executeTakeFirst();
  const organizations = await db
    .selectFrom("memberships as m")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .select(["o.id", "o.name", "o.slug", "m.role", "m.created_at as joinedAt"])
    .where("m.user_id", "=", userId)
    .orderBy("o.name")
    .execute();
  const apiTokens = await db
    .selectFrom("api_tokens")
    .select([
      "org_id as orgId",
      "name",
      "role",
      "prefix",
      "created_at as createdAt",
      "expires_at as expiresAt",
      "last_used_at as lastUsedAt",
      "revoked_at as revokedAt",
    ])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();

  const projects = keysetPages(
    async (after: string | undefined, limit) => {
      let query = db
        .selectFrom("projects")
        .select([
          "id",
          "org_id as orgId",
          "key",
          "name",
          "description",
          "created_at as createdAt",
          "archived_at as archivedAt",
        ])
        .where("created_by", "=", userId)
        .where("org_id", "in", memberOf(db, userId))
        .orderBy("id")
        .limit(limit);
      if (after) query = query.where("id", ">", after);
      return query.execute();
    },
    (row) => row.id,
    onPage,
  );
  const tasks = keysetPages(
    async (after: string | undefined, limit) => {
      let query = db
        .selectFrom("tasks as t")
        .innerJoin("projects as p", "p.id", "t.project_id")
        .select([
          "t.id",
          "t.org_id as orgId",
          "p.key as projectKey",
          "t.number",
          "t.title",
          "t.description",
          "t.status",
          "t.priority",
          taskLabelNames(sql.ref("t.id")).as("labels"),
          "t.due_date as dueDate",
          "t.created_at as createdAt",
          "t.updated_at as updatedAt",
        ])
        .select((eb) => eb("t.assignee_id", "=", userId).as("assignedToMe"))
        .where("t.created_by", "=", userId)
        .where("t.org_id", "in", memberOf(db, userId))
        .orderBy("t.id")
        .limit(limit);
      if (after) query = query.where("t.id", ">", after);
      return query.execute();
    },
    (row) => row.id,
    onPage,
  );
  const comments = keysetPages(
    async (after: string | undefined, limit) => {
      let query = db
        .selectFrom("comments as c")
        .innerJoin("tasks as t", "t.id", "c.task_id")
        .innerJoin("projects as p", "p.id", "t.project_id")
        .select([
          "c.id",
          "c.org_id as orgId",
          "p.key as projectKey",
          "t.number as taskNumber",
          "c.body",
          "c.created_at as createdAt",
          "c.updated_at as updatedAt",
        ])
        .where("c.author_id", "=", userId)
        .where("c.org_id", "in", memberOf(db, userId))
        .orderBy("c.id")
        .limit(limit);
      if (after) query = query.where("c.id", ">", after);
      return query.execute();
    },
    (row) => row.id,
    onPage,
  );
  const activity = keysetPages(
    async (after: number | undefined, limit) => {
      let query = db
        .selectFrom("activity")
        .select([
          "id",
          "org_id as orgId",
          "action",
          "target_type as targetType",
          "ip",
          "user_agent as userAgent",
          "created_at as createdAt",
        ])
        .where("actor_user_id", "=", userId)
        .orderBy("id")
        .limit(limit);
      if (after !== undefined) query = query.where("id", ">", after);
      return query.execute();
    },
    (row) => row.id,
    onPage,
  );

  return {
    format: { value: "tesseract.account-export/1" },
    exportedAt: { value: now.toISOString() },
    profile: { value: profile ?? null },
    organizations: { value: organizations },
    apiTokens: { value: apiTokens },
    projects: { pages: projects },
    tasks: { pages: tasks },
    comments: { pages: comments },
    activity: { pages: activity },
  };
}
