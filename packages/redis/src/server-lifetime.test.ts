import { silentLogger } from "@tesseract/config";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis, type RedisHandle } from "./connection.ts";
import { trackServerLifetime } from "./server-lifetime.ts";
import { hasRedisServer, nextEvent, startPrivateRedis, type PrivateRedis } from "./testing.ts";

const handles: RedisHandle[] = [];
const servers: PrivateRedis[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill()));
  await Promise.all(handles.map((h) => h.close()));
});

describe.skipIf(!hasRedisServer)("server lifetime", () => {
  it("names the server run, and stops vouching for it once the connection drops", async () => {
    const server = await startPrivateRedis();
    servers.push(server);
    const redis = await createRedis({ url: server.url, keyPrefix: "t:", logger: silentLogger });
    handles.push(redis);
    const tracker = trackServerLifetime(redis);

    const first = await tracker.current();
    expect(await redis.client.info("server")).toContain(`run_id:${first.runId}`);
    expect(await tracker.current()).toBe(first); // INFO is read again only after maxAgeMs
    expect(tracker.isCurrent(first)).toBe(true);

    const closed = nextEvent(redis.client, "close");
    await server.kill();
    await closed;
    expect(tracker.isCurrent(first)).toBe(false);
    const ready = nextEvent(redis.client, "ready");
    servers.push(await startPrivateRedis(server.port));
    await ready;

    const second = await tracker.current();
    expect(second.runId).not.toBe(first.runId);
    expect(tracker.isCurrent(second)).toBe(true);
    expect(tracker.isCurrent(first)).toBe(false);
  });
});

describe.skipIf(!hasRedisServer)("server lifetime under a connection that stays open", () => {
  it("notices a master demoted and promoted again (same run id, new data set history)", async () => {
    const [primary, other] = [await startPrivateRedis(), await startPrivateRedis()];
    servers.push(primary, other);
    const redis = await createRedis({ url: primary.url, keyPrefix: "t:", logger: silentLogger });
    handles.push(redis);
    const tracker = trackServerLifetime(redis, { maxAgeMs: 0 });
    const before = await tracker.current();
    let closes = 0;
    redis.client.on("close", () => closes++);

    await redis.client.replicaof("127.0.0.1", other.port);
    await redis.client.replicaof("NO", "ONE");
    const after = await tracker.current();
    expect(closes).toBe(0); // Redis kept the connection through both role changes
    expect(after.runId).toBe(before.runId);
    expect(after.id).not.toBe(before.id);
    expect(tracker.isCurrent(before)).toBe(false);
    expect(tracker.isCurrent(after)).toBe(true);
  });
});

describe("server lifetime on the embedded stand-in", () => {
  it("is one lifetime for the life of the process", async () => {
    const memory = await createRedis({ url: undefined, keyPrefix: "t:", logger: silentLogger });
    handles.push(memory);
    const tracker = trackServerLifetime(memory);
    const lifetime = await tracker.current();
    expect(await tracker.current()).toEqual(lifetime);
    expect(tracker.isCurrent(lifetime)).toBe(true);
  });
});
