import { z } from "zod";

const testEnvSchema = z.object({
  TEST_DATABASE_URL: z.url().default("postgres://postgres@127.0.0.1:5432/postgres"),
  TEST_REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
});

/**
 * Where the test suites find their real servers: an admin connection to PostgreSQL (each test
 * file gets its own database created through it) and a Redis server (each file gets a key prefix).
 */
export function loadTestConfig(): { adminDatabaseUrl: string; redisUrl: string } {
  // eslint-disable-next-line no-restricted-properties -- the config package is the one reader of the environment
  const env = testEnvSchema.parse(process.env);
  return { adminDatabaseUrl: env.TEST_DATABASE_URL, redisUrl: env.TEST_REDIS_URL };
}
