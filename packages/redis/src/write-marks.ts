import type { Redis } from "ioredis";

// Raise each key to the position unless it already holds a higher one, and renew its expiry:
// two writes answering out of order must not lower the mark below the later commit.
const RAISE_SCRIPT = `
for i, key in ipairs(KEYS) do
  local held = tonumber(redis.call('GET', key) or '0')
  if tonumber(ARGV[1]) > held then
    redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
  else
    redis.call('PEXPIRE', key, ARGV[2])
  end
end
return 1
`;

/**
 * Where in the primary's write-ahead log a person's or an organization's latest write lies,
 * for read-your-writes over a lagging replica. Losing a mark (Redis restarted empty) only lets
 * a read go to the replica a moment early; nothing else depends on it.
 */
export interface WriteMarks {
  /** Records `position` under every scope (say `user:<id>`, `org:<id>`) for `ttlMs`. */
  raise(scopes: readonly string[], position: number, ttlMs: number): Promise<void>;
  /** The highest position recorded under any of the scopes; 0 when none. */
  highest(scopes: readonly string[]): Promise<number>;
}

export function createWriteMarks(redis: Redis): WriteMarks {
  redis.defineCommand("tesseractRaiseWriteMark", { lua: RAISE_SCRIPT });
  const raise = (
    redis as unknown as {
      tesseractRaiseWriteMark(numberOfKeys: number, ...args: (string | number)[]): Promise<number>;
    }
  ).tesseractRaiseWriteMark.bind(redis);
  const key = (scope: string) => `writemark:${scope}`;
  return {
    async raise(scopes, position, ttlMs) {
      if (scopes.length === 0) return;
      await raise(scopes.length, ...scopes.map(key), position, ttlMs);
    },
    async highest(scopes) {
      if (scopes.length === 0) return 0;
      const values = await redis.mget(...scopes.map(key));
      return Math.max(0, ...values.map((value) => Number(value ?? 0) || 0));
    },
  };
}
