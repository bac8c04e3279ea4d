import type { Database, Kysely } from "@tesseract/db";
import { hashPassword } from "../auth/password.ts";
import { positionBetween } from "../domain/position.ts";
import { linkDemoTasks } from "./demo-links.ts";
import { addDemoViews } from "./demo-views.ts";
import { customizeDemoWorkflow } from "./demo-workflow.ts";
import {
  COMMENTS,
  LABELS,
  PEOPLE,
  PROJECTS,
  QUALIFIERS,
  SENTENCES,
  SUBJECTS,
  VERBS,
} from "./words.ts";

export const DEMO_ORG_SLUG = "demo";
export const DEMO_PASSWORD = "tesseract-demo";
const STATUSES = ["backlog", "todo", "in_progress", "done", "canceled"] as const;
const STATUS_WEIGHTS = [0.25, 0.25, 0.15, 0.3, 0.05];
const PRIORITIES = ["none", "low", "medium", "high", "urgent"] as const;
const PRIORITY_WEIGHTS = [0.3, 0.25, 0.25, 0.15, 0.05];

/** A small deterministic generator (mulberry32), so every seed run builds the same data. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = <T>(items: readonly T[], weights: number[]): T => {
    let roll = next();
    for (const [i, w] of weights.entries()) if ((roll -= w) < 0) return items[i]!;
    return items.at(-1)!;
  };
  return { next, pick, weighted };
}

export interface SeedResult {
  orgId: string;
  created: boolean;
  tasks: number;
  comments: number;
}

/**
 * The demo organization: members in every role, five projects, thousands of tasks and
 * comments. Idempotent: when it exists, nothing is written (beyond adding `extraOwnerId`).
 */
export async function seedDemo(
  db: Kysely<Database>,
  options: { tasks?: number; extraOwnerId?: string } = {},
): Promise<SeedResult> {
  const existing = await db
    .selectFrom("organizations")
    .select("id")
    .where("slug", "=", DEMO_ORG_SLUG)
    .executeTakeFirst();
  if (existing) {
    if (options.extraOwnerId) {
      await db
        .insertInto("memberships")
        .values({ org_id: existing.id, user_id: options.extraOwnerId, role: "owner" })
        .onConflict((oc) => oc.columns(["org_id", "user_id"]).doNothing())
        .execute();
    }
    return { orgId: existing.id, created: false, tasks: 0, comments: 0 };
  }
  const random = generator(20261124);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const taskCount = options.tasks ?? 3_000;

  return db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto("organizations")
      .values({ name: "Demo Company", slug: DEMO_ORG_SLUG })
      .returning("id")
      .executeTakeFirstOrThrow();
    const users: string[] = [];
    for (const [name, role] of PEOPLE) {
      const email = `${name.split(" ")[0]!.toLowerCase()}@demo.tesseract.dev`;
      const user = await trx
        .insertInto("users")
        .values({ email, name, password_hash: passwordHash, email_verified_at: new Date() })
        .onConflict((oc) => oc.column("email").doUpdateSet({ name }))
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("memberships")
        .values({ org_id: org.id, user_id: user.id, role })
        .execute();
      if (role !== "viewer") users.push(user.id);
    }
    if (options.extraOwnerId) {
      await trx
        .insertInto("memberships")
        .values({ org_id: org.id, user_id: options.extraOwnerId, role: "owner" })
        .onConflict((oc) => oc.columns(["org_id", "user_id"]).doNothing())
        .execute();
    }

    const labels = await trx
      .insertInto("labels")
      .values(LABELS.map(([name, colour]) => ({ org_id: org.id, name, colour })))
      .returning(["id", "name"])
      .execute();
    const labelIdOf = new Map(labels.map((label) => [label.name, label.id]));

    const now = Date.now();
    let comments = 0;
    for (const [index, [key, name, description]] of PROJECTS.entries()) {
      const project = await trx
        .insertInto("projects")
        .values({ org_id: org.id, key, name, description, created_by: users[0]! })
        .returning("id")
        .executeTakeFirstOrThrow();
      const share = Math.round(taskCount * [0.4, 0.15, 0.15, 0.15, 0.15][index]!);
      const lastPosition = new Map<string, string | null>();
      const rows = [];
      const rowLabels: string[][] = [];
      for (let n = 1; n <= share; n++) {
        const status = random.weighted(STATUSES, STATUS_WEIGHTS);
        const position = positionBetween(lastPosition.get(status) ?? null, null);
        lastPosition.set(status, position);
        const createdAt = new Date(now - Math.floor(random.next() * 180) * 86_400_000 - n * 1000);
        const due =
          random.next() < 0.4
            ? new Date(now + Math.floor((random.next() - 0.3) * 60) * 86_400_000)
                .toISOString()
                .slice(0, 10)
            : null;
        const qualifier = random.pick(QUALIFIERS);
        const title = `${random.pick(VERBS)} ${random.pick(SUBJECTS)}${qualifier ? ` ${qualifier}` : ""}`;
        const description =
          random.next() < 0.8 ? `${random.pick(SENTENCES)} ${random.pick(SENTENCES)}` : "";
        const priority = random.weighted(PRIORITIES, PRIORITY_WEIGHTS);
        const assigneeId = random.next() < 0.75 ? random.pick(users) : null;
        rowLabels.push([
          ...new Set([
            random.pick(LABELS)[0],
            ...(random.next() < 0.4 ? [random.pick(LABELS)[0]] : []),
          ]),
        ]);
        rows.push({
          org_id: org.id,
          project_id: project.id,
          number: n,
          title,
          description,
          status,
          priority,
          assignee_id: assigneeId,
          due_date: due,
          position,
          created_by: random.pick(users),
          created_at: createdAt,
          updated_at: createdAt,
        });
      }
      const taskIds: string[] = [];
      for (let i = 0; i < rows.length; i += 500) {
        const inserted = await trx
          .insertInto("tasks")
          .values(rows.slice(i, i + 500))
          .returning(["id", "created_at"])
          .execute();
        taskIds.push(...inserted.map((task) => task.id));
        const links = inserted.flatMap((task, k) =>
          rowLabels[i + k]!.map((name) => ({
            task_id: task.id,
            label_id: labelIdOf.get(name)!,
            org_id: org.id,
          })),
        );
        if (links.length > 0) await trx.insertInto("task_labels").values(links).execute();
        const commentRows = inserted.flatMap((task) =>
          Array.from({ length: Math.floor(random.next() * 3) }, (_, k) => ({
            org_id: org.id,
            task_id: task.id,
            author_id: random.pick(users),
            body: random.pick(COMMENTS),
            created_at: new Date(task.created_at.getTime() + (k + 1) * 3_600_000),
          })),
        );
        if (commentRows.length > 0) await trx.insertInto("comments").values(commentRows).execute();
        comments += commentRows.length;
      }
      await linkDemoTasks(trx, org.id, taskIds);
      if (index === 0) await addDemoViews(trx, org.id, project.id, users[0]!, labelIdOf);
      if (index === 1) await customizeDemoWorkflow(trx, org.id, project.id);
      await trx
        .updateTable("projects")
        .set({ next_task_number: share + 1 })
        .where("id", "=", project.id)
        .execute();
    }
    return { orgId: org.id, created: true, tasks: taskCount, comments };
  });
}
