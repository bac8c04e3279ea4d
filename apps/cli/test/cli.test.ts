import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startLiveServer, type LiveServer } from "./server.ts";

const exec = promisify(execFile);
const bin = inject("cliBin");

let server: LiveServer;
let home: string;
beforeAll(async () => {
  server = await startLiveServer();
  home = mkdtempSync(join(tmpdir(), "tesseract-cli-"));
});
afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed `tesseract` with its config under a temporary XDG_CONFIG_HOME. */
async function tesseract(args: string[], env: Record<string, string> = {}): Promise<Run> {
  // eslint-disable-next-line no-restricted-properties -- the child process needs the parent's PATH
  const { PATH = "" } = process.env;
  const options = {
    cwd: home,
    env: { PATH, HOME: home, XDG_CONFIG_HOME: join(home, "config"), ...env },
  };
  return exec(bin, args, options).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: unknown) => error as Run,
  );
}

/** A command that must succeed with --json, parsed. */
async function json<T = Record<string, unknown>>(args: string[]): Promise<T> {
  const run = await tesseract([...args, "--json"], { TESSERACT_URL: server.url });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe("tesseract, installed from its tarball with npm i -g", () => {
  it("logs in: the token is checked and kept in a file only its owner can read", async () => {
    const run = await tesseract(["login", "--token", server.token], { TESSERACT_URL: server.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("as Ada Lovelace");
    const file = join(home, "config/tesseract/login.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      url: server.url,
      token: server.token,
    });
  });

  it("answers whoami, orgs and projects from the stored login", async () => {
    const me = await json<{ user: { name: string }; via: string }>(["whoami"]);
    expect(me).toMatchObject({ user: { name: "Ada Lovelace" }, via: "token" });
    expect(await json(["orgs"])).toMatchObject([{ name: "Acme" }]);
    expect(await json(["projects"])).toMatchObject([{ key: "ENG", name: "Engineering" }]);
  });

  it("creates, lists, shows, updates, moves and finds tasks, and comments", async () => {
    expect(await json(["labels", "create", "cli", "--colour", "teal"])).toMatchObject({
      name: "cli",
      colour: "teal",
    });
    const created = await json([
      "tasks",
      "create",
      "--project",
      "ENG",
      "--title",
      "Ship the CLI",
      "--priority",
      "high",
      "--label",
      "cli",
    ]);
    expect(created).toMatchObject({
      key: "ENG-1",
      priority: "high",
      labels: [{ name: "cli", colour: "teal" }],
    });
    expect(await json(["labels", "update", "CLI", "--name", "command line"])).toMatchObject({
      name: "command line",
    });
    expect(await json(["labels"])).toMatchObject([{ name: "command line", taskCount: 1 }]);
    const list = await json<{ items: { key: string }[] }>(["tasks", "list", "--project", "eng"]);
    expect(list.items.map((t) => t.key)).toEqual(["ENG-1"]);
    expect(
      await json(["tasks", "update", "ENG-1", "--status", "todo", "--due", "2026-12-31"]),
    ).toMatchObject({ status: "todo", dueDate: "2026-12-31" });
    expect(await json(["tasks", "move", "ENG-1", "--status", "done"])).toMatchObject({
      status: "done",
    });
    expect(await json(["tasks", "show", "ENG-1"])).toMatchObject({
      title: "Ship the CLI",
      status: "done",
    });
    expect(await json(["tasks", "search", "ship"])).toMatchObject([{ key: "ENG-1" }]);
    expect(await json(["comment", "ENG-1", "Looks good"])).toMatchObject({ body: "Looks good" });
  });

  it("lists a project's statuses and takes a status by its name, case aside", async () => {
    await server.addStatus("In Review", "started");
    const statuses = await json<{ name: string; category: string }[]>(["statuses", "eng"]);
    expect(statuses.map((s) => [s.name, s.category])).toEqual([
      ["Backlog", "backlog"],
      ["Todo", "unstarted"],
      ["In Progress", "started"],
      ["In Review", "started"],
      ["Done", "completed"],
      ["Canceled", "canceled"],
    ]);
    const listed = await tesseract(["statuses", "ENG"], { TESSERACT_URL: server.url });
    expect(listed.stdout).toMatch(/In Review\s+in_progress\s+0/);

    const created = await json([
      "tasks",
      "create",
      "--project",
      "ENG",
      "--title",
      "Check the docs",
      "--status",
      "in review",
    ]);
    expect(created).toMatchObject({ key: "ENG-2", statusName: "In Review", status: "in_progress" });
    expect(await json(["tasks", "update", "ENG-2", "--status", "TODO"])).toMatchObject({
      statusName: "Todo",
      status: "todo",
    });
    expect(await json(["tasks", "move", "ENG-2", "--status", "In Review"])).toMatchObject({
      statusName: "In Review",
    });
    // A category still works: the task keeps its status when already in that category.
    expect(await json(["tasks", "update", "ENG-2", "--status", "in_progress"])).toMatchObject({
      statusName: "In Review",
    });
    const inReview = await json<{ items: { key: string }[] }>([
      "tasks",
      "list",
      "--project",
      "ENG",
      "--status",
      "In review",
    ]);
    expect(inReview.items.map((t) => t.key)).toEqual(["ENG-2"]);
    const started = await json<{ items: { key: string }[] }>([
      "tasks",
      "list",
      "--status",
      "in_progress,done",
    ]);
    expect(started.items.map((t) => t.key)).toEqual(["ENG-2", "ENG-1"]);

    const unknown = await tesseract(["tasks", "move", "ENG-2", "--status", "Shipped"], {
      TESSERACT_URL: server.url,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No status "Shipped" in ENG: run `tesseract statuses ENG`');
    const acrossProjects = await tesseract(["tasks", "list", "--status", "In Review"], {
      TESSERACT_URL: server.url,
    });
    expect(acrossProjects.code).toBe(1);
    expect(acrossProjects.stderr).toContain("add --project");
    expect((await json(["tasks", "show", "ENG-2"])).statusName).toBe("In Review");
  });

  it("attaches a file and exports a project to a file", async () => {
    writeFileSync(join(home, "notes.txt"), "release notes\n");
    expect(await json(["attach", "ENG-1", "notes.txt"])).toMatchObject({
      status: "ready",
      fileName: "notes.txt",
    });
    const exported = await json<{ status: string; file: string }>([
      "export",
      "ENG",
      "--output",
      "eng.csv",
    ]);
    expect(exported.status).toBe("ready");
    expect(readFileSync(join(home, "eng.csv"), "utf8")).toContain("Ship the CLI");
  });

  it("watch prints a project's events as they happen, until interrupted", async () => {
    // eslint-disable-next-line no-restricted-properties -- the child process needs the parent's PATH
    const { PATH = "" } = process.env;
    const child = spawn(bin, ["watch", "ENG"], {
      cwd: home,
      env: { PATH, HOME: home, XDG_CONFIG_HOME: join(home, "config"), TESSERACT_URL: server.url },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stderr.includes("Watching ENG")) resolve();
      };
      child.stderr.on("data", check);
      void exited.then(() => {
        reject(new Error(`watch exited early: ${stderr}`));
      });
    });
    // "Watching" is printed as the stream opens; a task created before the server holds the
    // subscription is not replayed, so another is created on each poll until one is printed.
    const keys: string[] = [];
    const printed = () => keys.some((key) => stdout.includes(`task.created ${key} "Seen live"`));
    await expect
      .poll(
        async () => {
          if (!printed()) keys.push((await server.createTask("Seen live")).key);
          return printed();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    expect(stdout).toMatch(/task\.created ENG-\d+ "Seen live" \[backlog\] \(Ada Lovelace\)/);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("prints shell completion for bash that bash accepts", async () => {
    const run = await tesseract(["completion", "bash"]);
    expect(run.stdout).toContain("complete -o default -F _tesseract tesseract");
    writeFileSync(join(home, "completion.bash"), run.stdout);
    await exec("bash", ["-n", join(home, "completion.bash")]);
  });

  it("refuses a wrong token and a missing organization with a clear message and exit code 1", async () => {
    const wrong = await tesseract(["whoami"], {
      TESSERACT_URL: server.url,
      TESSERACT_TOKEN: "tsr_wrong",
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("The server refused the token: run `tesseract login`");
    const missing = await tesseract(["projects", "--org", "nowhere"], {
      TESSERACT_URL: server.url,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No organization "nowhere" is open to this token');
    const json = await tesseract(["projects", "--org", "nowhere", "--json"], {
      TESSERACT_URL: server.url,
    });
    expect(JSON.parse(json.stderr)).toEqual({
      error: expect.stringContaining("nowhere") as string,
    });
  });
});
