import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Web's unit tests are pure functions and server-rendered components (no database), so the
// shared DB-oriented settings don't apply. tsconfig keeps JSX for Next ("preserve"); the tests
// compile it with React's automatic runtime instead.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  // tsconfig's `~/*` path, for modules under test that import through it.
  resolve: { alias: { "~": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: { include: ["src/**/*.test.ts", "scripts/**/*.test.ts"] },
});
