import { silentLogger } from "@tesseract/config";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis, type RedisHandle } from "./connection.ts";
import {
  createTestRedis,
  hasRedisServer,
  startPrivateRedis,
  type PrivateRedis,
} from "./testing.ts";

const handles: RedisHandle[] = [];
const servers: PrivateRedis[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill()));
  await Promise.all(handles.map((h) => h.close()));
});

async function privateRedis(port?: number): Promise<PrivateRedis> {
  const server = await startPrivateRedis(port);
  servers.push(server);
  return server;
}

async function connectTo(url: string, commandTimeoutMs?: number): Promise<RedisHandle> {
  const redis = await createRedis({
    url,
    keyPrefix: "t:",
    logger: silentLogger,
    ...(commandTimeoutMs ? { commandTimeoutMs } : {}),
  });
  handles.push(redis);
  return redis;
}

describe("createRedis", () => {
  it("isolates key spaces by prefix on the real server", async () => {
    const a = await createTestRedis();
    const b = await createTestRedis();
    await a.client.set("greeting", "from a");
    expect(await b.client.get("greeting")).toBeNull();
    expect(await a.client.get("greeting")).toBe("from a");
    await a.cleanup();
    const check = await createRedis({ url: b.url, keyPrefix: a.keyPrefix, logger: silentLogger });
    expect(await check.client.get("greeting")).toBeNull();
    await check.close();
    await b.cleanup();
  });

  it("answers in the embedded mode with an in-process stand-in", async () => {
    const memory = await createRedis({ url: undefined, keyPrefix: "t:", logger: silentLogger });
    handles.push(memory);
    expect(memory.kind).toBe("memory");
    await memory.ping();
    await memory.client.set("k", "v", "EX", 60);
    expect(await memory.client.get("k")).toBe("v");
  });

  it.skipIf(!hasRedisServer)("fails a command instead of hanging when Redis freezes", async () => {
    const server = await privateRedis();
    const redis = await connectTo(server.url, 300);
    await redis.client.set("k", "v");
    server.freeze();
    try {
      await expect(redis.client.get("k")).rejects.toThrow(/timed out/i);
    } finally {
      server.thaw();
    }
  });

  it.skipIf(!hasRedisServer)(
    "fails a command at once while Redis is down, and recovers when it returns",
    async () => {
      const server = await privateRedis();
      const redis = await connectTo(server.url);
      await redis.ping();
      await server.kill();
      await expect(redis.client.get("k")).rejects.toThrow();
      await privateRedis(server.port);
      await expect
        .poll(
          () =>
            redis.ping().then(
              () => "up",
              () => "down",
            ),
          { timeout: 10_000, interval: 200 },
        )
        .toBe("up");
    },
  );

  it.skipIf(!hasRedisServer)(
    "starts with Redis unreachable and reports it through ping",
    async () => {
      const server = await privateRedis();
      await server.kill();
      const redis = await connectTo(server.url);
      await expect(redis.ping()).rejects.toThrow();
    },
  );
});
