import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workspaceRoot } from "./paths.ts";
import { envSchema } from "./schema.ts";
import { OTHER_VARIABLES } from "./variables.ts";

describe(".env.example", () => {
  const lines = readFileSync(join(workspaceRoot, ".env.example"), "utf8").split("\n");
  const documented = lines.filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l)).map((l) => l.split("=")[0]);

  it("lists every variable Tesseract reads, once", () => {
    const expected = [...Object.keys(envSchema.shape), ...OTHER_VARIABLES].sort();
    expect([...documented].sort()).toEqual(expected);
  });

  it("explains each variable in the comment line above it", () => {
    lines.forEach((line, index) => {
      if (/^[A-Z][A-Z0-9_]*=/.test(line)) expect(lines[index - 1], line).toMatch(/^# \S/);
    });
  });
});
