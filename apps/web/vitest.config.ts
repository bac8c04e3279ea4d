import { defineConfig } from "vitest/config";

// Web's unit tests are pure functions (no database), so the shared DB-oriented settings don't apply.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"] },
});
