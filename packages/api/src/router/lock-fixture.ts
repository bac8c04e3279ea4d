import { sql, type Database, type Transaction } from "@tesseract/db";
import { afterEach, expect } from "vitest";
import { services } from "./router-fixture.ts";

// Races between transactions, made deterministic: one side holds its locks in a transaction
// left open, the other starts meanwhile, and the test waits on PostgreSQL's own record of who
// waits for whom (pg_stat_activity, pg_blocking_pids), never on a timer.

/** Runs `work` in a transaction left open until `commit()`. */
export async function underway<T>(work: (trx: Transaction<Database>) => Promise<T>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let began!: (value: T) => void;
  const done = new Promise<T>((resolve) => (began = resolve));
  const committed = services.db.transaction().execute(async (trx) => {
    began(await work(trx));
    await released;
  });
  // Should the work fail, the transaction rolls back and `committed` carries its error.
  const failed = committed.then(() => new Promise<never>(() => {}));
  return { result: await Promise.race([done, failed]), commit: () => (release(), committed) };
}

/** Statements of this database waiting for a lock (a row's, here). */
async function lockWaits(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`.execute(services.db);
  return rows[0]!.n;
}

/** Whether `call` ended or waits on a lock, whichever comes first. */
export async function blockedOrDone(call: Promise<unknown>): Promise<"blocked" | "done"> {
  let done = false;
  const ended = () => void (done = true);
  call.then(ended, ended);
  await expect
    .poll(async () => done || (await lockWaits()) > 0, { timeout: 10_000, interval: 5 })
    .toBe(true);
  return done ? "done" : "blocked";
}

const held = new Map<number, Awaited<ReturnType<typeof heldTransaction>>["trx"]>();

// A test that failed half-way leaves its transactions open, maybe waiting for a lock: end
// their server processes, or the next test (and closing the pool) would wait for them.
afterEach(async () => {
  for (const [pid, trx] of held)
    if (!trx.isCommitted && !trx.isRolledBack) {
      await sql`select pg_terminate_backend(${pid})`.execute(services.db);
      // Fails on the ended connection, and so gives it back to the pool.
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
    }
  held.clear();
});

/** A transaction the test drives statement by statement, and its server process. */
export async function heldTransaction() {
  const trx = await services.db.startTransaction().execute();
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  const pid = rows[0]!.pid;
  held.set(pid, trx);
  return { trx, pid };
}

/** Waits until process `pid` waits for a lock. */
export async function untilWaiting(pid: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const { rows } = await sql<{ waits: boolean }>`select
          cardinality(pg_blocking_pids(${pid})) > 0 as waits`.execute(services.db);
        return rows[0]!.waits;
      },
      { timeout: 15_000, interval: 5 },
    )
    .toBe(true);
}

/** The server processes waiting for a lock that process `pid` holds (or waits for first). */
export async function waitingOn(pid: number): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
    where ${pid} = any(pg_blocking_pids(pid))`.execute(services.db);
  return rows.map((row) => row.pid);
}

/**
 * Waits until `count` processes wait on `pid`'s locks, and answers them; or until `call` ends
 * first (it did not wait), and answers undefined.
 */
export async function waitersOrDone(
  pid: number,
  count: number,
  call: Promise<unknown>,
): Promise<number[] | undefined> {
  let done = false;
  const ended = () => void (done = true);
  call.then(ended, ended);
  let waiters: number[] = [];
  await expect
    .poll(async () => done || (waiters = await waitingOn(pid)).length >= count, {
      timeout: 15_000,
      interval: 5,
    })
    .toBe(true);
  return done ? undefined : waiters;
}
