import { execFile } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { bundleDeclarations } from "@tesseract/client/declarations";
import ts from "typescript";
import { describe, expect, inject, it } from "vitest";

/**
 * A breaking change to one procedure's input — `task.update` takes `id` instead of `taskId` —
 * made on an in-memory copy of its schema, must fail the type check of every caller: the web
 * app, the CLI, the SDK's own tests and a project outside the repository using the packed SDK. Each project is checked with its own tsconfig, and
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

const exec = promisify(execFile);
const update = `import { createTesseractClient } from "@tesseract/client";
const tesseract = createTesseractClient({ url: "http://localhost:4000" });
await tesseract.task.update.mutate({ orgId: "o", taskId: "t", title: "Renamed" });
`;

describe("a breaking change to task.update's input, in the packed SDK's declarations", () => {
  it("fails the type check of a project outside the repository", { timeout: 300_000 }, async () => {
    // A copy of the outside project whose SDK can be rebuilt: the SDK copied, the rest linked.
    const outside = inject("outside");
    const copy = mkdtempSync(join(tmpdir(), "tesseract-breaking-"));
    try {
      mkdirSync(join(copy, "node_modules/@tesseract"), { recursive: true });
      for (const entry of readdirSync(join(outside, "node_modules"))) {
        if (entry === "@tesseract") continue;
        symlinkSync(join(outside, "node_modules", entry), join(copy, "node_modules", entry));
      }
      const sdk = join(copy, "node_modules/@tesseract/client");
      cpSync(join(outside, "node_modules/@tesseract/client"), sdk, { recursive: true });
      cpSync(
        fileURLToPath(new URL("fixtures/outside/tsconfig.json", import.meta.url)),
        join(copy, "tsconfig.json"),
      );
      writeFileSync(join(copy, "package.json"), JSON.stringify({ private: true, type: "module" }));
      writeFileSync(join(copy, "update.ts"), update);
      const tsc = () =>
        exec(join(copy, "node_modules/.bin/tsc"), ["-p", "."], { cwd: copy }).then(
          () => "",
          (error: unknown) => (error as { stdout: string }).stdout,
        );

      expect(await tsc()).toBe("");
      await bundleDeclarations({
        workDir: join(copy, "declarations"),
        distDir: join(sdk, "dist"),
        overlay: new Map([[schemaFile, renamed]]),
      });
      expect(await tsc()).toMatch(/update\.ts\(3,.*error TS\d+:.*(taskId|'id')/s);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
