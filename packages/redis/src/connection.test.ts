import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { silentLogger } from "@tesseract/config";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis, type RedisHandle } from "./connection.ts";
import { createTestRedis } from "./testing.ts";

const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;
const handles: RedisHandle[] = [];
const processes: ChildProcess[] = [];
afterAll(async () => {
  for (const child of processes) child.kill("SIGKILL");
  await Promise.all(handles.map((h) => h.close()));
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === "object" && address) resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

async function startPrivateRedis(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  processes.push(child);
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    const probe = await createRedis({ url, keyPrefix: "probe:", logger: silentLogger });
    const ok = await probe.ping().then(
      () => true,
      () => false,
    );
    await probe.close();
    if (ok) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("private redis-server did not start");
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
    const { child, url } = await startPrivateRedis();
    const redis = await createRedis({
      url,
      keyPrefix: "t:",
      logger: silentLogger,
      commandTimeoutMs: 300,
    });
    handles.push(redis);
    await redis.client.set("k", "v");
    child.kill("SIGSTOP");
    try {
      await expect(redis.client.get("k")).rejects.toThrow(/timed out/i);
    } finally {
      child.kill("SIGCONT");
    }
  });

  it.skipIf(!hasRedisServer)(
    "fails a command at once while Redis is down, and recovers when it returns",
    async () => {
      const { child, url } = await startPrivateRedis();
      const redis = await createRedis({ url, keyPrefix: "t:", logger: silentLogger });
      handles.push(redis);
      await redis.ping();
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      await expect(redis.client.get("k")).rejects.toThrow();
      const port = new URL(url).port;
      const again = spawn(
        "redis-server",
        ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        { stdio: "ignore" },
      );
      processes.push(again);
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

  it("starts with Redis unreachable and reports it through ping", async () => {
    const port = await freePort();
    const redis = await createRedis({
      url: `redis://127.0.0.1:${port}`,
      keyPrefix: "t:",
      logger: silentLogger,
    });
    handles.push(redis);
    await expect(redis.ping()).rejects.toThrow();
  });
});
