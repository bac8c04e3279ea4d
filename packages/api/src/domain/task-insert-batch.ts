import { AsyncLocalStorage } from "node:async_hooks";
import type { Database, Kysely } from "@tesseract/db";
import { AppError } from "../errors.ts";
import { rerunOnConflict } from "../transact.ts";
import { insertTask, insertTasks, type InsertedTask, type TaskInsert } from "./task-insert.ts";

// Every create in a project queues on its row lock, which its transaction holds until its
// commit has reached the disk. Plain creates from this process therefore go one statement at
// a time per project: while one is at work, the ones that arrive wait here and then go
// together in one statement (create_tasks) — one lock, one commit and one WAL flush for all of
// them, each answered only once that commit is durable. Numbers and positions follow the
// queue's order, as they would have followed the lock's.

/** At most this many creates in one statement (each is a subtransaction in it). */
const MAX_BATCH = 32;

interface Pending {
  task: TaskInsert;
  resolve(row: InsertedTask): void;
  reject(error: unknown): void;
  /**
   * Runs `work` in the async context of the request that queued this create (its trace and
   * log fields): a batch drains after the request that started the queue, and its statement
   * belongs to the batch's first create, not to that earlier request.
   */
  inContext: <R>(work: () => R) => R;
}

/** Per database handle, the creates waiting for each project (present: a statement is at work). */
const queues = new WeakMap<Kysely<Database>, Map<string, Pending[]>>();

/**
 * insertTask for a create outside any transaction, sharing its statement (and commit) with
 * others in the same project when they arrive while one is under way.
 */
export function insertTaskQueued(db: Kysely<Database>, task: TaskInsert): Promise<InsertedTask> {
  let projects = queues.get(db);
  if (!projects) queues.set(db, (projects = new Map<string, Pending[]>()));
  const key = `${task.orgId}/${task.projectId}`;
  return new Promise((resolve, reject) => {
    const pending = { task, resolve, reject, inContext: AsyncLocalStorage.snapshot() };
    const waiting = projects.get(key);
    if (waiting) {
      waiting.push(pending);
      return;
    }
    projects.set(key, []);
    void drain(db, projects, key, [pending]);
  });
}

async function drain(
  db: Kysely<Database>,
  projects: Map<string, Pending[]>,
  key: string,
  first: Pending[],
): Promise<void> {
  let batch = first;
  while (batch.length > 0) {
    await insertBatch(db, batch);
    batch = projects.get(key)!.splice(0, MAX_BATCH);
  }
  projects.delete(key);
}

/** Settles each pending create; never throws. */
function insertBatch(db: Kysely<Database>, batch: Pending[]): Promise<void> {
  if (batch.length === 1) return insertAlone(db, batch[0]!);
  return batch[0]!.inContext(() => insertTogether(db, batch));
}

async function insertTogether(db: Kysely<Database>, batch: Pending[]): Promise<void> {
  let results: Awaited<ReturnType<typeof insertTasks>>;
  try {
    const tasks = batch.map(({ task }) => task);
    results = await rerunOnConflict(() => insertTasks(db, tasks));
  } catch (error) {
    // A statement that failed wrote nothing (one that a deadlock rolled back went again above).
    // When one of its creates was at fault (its data, a reference: SQLSTATE classes 22 and
    // 23), each goes again on its own, so only that one fails. Anything else (a timeout, the
    // connection lost) is every create's answer: retried one by one it would only take longer.
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && (code.startsWith("22") || code.startsWith("23")))
      for (const pending of batch) await insertAlone(db, pending);
    else for (const pending of batch) pending.reject(error);
    return;
  }
  batch.forEach((pending, n) => {
    const result = results[n]!;
    if (result instanceof AppError) pending.reject(result);
    else pending.resolve(result);
  });
}

function insertAlone(db: Kysely<Database>, pending: Pending): Promise<void> {
  return pending.inContext(async () => {
    try {
      pending.resolve(await rerunOnConflict(() => insertTask(db, pending.task)));
    } catch (error) {
      pending.reject(error);
    }
  });
}
