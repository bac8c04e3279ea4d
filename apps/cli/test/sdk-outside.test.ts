import { execFile } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startLiveServer, type LiveServer } from "./server.ts";

const exec = promisify(execFile);
const outside = inject("outside");
const fixtures = new URL("fixtures/outside/", import.meta.url).pathname;

let server: LiveServer;
beforeAll(async () => {
  cpSync(fixtures, outside, { recursive: true });
  server = await startLiveServer();
});
afterAll(async () => {
  await server.close();
  rmSync(join(outside, "invalid.ts"), { force: true });
});

const tsc = () =>
  exec(join(outside, "node_modules/.bin/tsc"), ["-p", "."], { cwd: outside }).then(
    () => ({ code: 0, out: "" }),
    (error: unknown) => {
      const { code, stdout } = error as { code: number; stdout: string };
      return { code, out: stdout };
    },
  );

describe("the packed SDK, installed with npm in a project outside the repository", () => {
  it("type-checks valid calls and refuses invalid ones", async () => {
    const { code, out } = await tsc();
    expect(code).not.toBe(0);
    const lines = out.split("\n").filter((l) => l.includes("error TS"));
    // Every error is in invalid.ts, one per wrong call; the script and the SDK's types are clean.
    expect(lines.every((l) => l.startsWith("invalid.ts("))).toBe(true);
    expect(lines.map((l) => /^invalid\.ts\((\d+),/.exec(l)?.[1])).toEqual(["5", "7", "8", "9"]);
  });

  it("calls a running server with a token: a create, a list, an upload and a subscription", async () => {
    const { stdout } = await exec(
      "node",
      ["script.ts", server.url, server.token, server.orgId, server.projectId],
      { cwd: outside },
    );
    expect(JSON.parse(stdout)).toEqual({
      live: "task.created",
      key: "ENG-1",
      createdIsDate: true,
      listed: ["ENG-1"],
      attachment: { status: "ready", fileName: "hello.txt" },
    });
  });
});
