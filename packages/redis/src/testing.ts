import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { freePort, loadTestConfig, silentLogger } from "@tesseract/config";
import type { Redis } from "ioredis";
import { createRedis, type RedisHandle } from "./connection.ts";

export interface TestRedis extends RedisHandle {
  url: string;
  keyPrefix: string;
  /** Deletes every key under this file's prefix and closes the connection. */
  cleanup(): Promise<void>;
}

/** A key space of its own for one test file, on the real Redis server. */
export async function createTestRedis(url?: string): Promise<TestRedis> {
  const redisUrl = url ?? loadTestConfig().redisUrl;
  const keyPrefix = `tesseract-test:${process.pid}:${randomBytes(4).toString("hex")}:`;
  const handle = await createRedis({ url: redisUrl, keyPrefix, logger: silentLogger });
  return {
    ...handle,
    url: redisUrl,
    keyPrefix,
    async cleanup() {
      // SCAN patterns are not prefixed by ioredis, and DEL arguments are: strip before deleting.
      let cursor = "0";
      do {
        const [next, keys] = await handle.client.scan(
          cursor,
          "MATCH",
          `${keyPrefix}*`,
          "COUNT",
          500,
        );
        cursor = next;
        if (keys.length > 0) await handle.client.del(...keys.map((k) => k.slice(keyPrefix.length)));
      } while (cursor !== "0");
      await handle.close();
    },
  };
}

/** Whether a redis-server binary is on PATH (tests that stop a private server need one). */
export const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

/**
 * Resolves on the client's next `event` ("close", "ready", "end"). Unlike events.once it does
 * not reject on the connection errors a client emits while its server is down.
 */
export function nextEvent(client: Redis, event: "close" | "ready" | "end"): Promise<void> {
  return new Promise((resolve) => {
    client.once(event, () => {
      resolve();
    });
  });
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL, resolved once the process has exited. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: a server that accepts connections and never answers. */
  freeze(): void;
  thaw(): void;
}

/**
 * A throwaway redis-server on a free loopback port, for tests that stop or freeze Redis. It
 * saves only when told to (`SAVE`), into `dir` when given: a server started again on the same
 * port and `dir` loads that snapshot, as a Redis restored from an older backup does.
 */
export async function startPrivateRedis(
  port?: number,
  options: { dir?: string } = {},
): Promise<PrivateRedis> {
  const chosen = port ?? (await freePort());
  const persistence = options.dir ? ["--dir", options.dir, "--dbfilename", "dump.rdb"] : [];
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(chosen),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      ...persistence,
    ],
    {
      stdio: "ignore",
    },
  );
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      resolve();
    }),
  );
  for (let attempt = 0; ; attempt++) {
    if (await accepts(chosen)) break;
    if (attempt > 50) throw new Error("private redis-server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
    freeze: () => child.kill("SIGSTOP"),
    thaw: () => child.kill("SIGCONT"),
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.end(() => {
        resolve(true);
      });
    });
    socket.once("error", () => {
      resolve(false);
    });
  });
}
