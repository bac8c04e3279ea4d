import { sql, type Database, type Kysely } from "@tesseract/db";
import { taskLabelNames } from "../domain/labels.ts";
import { keysetPages } from "./pages.ts";

export interface ProjectRef {
  orgId: string;
  projectId: string;
}

/** The CSV's columns, in order: one row per task. */
export const TASK_CSV_COLUMNS = [
  "ref",
  "title",
  /** The category (backlog, todo, in_progress, done, canceled); status_name is the project's own. */
  "status",
  "status_name",
  "priority",
  "assignee",
  "due_date",
  "labels",
  "description",
  "created_by",
  "created_at",
  "updated_at",
] as const;

export type TaskExportRow = Record<(typeof TASK_CSV_COLUMNS)[number], unknown> & {
  id: string;
  number: number;
};

export async function countProjectTasks(db: Kysely<Database>, ref: ProjectRef): Promise<number> {
  const row = await db
    .selectFrom("tasks")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("org_id", "=", ref.orgId)
    .where("project_id", "=", ref.projectId)
    .where("deleted_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function projectHeader(db: Kysely<Database>, ref: ProjectRef) {
  return db
    .selectFrom("projects")
    .select(["id", "key", "name", "description", "created_at as createdAt"])
    .where("org_id", "=", ref.orgId)
    .where("id", "=", ref.projectId)
    .executeTakeFirst();
}

/** The project's tasks in task-number order, page by page. */
export function projectTaskPages(
  db: Kysely<Database>,
  ref: ProjectRef & { key: string },
  onPage: (rows: number) => Promise<void>,
): AsyncGenerator<TaskExportRow[]> {
  return keysetPages(
    async (after: number | undefined, limit) => {
      let query = db
        .selectFrom("tasks as t")
        .innerJoin("project_statuses as s", "s.id", "t.status_id")
        .leftJoin("users as a", "a.id", "t.assignee_id")
        .leftJoin("users as c", "c.id", "t.created_by")
        .select([
          "t.id",
          "t.number",
          "t.title",
          "t.status",
          "s.name as status_name",
          "t.priority",
          "a.email as assignee",
          "t.due_date",
          taskLabelNames(sql.ref("t.id")).as("labels"),
          "t.description",
          "c.email as created_by",
          "t.created_at",
          "t.updated_at",
        ])
        .where("t.org_id", "=", ref.orgId)
        .where("t.project_id", "=", ref.projectId)
        .where("t.deleted_at", "is", null)
        .orderBy("t.number")
        .limit(limit);
      if (after !== undefined) query = query.where("t.number", ">", after);
      const rows = await query.execute();
      return rows.map((row) => ({ ref: `${ref.key}-${row.number}`, ...row }));
    },
    (row) => row.number,
    onPage,
  );
}

/** Each page of tasks with its comments (oldest first), for the JSON form. */
export async function* withComments(
  db: Kysely<Database>,
  orgId: string,
  pages: AsyncIterable<TaskExportRow[]>,
): AsyncGenerator<unknown[]> {
  for await (const page of pages) {
    const comments =
      page.length === 0
        ? []
        : await db
            .selectFrom("comments as c")
            .leftJoin("users as u", "u.id", "c.author_id")
            .select(["c.task_id", "u.email as author", "c.body", "c.created_at", "c.updated_at"])
            .where("c.org_id", "=", orgId)
            .where(
              "c.task_id",
              "in",
              page.map((task) => task.id),
            )
            .orderBy("c.created_at")
            .orderBy("c.id")
            .execute();
    const byTask = Map.groupBy(comments, (comment) => comment.task_id);
    yield page.map(({ id, ...task }) => ({
      ...task,
      comments: (byTask.get(id) ?? []).map(({ task_id: _, ...comment }) => comment),
    }));
  }
}
