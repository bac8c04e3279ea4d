import { randomUUID } from "node:crypto";
import type { AnyTRPCProcedure } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { IDEMPOTENT_MUTATIONS, isIdempotentMutation } from "@tesseract/validators/constants";
import { pruneIdempotencyKeys } from "../domain/idempotency-keys.ts";
import { appRouter } from "../root.ts";
import { createTestCaller, insertTestUser, type TestUser } from "../testing.ts";
import { idempotency, type Meta } from "../trpc.ts";
import { orgId, owner, projectId, useProductOrg } from "../router/product-fixture.ts";
import { services } from "../router/router-fixture.ts";

useProductOrg();

/** A caller sending `key` as its Idempotency-Key (and `calls` calls in its HTTP request). */
const keyed = (user: TestUser, key: string, calls = 1) =>
  createTestCaller(services, { headers: { cookie: user.cookie, "idempotency-key": key }, calls });

async function tasksTitled(title: string): Promise<number> {
  const rows = await services.db
    .selectFrom("tasks")
    .select("id")
    .where("org_id", "=", orgId)
    .where("title", "=", title)
    .execute();
  return rows.length;
}

describe("Idempotency-Key", () => {
  it("returns the first result to a retry and makes one row", async () => {
    const key = randomUUID();
    const input = { orgId, projectId, title: "Retried once" };
    const first = await keyed(owner, key).task.create(input);
    const again = await keyed(owner, key).task.create(input);
    expect(again).toEqual(first);
    expect(again.createdAt).toBeInstanceOf(Date);
    expect(await tasksTitled("Retried once")).toBe(1);
    // The key is stored as its hash; the result encrypted, not as readable JSON.
    const record = await services.db
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("procedure", "=", "task.create")
      .where("user_id", "=", owner.id)
      .executeTakeFirstOrThrow();
    expect(record.key_hash).not.toContain(key);
    expect(record.response.toString("latin1")).not.toContain("Retried once");
  });

  it("refuses the same key with another input (422) and changes nothing", async () => {
    const key = randomUUID();
    await keyed(owner, key).task.create({ orgId, projectId, title: "Original" });
    await expect(
      keyed(owner, key).task.create({ orgId, projectId, title: "Something else" }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect(await tasksTitled("Something else")).toBe(0);
  });

  it("recognises a retry by its parsed input: spelled-out defaults are the same request", async () => {
    const key = randomUUID();
    const first = await keyed(owner, key).task.create({ orgId, projectId, title: "Defaults" });
    const again = await keyed(owner, key).task.create({
      orgId,
      projectId,
      title: "Defaults",
      status: "backlog",
      labelIds: [],
    });
    expect(again.id).toBe(first.id);
  });

  it("announces a keyed create once, after its transaction has committed", async () => {
    const key = randomUUID();
    const input = { orgId, projectId, title: "Announced after commit" };
    const bus = services.live.bus;
    const publish = bus.publish.bind(bus);
    // What another connection sees of the task at the moment its event goes out.
    const visibleAtPublish: number[] = [];
    bus.publish = async (streamKey, payload) => {
      if (payload.includes(input.title)) visibleAtPublish.push(await tasksTitled(input.title));
      return publish(streamKey, payload);
    };
    try {
      await keyed(owner, key).task.create(input);
      await keyed(owner, key).task.create(input);
    } finally {
      bus.publish = publish;
    }
    // Published once (the replay announces nothing), and only once the row was committed.
    expect(visibleAtPublish).toEqual([1]);
  });

  it("runs concurrent duplicates once (real PostgreSQL)", async () => {
    const key = randomUUID();
    const input = { orgId, projectId, title: "Sent five times at once" };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => keyed(owner, key).task.create(input)),
    );
    expect(new Set(results.map((task) => task.id)).size).toBe(1);
    expect(await tasksTitled("Sent five times at once")).toBe(1);
  });

  it("scopes keys per caller: another person's key never returns someone else's result", async () => {
    const other = await insertTestUser(services, "Other");
    await services.db
      .insertInto("memberships")
      .values({ org_id: orgId, user_id: other.id, role: "member" })
      .execute();
    const key = randomUUID();
    const input = { orgId, projectId, title: "Same key, two people" };
    const mine = await keyed(owner, key).task.create(input);
    const theirs = await keyed(other, key).task.create(input);
    expect(theirs.id).not.toBe(mine.id);
    expect(await tasksTitled("Same key, two people")).toBe(2);
    // A stranger to the organization learns nothing through a key either.
    const stranger = await insertTestUser(services, "Stranger");
    await expect(keyed(stranger, key).task.create(input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps no record of a failed call, so its key can be used again", async () => {
    const key = randomUUID();
    await expect(
      keyed(owner, key).task.create({ orgId, projectId: randomUUID(), title: "Nowhere" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const task = await keyed(owner, key).task.create({ orgId, projectId, title: "Somewhere" });
    expect(task.title).toBe("Somewhere");
  });

  it("replays a new API token's secret, which is stored only encrypted", async () => {
    const key = randomUUID();
    const input = { orgId, name: "deploy", role: "member" as const, expiresInDays: 1 };
    const first = await keyed(owner, key).token.create(input);
    const again = await keyed(owner, key).token.create(input);
    expect(again.secret).toBe(first.secret);
    const rows = await services.db
      .selectFrom("idempotency_keys")
      .select("response")
      .where("procedure", "=", "token.create")
      .execute();
    for (const row of rows) expect(row.response.toString("latin1")).not.toContain("tsr_");
  });

  it("refuses malformed keys and keys sent with a batch (400), doing nothing", async () => {
    const input = { orgId, projectId, title: "Never made" };
    for (const key of ["", "a".repeat(256), "é-key", "two words", "tab\tkey"]) {
      await expect(keyed(owner, key).task.create(input), JSON.stringify(key)).rejects.toMatchObject(
        { code: "BAD_REQUEST" },
      );
    }
    await expect(keyed(owner, randomUUID(), 2).task.create(input)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("one call") as unknown,
    });
    expect(await tasksTitled("Never made")).toBe(0);
  });

  it("forgets a key after 24 hours, and pruning deletes expired records", async () => {
    const key = randomUUID();
    const input = { orgId, projectId, title: "A day apart" };
    const first = await keyed(owner, key).task.create(input);
    services.clock.advance(24 * 3_600_000 + 1_000);
    try {
      const later = await keyed(owner, key).task.create(input);
      expect(later.id).not.toBe(first.id);
      expect(await pruneIdempotencyKeys(services.db, services.now())).toBeGreaterThan(0);
      const left = await services.db.selectFrom("idempotency_keys").select("expires_at").execute();
      for (const row of left) expect(row.expires_at.getTime()).toBeGreaterThan(Date.now());
    } finally {
      services.clock.advance(-(24 * 3_600_000 + 1_000));
    }
  });
});

describe("idempotency wiring", () => {
  it("runs after every input parser on each mutation of IDEMPOTENT_MUTATIONS (the SDK's list too), and only there", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
    const idempotent: string[] = [];
    for (const [path, procedure] of Object.entries(procedures)) {
      const def = procedure._def as unknown as {
        meta?: Meta;
        type: string;
        middlewares: { _type?: string }[];
        inputs: unknown[];
      };
      const at = def.middlewares.indexOf(idempotency);
      if (!isIdempotentMutation(path)) {
        expect(at, path).toBe(-1);
        continue;
      }
      idempotent.push(path);
      expect(def.type, path).toBe("mutation");
      expect(at, `${path} names IDEMPOTENT_MUTATIONS but does not .use(idempotency)`).not.toBe(-1);
      const lastInput = def.middlewares.findLastIndex((m) => m._type === "input");
      expect(at, path).toBeGreaterThan(lastInput);
    }
    expect(idempotent.sort()).toEqual([...IDEMPOTENT_MUTATIONS].sort());
  });
});
