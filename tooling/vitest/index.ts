import { defineConfig, type ViteUserConfig } from "vitest/config";

type TestOptions = NonNullable<ViteUserConfig["test"]>;

/**
 * Shared vitest settings. Tests talk to real PostgreSQL and Redis, so hooks get room to
 * create a database from the migrated template; each test file owns its resources.
 */
export function testConfig(overrides: TestOptions = {}): ViteUserConfig {
  return defineConfig({
    test: {
      testTimeout: 20_000,
      hookTimeout: 60_000,
      pool: "forks",
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      ...overrides,
    },
  });
}
