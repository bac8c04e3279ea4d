import { hasRedisServer, startPrivateRedis, type PrivateRedis } from "@tesseract/redis/testing";
import type { AnyTRPCProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "../root.ts";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  testContext,
  type TestServices,
  type TestUser,
} from "../testing.ts";
import { resultCache, type Meta } from "../trpc.ts";
import { inputDigest } from "./cache.ts";

let services: TestServices;
let owner: TestUser;
let viewer: TestUser;
let orgId: string;
let projectId: string;
const as = (user: TestUser) => createTestCaller(services, { headers: { cookie: user.cookie } });

beforeAll(async () => {
  services = await createTestServices({ RATE_LIMIT_SEARCHES_PER_MINUTE: "3" });
  owner = await insertTestUser(services, "Owner");
  viewer = await insertTestUser(services, "Viewer");
  orgId = (await as(owner).org.create({ name: "Cache Org" })).id;
  await services.db
    .insertInto("memberships")
    .values({ org_id: orgId, user_id: viewer.id, role: "viewer" })
    .execute();
  projectId = (await as(owner).project.create({ orgId, name: "Cached", key: "CCH" })).id;
});
afterAll(async () => {
  await services.close();
});

const titles = async (user: TestUser) =>
  (await as(user).task.list({ orgId, projectId, sort: "position", order: "asc" })).items.map(
    (t) => `${t.title}:${t.status}`,
  );

describe("query cache", () => {
  it("serves a repeated read from the cache", async () => {
    await titles(owner);
    const hits = services.cache.stats.hits;
    await titles(owner);
    expect(services.cache.stats.hits).toBe(hits + 1);
  });

  it("is fresh after every kind of mutation", async () => {
    expect(await titles(owner)).toEqual([]);
    const a = await as(owner).task.create({ orgId, projectId, title: "A" });
    expect(await titles(owner)).toEqual(["A:backlog"]);
    await as(owner).task.update({ orgId, taskId: a.id, title: "A2" });
    expect(await titles(owner)).toEqual(["A2:backlog"]);
    const b = await as(owner).task.create({ orgId, projectId, title: "B" });
    await as(owner).task.move({ orgId, taskId: b.id, status: "backlog", beforeId: a.id });
    expect(await titles(owner)).toEqual(["B:backlog", "A2:backlog"]);
    await as(owner).task.move({ orgId, taskId: a.id, status: "done" });
    expect(await titles(owner)).toEqual(["B:backlog", "A2:done"]);
    await as(owner).task.delete({ orgId, taskId: b.id });
    expect(await titles(owner)).toEqual(["A2:done"]);

    expect((await as(owner).task.get({ orgId, ref: "CCH-1" })).title).toBe("A2");
    await as(owner).task.update({ orgId, taskId: a.id, title: "A3" });
    expect((await as(owner).task.get({ orgId, ref: "CCH-1" })).title).toBe("A3");

    expect((await as(owner).comment.list({ orgId, taskId: a.id })).items).toEqual([]);
    const comment = await as(owner).comment.create({ orgId, taskId: a.id, body: "hello" });
    expect(
      (await as(owner).comment.list({ orgId, taskId: a.id })).items.map((c) => c.body),
    ).toEqual(["hello"]);
    await as(owner).comment.update({ orgId, commentId: comment.id, body: "edited" });
    expect(
      (await as(owner).comment.list({ orgId, taskId: a.id })).items.map((c) => c.body),
    ).toEqual(["edited"]);

    const openBefore = (await as(owner).project.list({ orgId })).find(
      (p) => p.id === projectId,
    )?.openTasks;
    await as(owner).task.create({ orgId, projectId, title: "C" });
    expect(
      (await as(owner).project.list({ orgId })).find((p) => p.id === projectId)?.openTasks,
    ).toBe(openBefore! + 1);
    await as(owner).project.update({ orgId, projectId, name: "Renamed" });
    expect((await as(owner).project.get({ orgId, projectId })).name).toBe("Renamed");
  });

  it("never serves one organization's or one role's entry to another", async () => {
    const other = await insertTestUser(services, "Other");
    const otherOrg = (await as(other).org.create({ name: "Other Org" })).id;
    await as(other).project.create({ orgId: otherOrg, name: "Theirs", key: "CCH" });
    const mine = await as(owner).project.list({ orgId });
    const theirs = await as(other).project.list({ orgId: otherOrg });
    expect(mine.map((p) => p.name)).not.toEqual(theirs.map((p) => p.name));

    const misses = services.cache.stats.misses;
    await as(owner).task.list({ orgId, projectId, limit: 3 });
    await as(viewer).task.list({ orgId, projectId, limit: 3 });
    expect(services.cache.stats.misses).toBe(misses + 2); // the viewer got no entry made for the owner
    const keys = await services.redis.client.keys(
      `${services.config.redis.keyPrefix}cache:${orgId}:*`,
    );
    expect(keys.some((k) => k.includes(":viewer:task.list:"))).toBe(true);
    expect(keys.some((k) => k.includes(":owner:task.list:"))).toBe(true);
    expect(
      await services.redis.client.keys(
        `${services.config.redis.keyPrefix}cache:${otherOrg}:*:task.list:*`,
      ),
    ).toEqual([]);
  });

  it("can be switched off (CACHE_ENABLED=false): every read runs the query", async () => {
    const off = {
      ...services,
      config: { ...services.config, cache: { ...services.config.cache, enabled: false } },
    };
    const before = { ...services.cache.stats };
    const caller = createTestCaller(off, { headers: { cookie: owner.cookie } });
    await caller.task.list({ orgId, projectId, limit: 2 });
    await caller.task.list({ orgId, projectId, limit: 2 });
    expect(services.cache.stats).toEqual(before);
  });
});

describe("cache keys come from the parsed input", () => {
  const listInput = (limit: number) =>
    ({ orgId, projectId, sort: "position", order: "asc", limit }) as const;
  type ListInput = ReturnType<typeof listInput>;
  const cacheKeys = () =>
    services.redis.client.keys(`${services.config.redis.keyPrefix}cache:${orgId}:*`);

  it("serves unknown keys, any key order and spelled-out defaults from one entry", async () => {
    const input = listInput(9);
    await as(owner).task.list(input);
    const { misses } = services.cache.stats;
    await as(owner).task.list(Object.fromEntries(Object.entries(input).reverse()) as ListInput);
    await as(owner).task.list({ ...input, ignoredByTheSchema: "x" } as ListInput);
    expect(services.cache.stats.misses).toBe(misses);

    await as(owner).task.list({ orgId, projectId, sort: "position", order: "asc" });
    await as(owner).task.list({ ...listInput(50), junk: { deep: [1, 2] } } as ListInput);
    expect(services.cache.stats.misses).toBe(misses + 1); // limit 50 is the default
  });

  it("ignores a BigInt under an unknown key instead of failing with a 500", async () => {
    const input = listInput(10);
    const expected = await as(owner).task.list(input);
    const { misses } = services.cache.stats;
    const answer = await as(owner).task.list({ ...input, big: 10n ** 30n } as ListInput);
    expect(answer).toEqual(expected);
    expect(services.cache.stats.misses).toBe(misses);
  });

  it("does not grow Redis with junk inputs", async () => {
    const input = listInput(11);
    await as(owner).task.list(input);
    const before = await cacheKeys();
    const junk = "j".repeat(10_000);
    for (let i = 0; i < 40; i++)
      await as(owner).task.list({ ...input, [`junk${i}`]: `${junk}${i}` });
    expect((await cacheKeys()).sort()).toEqual(before.sort());
  });
});

describe("input digest", () => {
  it("ignores key order and keeps look-alike values of different types apart", () => {
    expect(inputDigest({ a: 1, b: { c: 2, d: 3 } })).toBe(inputDigest({ b: { d: 3, c: 2 }, a: 1 }));
    const lookAlikes = [
      1,
      "1",
      1n,
      [1],
      new Set([1]),
      null,
      undefined,
      new Date(0),
      "1970-01-01T00:00:00.000Z",
    ];
    expect(new Set(lookAlikes.map((v) => inputDigest({ v }))).size).toBe(lookAlikes.length);
  });
});

describe("result cache wiring", () => {
  it("runs after the procedure's own input on every cached query, and only there", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
    const cached: string[] = [];
    for (const [path, procedure] of Object.entries(procedures)) {
      const def = procedure._def as unknown as {
        meta?: Meta;
        type: string;
        middlewares: unknown[];
      };
      const at = def.middlewares.indexOf(resultCache);
      if (!def.meta?.cache) {
        expect(at, path).toBe(-1);
        continue;
      }
      cached.push(path);
      expect(def.type, path).toBe("query");
      // After every input parser, so the key sees the parsed input; only an output parser may
      // follow it (it then checks fresh results only) before the resolver.
      const after = def.middlewares.slice(at + 1, -1) as { name?: string }[];
      expect(
        after.map((middleware) => middleware.name),
        path,
      ).toEqual(after.map(() => "outputValidatorMiddleware"));
      const lastInput = (def.middlewares as { _type?: string }[]).findLastIndex(
        (middleware) => middleware._type === "input",
      );
      expect(at, path).toBeGreaterThan(lastInput);
    }
    expect(cached).toEqual(
      expect.arrayContaining(["task.get", "task.list", "project.list", "comment.list"]),
    );
  });
});

describe("rate limits as policy", () => {
  it("answers 429 with Retry-After once a caller's budget for a class is spent", async () => {
    const ctx = testContext(services, { headers: { cookie: viewer.cookie } });
    const caller = createCaller(ctx);
    for (let i = 0; i < 3; i++) await caller.task.search({ orgId, query: "anything" });
    await expect(caller.task.search({ orgId, query: "anything" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(
      Number(
        (ctx.response as unknown as { headers: Map<string, string> }).headers.get("retry-after"),
      ),
    ).toBeGreaterThan(0);
    // Budgets are per caller and per class: others, and the viewer's reads, are untouched.
    await as(owner).task.search({ orgId, query: "anything" });
    await as(viewer).task.list({ orgId, projectId });
  });
});

describe.skipIf(!hasRedisServer)("with Redis stopped mid-test", () => {
  let redis: PrivateRedis;
  let isolated: TestServices;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    isolated = await createTestServices({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await redis.kill();
    await isolated.close();
  });

  it("still answers reads and writes, uncached (API tokens need no Redis)", async () => {
    const user = await insertTestUser(isolated, "Solo");
    const session = createTestCaller(isolated, { headers: { cookie: user.cookie } });
    const org = await session.org.create({ name: "Resilient" });
    const project = await session.project.create({ orgId: org.id, name: "R", key: "RES" });
    const { secret } = await session.token.create({
      orgId: org.id,
      name: "t",
      role: "member",
      expiresInDays: null,
    });
    const script = createTestCaller(isolated, { headers: { authorization: `Bearer ${secret}` } });
    await script.task.list({ orgId: org.id, projectId: project.id });

    await redis.kill();
    const bypassed = isolated.cache.stats.bypassed;
    await script.task.create({
      orgId: org.id,
      projectId: project.id,
      title: "Written without Redis",
    });
    const { items } = await script.task.list({ orgId: org.id, projectId: project.id });
    expect(items.map((t) => t.title)).toEqual(["Written without Redis"]);
    expect(isolated.cache.stats.bypassed).toBeGreaterThan(bypassed);
  });
});
