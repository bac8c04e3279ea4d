import { silentLogger } from "@tesseract/config";
import {
  createReadReplica,
  currentWalPosition,
  lsnToNumber,
  sql,
  type ReadReplica,
} from "@tesseract/db";
import { createWriteMarks } from "@tesseract/redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  startScratchPostgres,
  startScratchReplica,
  type ScratchPostgres,
  type TestServices,
  type TestUser,
} from "../testing.ts";
import { positionBetween } from "../domain/position.ts";
import { writeScopes } from "./replica-reads.ts";

/**
 * A real streaming replica: a private PostgreSQL 15 primary, a hot standby made from it with
 * `pg_basebackup -R`, and the services reading through both. Pausing the standby's WAL replay
 * (`pg_wal_replay_pause()`) holds it at a known point, so the test can tell which server
 * answered a read: a row written straight into the primary after the pause is on one only.
 */
let primary: ScratchPostgres;
let standby: ScratchPostgres;
let services: TestServices;
let replica: ReadReplica;
let owner: TestUser;
let stranger: TestUser;
let colleague: TestUser;
let orgId: string;
let projectId: string;
let otherOrgId: string;
let otherProjectId: string;

beforeAll(async () => {
  primary = await startScratchPostgres();
  standby = await startScratchReplica(primary);
  // Uncached, so every list reaches a database; budgets out of the way.
  services = await createTestServices(
    { CACHE_ENABLED: "false", RATE_LIMIT_WRITES_PER_MINUTE: "10000" },
    { adminDatabaseUrl: primary.url },
  );
  const replicaUrl = new URL(services.config.database.url ?? "");
  replicaUrl.port = String(standby.port);
  replica = await createReadReplica({ url: replicaUrl.href, logger: silentLogger, freshMs: 0 });
  services.replica = { replica, marks: createWriteMarks(services.redis.client) };

  owner = await insertTestUser(services, "Owner");
  stranger = await insertTestUser(services, "Stranger");
  orgId = (await as(owner).org.create({ name: "Replicated" })).id;
  projectId = (await as(owner).project.create({ orgId, name: "Engineering", key: "eng" })).id;
  colleague = await insertTestUser(services, "Colleague");
  await services.db
    .insertInto("memberships")
    .values({ org_id: orgId, user_id: colleague.id, role: "member" })
    .execute();
  otherOrgId = (await as(stranger).org.create({ name: "Elsewhere" })).id;
  otherProjectId = (
    await as(stranger).project.create({ orgId: otherOrgId, name: "Ops", key: "ops" })
  ).id;
  await caughtUp();
}, 300_000);

afterAll(async () => {
  await replica?.handle.close();
  await services?.close();
  await standby?.destroy();
  await primary?.destroy();
}, 120_000);

const as = (user: TestUser) => createTestCaller(services, { headers: { cookie: user.cookie } });

/** Runs SQL on the standby itself (not through the routing under test). */
const onStandby = (query: ReturnType<typeof sql>) => query.execute(replica.db);

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const target = await currentWalPosition(services.db);
  await vi.waitFor(
    async () => {
      expect(await replica.hasReplayed(target)).toBe(true);
    },
    { timeout: 60_000, interval: 50 },
  );
}

let directNumber = 10_000;
// Below every key the API appends at a column's end, so the two never meet.
let directPosition = "a0";
/** A task written straight into the primary: no procedure, so no write mark covers it. */
async function insertDirectly(org: string, project: string, title: string): Promise<void> {
  await services.db
    .insertInto("tasks")
    .values({
      org_id: org,
      project_id: project,
      number: ++directNumber,
      title,
      position: (directPosition = positionBetween(null, directPosition)),
      created_by: owner.id,
    })
    .execute();
}

const titles = async (user: TestUser, org: string) =>
  (await as(user).task.list({ orgId: org, limit: 100 })).items.map((t) => t.title);

describe("reads on a streaming replica", { timeout: 180_000 }, () => {
  it("parses WAL positions as numbers that compare like the positions", () => {
    expect(lsnToNumber("0/0")).toBe(0);
    expect(lsnToNumber("16/B374D848")).toBe(0x16 * 2 ** 32 + 0xb374d848);
    expect(lsnToNumber("1/0")).toBeGreaterThan(lsnToNumber("0/FFFFFFFF"));
    expect(() => lsnToNumber("16B374D848")).toThrow(/WAL position/);
  });

  it("serves lists from the replica, and a person's own writes from the primary until it has them", async () => {
    await onStandby(sql`select pg_wal_replay_pause()`);
    try {
      // Written after the pause, by no procedure: only the primary has these rows.
      await insertDirectly(orgId, projectId, "Unmarked on the primary");
      await insertDirectly(otherOrgId, otherProjectId, "Elsewhere, unmarked");
      // Nothing marks these scopes: the lists come from the paused replica, without the rows.
      expect(await titles(owner, orgId)).not.toContain("Unmarked on the primary");
      expect(await titles(stranger, otherOrgId)).not.toContain("Elsewhere, unmarked");

      // The owner writes through the API: their next read (and their organization's) must
      // see it although the replica cannot yet, so it comes from the primary.
      await as(owner).task.create({ orgId, projectId, title: "My own write" });
      const mark = await services.replica?.marks.highest(writeScopes(owner.id, orgId));
      expect(mark).toBeGreaterThan(0);
      expect(await replica.hasReplayed(mark ?? 0)).toBe(false);
      expect(await titles(owner, orgId)).toEqual(
        expect.arrayContaining(["My own write", "Unmarked on the primary"]),
      );
      // So does everyone in the organization (whose cached lists must not be refilled from
      // before the write).
      expect(await titles(colleague, orgId)).toContain("My own write");
      // Another organization's reads are not held back by that write: still the replica.
      expect(await titles(stranger, otherOrgId)).not.toContain("Elsewhere, unmarked");
      // Search reads the same way.
      const found = await as(owner).task.search({ orgId, query: "write" });
      expect(found.map((hit) => hit.title.map((part) => part.text).join(""))).toContain(
        "My own write",
      );
    } finally {
      await onStandby(sql`select pg_wal_replay_resume()`);
    }

    // Once the replica has replayed past the write, reads go back to it.
    await caughtUp();
    await onStandby(sql`select pg_wal_replay_pause()`);
    try {
      await insertDirectly(orgId, projectId, "Written after the catch-up");
      const now = await titles(owner, orgId);
      expect(now).toContain("My own write");
      expect(now).not.toContain("Written after the catch-up");
    } finally {
      await onStandby(sql`select pg_wal_replay_resume()`);
    }
  });

  it("reads from the primary while the replica is down", async () => {
    await caughtUp();
    await standby.stop();
    await insertDirectly(orgId, projectId, "While the replica is down");
    expect(await titles(owner, orgId)).toContain("While the replica is down");
    expect(await titles(stranger, otherOrgId)).toContain("Elsewhere, unmarked");
  });
});
