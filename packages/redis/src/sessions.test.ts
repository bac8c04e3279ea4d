import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "@tesseract/config";
import { createRedis } from "./connection.ts";
import { createSessionStore, hashSessionSecret } from "./sessions.ts";
import { createTestRedis, type TestRedis } from "./testing.ts";

let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis();
});
afterAll(async () => {
  await redis.cleanup();
});

const HOUR = 3_600_000;

function store() {
  const clock = { now: Date.now() };
  const sessions = createSessionStore(redis.client, {
    idleMs: 24 * HOUR,
    absoluteMs: 7 * 24 * HOUR,
    now: () => clock.now,
  });
  return { clock, sessions };
}

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

describe("session store", () => {
  it("stores only the hash of the secret", async () => {
    const { sessions } = store();
    const { secret, session } = await sessions.create("u1", meta);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(session.id).toBe(hashSessionSecret(secret));
    const keys = await redis.client.keys(`${redis.keyPrefix}*`);
    expect(keys.join(" ")).not.toContain(secret);
    expect((await sessions.resolve(secret))?.userId).toBe("u1");
    expect(await sessions.resolve("forged")).toBeUndefined();
  });

  it("slides the idle expiry while used, and ends after idling", async () => {
    const { clock, sessions } = store();
    const { secret } = await sessions.create("u2", meta);
    clock.now += 20 * HOUR;
    expect(await sessions.resolve(secret)).toBeDefined(); // used: idle clock restarts
    clock.now += 20 * HOUR;
    expect(await sessions.resolve(secret)).toBeDefined();
    clock.now += 24 * HOUR + 1;
    expect(await sessions.resolve(secret)).toBeUndefined();
    expect(await sessions.list("u2")).toEqual([]);
  });

  it("ends at the absolute lifetime however active", async () => {
    const { clock, sessions } = store();
    const { secret } = await sessions.create("u3", meta);
    for (let day = 0; day < 7; day++) {
      clock.now += 23 * HOUR; // never idle for a day; 161 h after sign-in at the end
      expect(await sessions.resolve(secret)).toBeDefined();
    }
    clock.now += 23 * HOUR; // 184 h: past the 168 h lifetime
    expect(await sessions.resolve(secret)).toBeUndefined();
  });

  it("lists, revokes one, and revokes all but the current", async () => {
    const { sessions } = store();
    const a = await sessions.create("u4", meta);
    const b = await sessions.create("u4", meta);
    const c = await sessions.create("u4", meta);
    expect((await sessions.list("u4")).map((s) => s.id).sort()).toEqual(
      [a, b, c].map((s) => s.session.id).sort(),
    );
    expect(await sessions.revoke("u4", b.session.id)).toBe(true);
    expect(await sessions.resolve(b.secret)).toBeUndefined();
    expect(await sessions.revokeAll("u4", { except: a.session.id })).toBe(1);
    expect(await sessions.resolve(c.secret)).toBeUndefined();
    expect(await sessions.resolve(a.secret)).toBeDefined();
    expect(await sessions.revoke("u4", "not-a-session")).toBe(false);
  });

  it("revokes a session only for the user it belongs to", async () => {
    const { sessions } = store();
    const victim = await sessions.create("victim", meta);
    await sessions.create("attacker", meta);
    expect(await sessions.revoke("attacker", victim.session.id)).toBe(false);
    expect(await sessions.resolve(victim.secret)).toBeDefined();
    expect((await sessions.list("victim")).map((s) => s.id)).toEqual([victim.session.id]);
    expect(await sessions.revokeAll("attacker")).toBe(1);
    expect(await sessions.resolve(victim.secret)).toBeDefined();
    expect(await sessions.revoke("victim", victim.session.id)).toBe(true);
    expect(await sessions.resolve(victim.secret)).toBeUndefined();
  });

  it("checks the owner exactly, not by a prefix of the user id", async () => {
    const { sessions } = store();
    const victim = await sessions.create("user-10", meta);
    expect(await sessions.revoke("user-1", victim.session.id)).toBe(false);
    expect(await sessions.resolve(victim.secret)).toBeDefined();
  });

  it("checks the owner on the embedded stand-in too", async () => {
    const memory = await createRedis({ url: undefined, keyPrefix: "m:", logger: silentLogger });
    const sessions = createSessionStore(memory.client, {
      idleMs: HOUR,
      absoluteMs: 2 * HOUR,
      now: () => Date.now(),
    });
    const victim = await sessions.create("victim", meta);
    expect(await sessions.revoke("attacker", victim.session.id)).toBe(false);
    expect(await sessions.resolve(victim.secret)).toBeDefined();
    expect(await sessions.revoke("victim", victim.session.id)).toBe(true);
    expect(await sessions.resolve(victim.secret)).toBeUndefined();
    await memory.close();
  });
});
