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
    expect(await tracker.current()).toBe(first); // one INFO per connection
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
