import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  hasRedisServer,
  nextEvent,
  startPrivateRedis,
  type PrivateRedis,
} from "@tesseract/redis/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  type TestServices,
} from "../testing.ts";

/**
 * The result cache when Redis loses or rolls back state: a private redis-server that saves only
 * when told to, is killed (no save on SIGKILL) and started again on the same port, empty or from
 * the older snapshot. The API reaches it through one long-lived connection, as a server does.
 */
describe.skipIf(!hasRedisServer)("query cache when Redis loses state", () => {
  let dir: string;
  let redis: PrivateRedis;
  let services: TestServices;
  let script: ReturnType<typeof createTestCaller>;
  let orgId: string;
  let projectId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tesseract-cache-"));
    redis = await startPrivateRedis(undefined, { dir });
    services = await createTestServices({ REDIS_URL: redis.url });
    const user = await insertTestUser(services, "Snapshot");
    const session = createTestCaller(services, { headers: { cookie: user.cookie } });
    orgId = (await session.org.create({ name: "Rolled back" })).id;
    projectId = (await session.project.create({ orgId, name: "R", key: "ROL" })).id;
    // API tokens live in PostgreSQL: they outlive any Redis restart, sessions would not.
    const { secret } = await session.token.create({
      orgId,
      name: "t",
      role: "member",
      expiresInDays: null,
    });
    script = createTestCaller(services, { headers: { authorization: `Bearer ${secret}` } });
  });
  afterAll(async () => {
    await redis.kill();
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  const client = () => services.redis.client;

  /** SIGKILL, then the same port again; resolves once the API's connection is back. */
  async function restartRedis(from: "snapshot" | "empty"): Promise<void> {
    const closed = nextEvent(client(), "close");
    await redis.kill();
    await closed;
    if (from === "empty") await rm(join(dir, "dump.rdb"), { force: true });
    const ready = nextEvent(client(), "ready");
    redis = await startPrivateRedis(redis.port, { dir });
    await ready;
  }

  /** Reads `ref` twice; the second must be a hit, so the title read came through the cache. */
  async function cachedTitle(ref: string): Promise<string> {
    const first = (await script.task.get({ orgId, ref })).title;
    const hits = services.cache.stats.hits;
    expect((await script.task.get({ orgId, ref })).title).toBe(first);
    expect(services.cache.stats.hits).toBe(hits + 1);
    return first;
  }

  it("is fresh after Redis comes back from a snapshot older than an acknowledged update", async () => {
    const task = await script.task.create({ orgId, projectId, title: "Before the snapshot" });
    expect(await cachedTitle(task.id)).toBe("Before the snapshot");
    await client().save(); // the snapshot holds the old entry and the old tag versions

    await script.task.update({ orgId, taskId: task.id, title: "After the snapshot" });
    expect(await cachedTitle(task.id)).toBe("After the snapshot");

    await restartRedis("snapshot");
    expect(await client().exists(`cachetag:${orgId}:tasks`)).toBe(1); // the old versions are back
    expect(await cachedTitle(task.id)).toBe("After the snapshot");
  });

  it("is fresh after Redis restarts empty", async () => {
    const task = await script.task.create({ orgId, projectId, title: "Before the restart" });
    expect(await cachedTitle(task.id)).toBe("Before the restart");
    await restartRedis("empty");
    await script.task.update({ orgId, taskId: task.id, title: "After the restart" });
    expect(await cachedTitle(task.id)).toBe("After the restart");
  });

  it("is fresh after an invalidation that failed while Redis was unreachable", async () => {
    const task = await script.task.create({ orgId, projectId, title: "Before the outage" });
    expect(await cachedTitle(task.id)).toBe("Before the outage");

    // The connection drops; Redis itself keeps running, with the entry and the versions.
    const ended = nextEvent(client(), "end");
    client().disconnect();
    await ended;
    await script.task.update({ orgId, taskId: task.id, title: "During the outage" });

    await client().connect();
    expect(await cachedTitle(task.id)).toBe("During the outage");
  });
});
