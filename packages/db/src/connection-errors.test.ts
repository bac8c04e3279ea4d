import { createServer, type Server, type Socket } from "node:net";
import { loadTestConfig, silentLogger } from "@tesseract/config";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isConnectionError } from "./connection-errors.ts";
import { createDatabase } from "./database.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

/** The error a promise rejects with (fails the test when it resolves). */
async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

/** A loopback TCP server that does `onSocket` to each connection; resolves with its URL. */
async function fakeServer(
  onSocket: (socket: Socket) => void,
): Promise<{ url: string; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    onSocket(socket);
  });
  server.on("close", () => {
    for (const socket of sockets) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { url: `postgres://postgres@127.0.0.1:${address.port}/postgres`, server };
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("isConnectionError, on what the driver really raises", () => {
  it("recognises a refused connection (nothing listens on the port)", async () => {
    const { url, server } = await fakeServer(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    const handle = await createDatabase({ url, logger: silentLogger });
    const error = await errorOf(handle.ping());
    await handle.close();
    expect(isConnectionError(error)).toBe(true);
  });

  it("recognises a connection the server cuts (connection terminated unexpectedly)", async () => {
    const { url, server } = await fakeServer((socket) => socket.destroy());
    const handle = await createDatabase({ url, logger: silentLogger });
    const error = await errorOf(handle.ping());
    await handle.close();
    server.close();
    expect(isConnectionError(error)).toBe(true);
  });

  it("recognises the pool's connection timeout (a server that never answers)", async () => {
    const { url, server } = await fakeServer(() => undefined);
    const handle = await createDatabase({ url, logger: silentLogger, connectTimeoutMs: 200 });
    const error = await errorOf(handle.ping());
    await handle.close();
    server.close();
    expect(isConnectionError(error)).toBe(true);
  });

  it("recognises an administrator ending the session (57P01)", async () => {
    const client = new pg.Client({ connectionString: database.url });
    client.on("error", () => undefined);
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
    const admin = new pg.Client({ connectionString: loadTestConfig().adminDatabaseUrl });
    await admin.connect();
    await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
    await admin.end();
    const error = await errorOf(client.query("select 1"));
    await client.end().catch(() => undefined);
    expect(isConnectionError(error)).toBe(true);
  });

  it("survives a connection lost between two queries of a transaction", async () => {
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (_: object, msg: string) => void warnings.push(msg) };
    const handle = await createDatabase({ url: database.url, logger });
    const admin = new pg.Client({ connectionString: loadTestConfig().adminDatabaseUrl });
    await admin.connect();
    const error = await errorOf(
      handle.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
        // No query is running: the loss reaches the client as an "error" event, which would
        // end the process if nothing listened.
        await expect
          .poll(() => warnings)
          .toContain("postgres client lost its connection while in use");
        await sql`select 1`.execute(trx);
      }),
    );
    await admin.end();
    expect(isConnectionError(error)).toBe(true);
    // The pool replaced the lost client.
    expect(await handle.ping()).toBeTruthy();
    await handle.close();
  });

  it("does not take a query's own failure for an outage", async () => {
    const syntax = await errorOf(sql`selec 1`.execute(database.db));
    const division = await errorOf(sql`select 1 / 0`.execute(database.db));
    expect((syntax as { code?: string }).code).toBe("42601");
    expect(isConnectionError(syntax)).toBe(false);
    expect(isConnectionError(division)).toBe(false);
    expect(isConnectionError(new Error("boom"))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
    expect(isConnectionError("ECONNREFUSED")).toBe(false);
  });

  it("looks through causes and aggregate errors, without looping on cycles", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    expect(isConnectionError(new Error("wrapped", { cause: refused }))).toBe(true);
    expect(isConnectionError(new AggregateError([new Error("x"), refused]))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("starting up"), { code: "57P03" }))).toBe(
      true,
    );
    expect(isConnectionError(Object.assign(new Error("gone"), { code: "08006" }))).toBe(true);
    const cyclic: { cause?: unknown } = new Error("cycle");
    cyclic.cause = cyclic;
    expect(isConnectionError(cyclic)).toBe(false);
  });
});
