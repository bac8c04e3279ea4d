import type { Redis } from "ioredis";

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets; 0 while allowed. */
  retryAfterSeconds: number;
}

// INCR and the expiry in one script, so concurrent hits can never skip setting the window.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export interface RateLimiter {
  /** Counts one hit against `key`. Rejects when Redis is unreachable: callers choose open or closed. */
  hit(key: string, rule: RateLimitRule): Promise<RateLimitResult>;
  reset(key: string): Promise<void>;
}

/** A fixed-window limiter, atomic in Redis, shared by every server instance. */
export function createRateLimiter(redis: Redis): RateLimiter {
  redis.defineCommand("tesseractRateHit", { numberOfKeys: 1, lua: HIT_SCRIPT });
  const run = (
    redis as unknown as {
      tesseractRateHit(key: string, windowMs: number): Promise<[number, number]>;
    }
  ).tesseractRateHit.bind(redis);
  return {
    async hit(key, rule) {
      const [count, ttlMs] = await run(`ratelimit:${key}`, rule.windowSeconds * 1000);
      const allowed = count <= rule.limit;
      return {
        allowed,
        remaining: Math.max(0, rule.limit - count),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(ttlMs / 1000)),
      };
    },
    async reset(key) {
      await redis.del(`ratelimit:${key}`);
    },
  };
}
