import { defineConfig, type ViteUserConfig } from "vitest/config";

type TestOptions = NonNullable<ViteUserConfig["test"]>;

/**
 * Shared vitest settings. Tests talk to real PostgreSQL and Redis, so hooks get room to
 * create a database from the migrated template; each test file owns its resources.
 * The limits are a backstop against a hang, never a pacing device: tests wait on events, and
 * on a loaded 2-core machine (CI runs several suites at once) honest work takes many times
 * longer than on an idle one.
 */
export function testConfig(overrides: TestOptions = {}): ViteUserConfig {
  return defineConfig({
    test: {
      testTimeout: 60_000,
      hookTimeout: 180_000,
      // expect.poll waits on an outcome (a job's end, a closed connection); its 1 s default
      // fails on a busy machine where that outcome honestly takes longer.
      expect: { poll: { timeout: 30_000 } },
      pool: "forks",
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      ...overrides,
    },
  });
}
