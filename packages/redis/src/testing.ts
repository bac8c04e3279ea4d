import { randomBytes } from "node:crypto";
import { loadTestConfig, silentLogger } from "@tesseract/config";
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
