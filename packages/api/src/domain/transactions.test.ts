import { sql, type Database, type Kysely, type Transaction } from "@tesseract/db";
import { createTestDatabase, type TestDatabase } from "@tesseract/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.ts";
import type { MailOutbox } from "../mail/outbox.ts";
import type { NotificationSink } from "../notifications/after-commit.ts";
import { issueEmailToken } from "./email-tokens.ts";
import { createInvitation } from "./invitations.ts";
import { countOwners } from "./memberships.ts";
import { changeMemberRole } from "./members.ts";
import { createTask, createTaskAlone, getTask } from "./tasks.ts";

/**
 * Compiled by `pnpm typecheck`, never called: a function that takes a lock or writes several
 * rows requires a `Transaction`, and a plain `Kysely` passed to it does not compile (each
 * `@ts-expect-error` fails the typecheck if the call ever compiles). Reads take either.
 */
export function transactionTypes(
  db: Kysely<Database>,
  trx: Transaction<Database>,
  mail: MailOutbox,
  actor: Actor,
  notifications: NotificationSink,
) {
  const org = { orgId: "org", role: "owner" as const };
  const task = {
    projectId: "p",
    title: "t",
    description: "",
    status: "todo" as const,
    priority: "none",
    assigneeId: null,
    dueDate: null,
    labelIds: [],
  };
  const invite = { email: "a@example.test", role: "member" as const, inviterName: "A" };
  const now = new Date();
  /* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment -- the refused calls (lint refuses them too) */
  return [
    // @ts-expect-error countOwners locks the owners' rows: only inside a transaction.
    countOwners(db, "org"),
    countOwners(trx, "org"),
    // @ts-expect-error createTask takes the project's number lock and writes several rows.
    createTask(db, "org", actor, task, notifications),
    createTask(trx, "org", actor, task, notifications),
    // A plain create is one statement (create_task), atomic on its own, committed by itself.
    createTaskAlone(db, "org", actor, task),
    // @ts-expect-error changeMemberRole locks the owners before it changes a role.
    changeMemberRole(db, org, actor, { userId: "u", role: "admin" }),
    // @ts-expect-error issueEmailToken retires older links and writes a new one together.
    issueEmailToken(db, "u", "verify_email", now),
    // @ts-expect-error createInvitation writes the invitation, its activity and its mail.
    createInvitation(db, mail, org, actor, { ...invite, now, publicUrl: "http://x" }),
    getTask(db, "org", "task"),
    getTask(trx, "org", "task"),
  ];
  /* eslint-enable @typescript-eslint/no-unsafe-class-instance-assignment */
}

describe("a lock-taking function inside the procedure's transaction", () => {
  let database: TestDatabase;
  let orgId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const user = await db
      .insertInto("users")
      .values({ email: "owner@example.test", name: "Owner", password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const org = await db
      .insertInto("organizations")
      .values({ name: "Locks", slug: "locks" })
      .returning("id")
      .executeTakeFirstOrThrow();
    orgId = org.id;
    await db
      .insertInto("memberships")
      .values({ org_id: orgId, user_id: user.id, role: "owner" })
      .execute();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("holds the owners' rows until the transaction ends", async () => {
    const { db } = database;
    const demoteOwner = () =>
      db.transaction().execute(async (other) => {
        // Waiting for the lock would hang the test: fail at once instead.
        await sql`set local lock_timeout = '50ms'`.execute(other);
        await other
          .updateTable("memberships")
          .set({ role: "admin" })
          .where("org_id", "=", orgId)
          .execute();
      });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const first = db.transaction().execute(async (trx) => {
      expect(await countOwners(trx, orgId)).toBe(1);
      locked();
      await released;
    });
    await holding;
    await expect(demoteOwner()).rejects.toMatchObject({ code: "55P03" }); // lock_not_available
    release();
    await first;
    await demoteOwner();
    expect(await countOwnersOutside(db, orgId)).toBe(0);
  });
});

function countOwnersOutside(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow()
    .then((r) => r.n);
}
