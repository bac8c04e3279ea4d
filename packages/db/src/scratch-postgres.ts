import { execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@tesseract/config";

/**
 * A PostgreSQL server of its own for a test that stops and restarts it (outages, recovery):
 * initdb in a temporary folder, listening on a free loopback port. As root (CI), the server
 * runs as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export interface ScratchPostgres {
  /** An admin URL (user postgres, trust) to the `postgres` database. */
  url: string;
  port: number;
  /** Starts the server and resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it in "fast" mode: open connections are ended with 57P01 (admin shutdown). */
  stop(): Promise<void>;
  /** Stops it if running and deletes its folder. */
  destroy(): Promise<void>;
}

export async function startScratchPostgres(): Promise<ScratchPostgres> {
  const setup = await prepare("tesseract-pg-", ["pg_ctl", "initdb"]);
  const initdb = ["-D", setup.dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"];
  await setup.run("initdb", initdb);
  const server = serverOn(setup);
  await server.start();
  return server;
}

/**
 * A streaming replica (hot standby) of a scratch server: `pg_basebackup -R` copies the primary
 * and writes its `primary_conninfo`, then the copy starts in recovery on a port of its own and
 * replays the primary's WAL as it comes. initdb's trust rules already admit replication
 * connections from 127.0.0.1.
 */
export async function startScratchReplica(primary: ScratchPostgres): Promise<ScratchPostgres> {
  const setup = await prepare("tesseract-pg-replica-", ["pg_ctl", "pg_basebackup"]);
  const source = ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres"];
  const copy = ["-D", setup.dataDir, "-R", "-X", "stream", "--no-sync"];
  await setup.run("pg_basebackup", [...source, ...copy]);
  const server = serverOn(setup);
  await server.start();
  return server;
}

interface Setup {
  dir: string;
  dataDir: string;
  port: number;
  run: (program: string, args: string[]) => Promise<void>;
}

/** A folder (owned by `postgres` when we are root), a free port, and a runner for `programs`. */
async function prepare(prefix: string, programs: string[]): Promise<Setup> {
  const bin = postgresBinDir(programs);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (program: string, args: string[]) =>
    runAs(join(bin, program), args, owner, `${program} ${args.join(" ")}`);
  return { dir, dataDir: join(dir, "data"), port: await freePort(), run };
}

function serverOn(opts: Setup): ScratchPostgres {
  const { dir, dataDir, port, run } = opts;
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  let running = false;
  const server: ScratchPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      // -w waits until the server accepts connections; -t bounds that wait generously.
      await run("pg_ctl", [
        "-D",
        dataDir,
        "-o",
        options,
        "-l",
        join(dir, "log"),
        "-w",
        "-t",
        "120",
        "start",
      ]);
      running = true;
    },
    async stop() {
      await run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "120", "stop"]);
      running = false;
    },
    async destroy() {
      if (running) await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** The first folder holding every one of `programs` (server binaries are not always on PATH). */
function postgresBinDir(programs: string[]): string {
  const versions = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [
    "/usr/local/bin",
    "/usr/bin",
    ...versions.map((version) => `/usr/lib/postgresql/${version}/bin`),
  ];
  const found = candidates.find((dir) => programs.every((p) => existsSync(join(dir, p))));
  if (!found)
    throw new Error(`PostgreSQL's ${programs.join(", ")} were not found (install postgresql)`);
  return found;
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

function runAs(
  program: string,
  args: string[],
  owner: { uid: number; gid: number } | undefined,
  label: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      ...owner,
      // pg_ctl hands its output to the server's log file; keep our own pipes for errors only.
      stdio: ["ignore", "ignore", "pipe"],
      env: { PATH: "/usr/local/bin:/usr/bin:/bin", LC_ALL: "C", HOME: tmpdir() },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${code}): ${stderr}`));
    });
  });
}
