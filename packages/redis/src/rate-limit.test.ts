import { silentLogger } from "@tesseract/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "./connection.ts";
import { createRateLimiter } from "./rate-limit.ts";
import { createTestRedis, type TestRedis } from "./testing.ts";

let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis();
});
afterAll(async () => {
  await redis.cleanup();
});

describe("rate limiter", () => {
  it("allows the limit, then refuses with the seconds left in the window", async () => {
    const limiter = createRateLimiter(redis.client);
    const rule = { limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit("sign-in:a@example.com", rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[2]?.remaining).toBe(0);
    expect(results[3]?.retryAfterSeconds).toBeGreaterThan(55);
    expect(results[3]?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.hit("sign-in:b@example.com", rule)).allowed).toBe(true);
  });

  it("counts concurrent hits exactly (the check and the increment are one step)", async () => {
    const limiter = createRateLimiter(redis.client);
    const rule = { limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 50 }, () => limiter.hit("burst", rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("opens a new window when the old one ends", async () => {
    const limiter = createRateLimiter(redis.client);
    const rule = { limit: 1, windowSeconds: 1 };
    expect((await limiter.hit("short", rule)).allowed).toBe(true);
    expect((await limiter.hit("short", rule)).allowed).toBe(false);
    await expect
      .poll(async () => (await limiter.hit("short", rule)).allowed, {
        timeout: 3_000,
        interval: 300,
      })
      .toBe(true);
  });

  it("works on the embedded stand-in", async () => {
    const memory = await createRedis({ url: undefined, keyPrefix: "m:", logger: silentLogger });
    const limiter = createRateLimiter(memory.client);
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await limiter.hit("k", rule)).allowed).toBe(true);
    expect((await limiter.hit("k", rule)).allowed).toBe(false);
    await memory.close();
  });
});
