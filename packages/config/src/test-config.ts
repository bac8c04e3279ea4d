import { z } from "zod";

const testEnvSchema = z.object({
  TEST_DATABASE_URL: z.url().default("postgres://postgres@127.0.0.1:5432/postgres"),
  TEST_REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  FUZZ_RUNS: z.coerce.number().int().positive().max(100_000).default(12),
  FUZZ_SEED: z.coerce.number().int().optional(),
});

export interface TestConfig {
  adminDatabaseUrl: string;
  redisUrl: string;
  /** Generated inputs per procedure and caller in the API fuzz suite (FUZZ_RUNS). */
  fuzzRuns: number;
  /** Replays one fuzz run (FUZZ_SEED, printed when the suite fails); random when unset. */
  fuzzSeed: number | undefined;
}

/**
 * Where the test suites find their real servers: an admin connection to PostgreSQL (each test
 * file gets its own database created through it) and a Redis server (each file gets a key
 * prefix); and how long the fuzz suite runs.
 */
export function loadTestConfig(): TestConfig {
  // Blank values count as unset, as in the server's configuration.
  const env = testEnvSchema.parse(
    Object.fromEntries(
      // eslint-disable-next-line no-restricted-properties -- the config package is the one reader of the environment
      Object.entries(process.env).filter(([, value]) => value !== undefined && value.trim() !== ""),
    ),
  );
  return {
    adminDatabaseUrl: env.TEST_DATABASE_URL,
    redisUrl: env.TEST_REDIS_URL,
    fuzzRuns: env.FUZZ_RUNS,
    fuzzSeed: env.FUZZ_SEED,
  };
}
