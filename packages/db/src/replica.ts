import type { Logger } from "@tesseract/config";
import { sql, type Kysely } from "kysely";
import { createDatabase, type DatabaseHandle } from "./database.ts";
import type { Database } from "./schema.generated.ts";

/**
 * A position in PostgreSQL's write-ahead log ("16/B374D848") as one integer, so positions
 * compare and travel (a Redis value, a log field) as plain numbers. Exact below 2^53 bytes of
 * WAL, some nine petabytes.
 */
export function lsnToNumber(lsn: string): number {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (!match) throw new Error(`not a WAL position: ${lsn}`);
  return Number.parseInt(match[1] ?? "0", 16) * 2 ** 32 + Number.parseInt(match[2] ?? "0", 16);
}

/**
 * The primary's current WAL insert position: every commit so far lies at or below it. (Not
 * `pg_current_wal_lsn()`, the write position: with asynchronous commit a commit's record can
 * still be beyond it.)
 */
export async function currentWalPosition(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{
    lsn: string;
  }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(db);
  return lsnToNumber(rows[0]?.lsn ?? "0/0");
}

export interface ReadReplica {
  handle: DatabaseHandle;
  db: Kysely<Database>;
  /**
   * Whether the replica answers and has replayed the primary's WAL up to `position` (0: any).
   * Judged from a replay position read at most `freshMs` ago, read again when that one is too
   * old or too low; false while the replica is unreachable (for `RETRY_DOWN_MS` after a failure).
   */
  hasReplayed(position: number): Promise<boolean>;
}

export interface ReadReplicaOptions {
  url: string;
  poolMax?: number;
  connectTimeoutMs?: number;
  logger: Logger;
  /** How long a replay position read from the replica is trusted for "any" reads. */
  freshMs?: number;
  now?: () => number;
}

const RETRY_DOWN_MS = 5_000;

/**
 * A streaming replica (a hot standby) for reads that may lag. Its replay position comes from
 * `pg_last_wal_replay_lsn()`; a server that is not in recovery (promoted, or the primary itself)
 * has none and counts as up to date.
 */
export async function createReadReplica(options: ReadReplicaOptions): Promise<ReadReplica> {
  const handle = await createDatabase({
    url: options.url,
    poolMax: options.poolMax,
    connectTimeoutMs: options.connectTimeoutMs,
    logger: options.logger,
  });
  const now = options.now ?? Date.now;
  const freshMs = options.freshMs ?? 100;
  let known: { position: number; at: number } | undefined;
  let downUntil = 0;
  let reading: Promise<number | undefined> | undefined;

  const readPosition = () =>
    (reading ??= sql<{ lsn: string | null; recovering: boolean }>`
      select pg_last_wal_replay_lsn()::text as lsn, pg_is_in_recovery() as recovering`
      .execute(handle.db)
      .then(
        ({ rows }) => {
          const row = rows[0];
          const position =
            row?.recovering && row.lsn ? lsnToNumber(row.lsn) : Number.MAX_SAFE_INTEGER;
          known = { position, at: now() };
          return position;
        },
        (error: unknown) => {
          downUntil = now() + RETRY_DOWN_MS;
          known = undefined;
          options.logger.warn({ err: error }, "read replica unreachable; reading from the primary");
          return undefined;
        },
      )
      .finally(() => {
        reading = undefined;
      }));

  return {
    handle,
    db: handle.db,
    async hasReplayed(position) {
      if (now() < downUntil) return false;
      if (known && now() - known.at <= freshMs && known.position >= position) return true;
      const replayed = await readPosition();
      return replayed !== undefined && replayed >= position;
    },
  };
}
