import { createTestCaller, insertTestUser } from "@tesseract/api/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSiblingServer, startTestServer, type TestServer } from "./helpers.ts";

/**
 * The result cache over real HTTP, on both adapters: the lean one runs procedures on its own
 * middleware runner, so the cache key must come out of the parsed input there as well.
 */
let lean: TestServer;
let stock: TestServer;
const fixtures = { cookie: "", orgId: "", projectId: "" };

beforeAll(async () => {
  lean = await startTestServer();
  stock = await startSiblingServer(lean.services, "stock");
  const user = await insertTestUser(lean.services, "Cache HTTP");
  const owner = createTestCaller(lean.services, { headers: { cookie: user.cookie } });
  fixtures.cookie = user.cookie;
  fixtures.orgId = (await owner.org.create({ name: "Cache over HTTP" })).id;
  fixtures.projectId = (
    await owner.project.create({ orgId: fixtures.orgId, name: "P", key: "CHT" })
  ).id;
  await owner.task.create({ orgId: fixtures.orgId, projectId: fixtures.projectId, title: "T" });
});
afterAll(async () => {
  await stock.close();
  await lean.close();
});

const cacheKeys = async () =>
  (
    await lean.services.redis.client.keys(
      `${lean.services.config.redis.keyPrefix}cache:${fixtures.orgId}:*`,
    )
  ).sort();

async function listTasks(server: TestServer, extra: Record<string, unknown>) {
  const input = { orgId: fixtures.orgId, projectId: fixtures.projectId, limit: 7, ...extra };
  const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  const res = await fetch(`${server.url}/trpc/task.list?input=${query}`, {
    headers: { cookie: fixtures.cookie },
  });
  return { status: res.status, body: await res.text() };
}

describe.each(["lean", "stock"] as const)("query cache over HTTP (%s adapter)", (adapter) => {
  const server = () => (adapter === "lean" ? lean : stock);

  it("answers junk the schema ignores, a BigInt too, from one entry", async () => {
    const first = await listTasks(server(), { [`seed-${adapter}`]: true });
    expect(first.status).toBe(200);
    const keys = await cacheKeys();
    const { misses } = lean.services.cache.stats;
    for (let i = 0; i < 20; i++) {
      const junk = { [`junk${i}`]: "x".repeat(2_000), big: 10n ** BigInt(20 + i) };
      const answer = await listTasks(server(), junk);
      expect(answer).toEqual(first);
    }
    expect(lean.services.cache.stats.misses).toBe(misses);
    expect(await cacheKeys()).toEqual(keys);
  });
});
