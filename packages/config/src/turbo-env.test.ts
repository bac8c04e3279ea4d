import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workspaceRoot } from "./paths.ts";
import { envSchema } from "./schema.ts";
import { OTHER_VARIABLES } from "./variables.ts";

// Turborepo's strict env mode hands a task only the variables turbo.json lists: anything else
// set in the shell is silently dropped. These checks keep the list in step with the schema.
const readJson = (file: string) =>
  JSON.parse(readFileSync(join(workspaceRoot, file), "utf8")) as unknown;
const turbo = readJson("turbo.json") as { globalPassThroughEnv: string[] };
const rootPackage = readJson("package.json") as { scripts: Record<string, string> };

const matches = (name: string, pattern: string) =>
  pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;

describe("turbo.json", () => {
  it("passes every variable Tesseract reads through to tasks", () => {
    const variables = [...Object.keys(envSchema.shape), ...OTHER_VARIABLES];
    const dropped = variables.filter(
      (name) => !turbo.globalPassThroughEnv.some((pattern) => matches(name, pattern)),
    );
    expect(dropped).toEqual([]);
  });

  it("runs pnpm dev and pnpm start with the whole environment", () => {
    expect(rootPackage.scripts.dev).toContain("--env-mode=loose");
    expect(rootPackage.scripts.start).toContain("--env-mode=loose");
  });
});
