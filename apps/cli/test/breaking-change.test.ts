import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * A breaking change to one procedure's input — `task.update` takes `id` instead of `taskId` —
 * made on an in-memory copy of its schema, must fail the type check of every caller: the web
 * app, the CLI and the SDK's own tests. Each project is checked with its own tsconfig, and
 * only the file that calls the procedure; that those files pass unchanged is what each
 * package's own typecheck task shows. (Type checking the whole router is slow on a busy
 * machine, hence the long time limit.)
 */

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const schemaFile = realpathSync(`${repo}packages/validators/src/product.ts`);
const original = readFileSync(schemaFile, "utf8");
const renamed = original.replace(
  "export const updateTaskInput = orgScoped.extend({\n  taskId,",
  "export const updateTaskInput = orgScoped.extend({\n  id: taskId,",
);

const callers = [
  [
    "web",
    "apps/web/tsconfig.json",
    "apps/web/src/app/(app)/orgs/[orgId]/tasks/[key]/use-update-task.ts",
  ],
  ["CLI", "apps/cli/tsconfig.json", "apps/cli/src/commands/tasks.ts"],
  ["SDK", "packages/client/tsconfig.json", "packages/client/test/client.test.ts"],
] as const;

function errorsIn(tsconfig: string, file: string, schema: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${repo}${tsconfig}`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${tsconfig}`);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (realpathSync(name) === schemaFile ? schema : readFile(name));
  const target = `${repo}${file}`;
  const program = ts.createProgram({ rootNames: [target], options: config.options, host });
  const source = program.getSourceFile(target);
  if (!source) throw new Error(`${file} is not in ${tsconfig}'s program`);
  return program
    .getSemanticDiagnostics(source)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("a breaking change to task.update's input", () => {
  it("is a real change of the schema", () => {
    expect(renamed).not.toBe(original);
  });

  it.each(callers)("fails the type check of the %s", { timeout: 300_000 }, (_, tsconfig, file) => {
    const errors = errorsIn(tsconfig, file, renamed);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(/taskId|'id'/);
  });
});
