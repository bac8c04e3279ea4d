import { silentLogger } from "@tesseract/config";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis, isRedisUnavailable, type RedisHandle } from "./connection.ts";
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
      const error = await redis.client.get("k").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/timed out/i);
      expect(isRedisUnavailable(error)).toBe(true);
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
      const error = await redis.client.get("k").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(isRedisUnavailable(error)).toBe(true);
      // Wrapped by a caller, it is still recognised.
      expect(isRedisUnavailable(new Error("sessions failed", { cause: error }))).toBe(true);
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

  it("tells an unreachable Redis from a wrong command", async () => {
    const redis = await createTestRedis();
    await redis.client.set("text", "v");
    // A command the server refuses is the caller's mistake, not an outage.
    const wrongType = await redis.client.lpush("text", "x").catch((e: unknown) => e);
    expect(wrongType).toBeInstanceOf(Error);
    expect(isRedisUnavailable(wrongType)).toBe(false);
    expect(isRedisUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isRedisUnavailable("Command timed out")).toBe(false);
    await redis.cleanup();
  });

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
