import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { loadEmbeddedModule, type Logger } from "@tesseract/config";
import { Kysely, PGliteDialect, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { copyPgliteTemplate } from "./pglite-template.ts";
import type { Database } from "./schema.generated.ts";

export type DatabaseKind = "postgres" | "pglite";

export interface DatabaseOptions {
  /** A postgres:// URL; without one, an embedded PGlite database under `dataDir`. */
  url: string | undefined;
  poolMax?: number;
  /**
   * How long a request waits for a connection (a new one, or a free one from a full pool)
   * before failing; bounded so that an outage answers fast instead of hanging requests.
   */
  connectTimeoutMs?: number;
  /** Folder for the embedded database (created when missing). Omit for an in-memory PGlite. */
  dataDir?: string;
  /** Data directory a new embedded one is copied from; defaults to the built one, false for none. */
  pgliteTemplate?: string | false;
  logger: Logger;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Round-trips a trivial query; resolves with the server version. */
  ping(): Promise<string>;
  /** The pg pool's connections (for metrics); undefined for PGlite's single connection. */
  poolStats: (() => PoolStats) | undefined;
  close(): Promise<void>;
}

export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

const INT8_OID = 20;
// int8 (bigint, count(*)) arrives as a string by default; every id and count we keep fits a
// double, and both drivers must agree, so both parse it as a number.
const parseInt8 = (value: string): number => Number(value);

/** The one place that opens database connections. */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? createPostgres(options.url, options) : createPglite(options);
}

const DATE_OID = 1082;
// A calendar date is not an instant: keep it as "YYYY-MM-DD" instead of a Date at local midnight.
const parseDate = (value: string): string => value;

const typeOverrides = new pg.TypeOverrides();
typeOverrides.setTypeParser(INT8_OID, parseInt8);
typeOverrides.setTypeParser(DATE_OID, parseDate);

function createPostgres(url: string, options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
    application_name: "tesseract",
    types: typeOverrides,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => {
    options.logger.warn({ err: error }, "postgres idle client error");
  });
  // Nor may a checked-out one between two queries (a transaction waiting on SQS, say): pg emits
  // that on the client alone, and an unheard "error" event ends the process. Its next query
  // fails with a connection error, and the pool drops it when released.
  pool.on("connect", (client) => {
    client.on("error", (error) => {
      options.logger.warn({ err: error }, "postgres client lost its connection while in use");
    });
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    ping: () => serverVersion(db),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    close: () => db.destroy(),
  };
}

async function createPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = join(options.dataDir, "pglite");
    mkdirSync(dataDir, { recursive: true });
  }
  options.logger.warn(
    { dataDir: dataDir ?? "(memory)" },
    "embedded database: PGlite in this process (single instance only; set DATABASE_URL for PostgreSQL)",
  );
  // Loaded only when used: services mode never pays for PGlite, and production installs omit it.
  const { PGlite } = await loadEmbeddedModule(() => import("@electric-sql/pglite"), {
    name: "@electric-sql/pglite",
    role: "the embedded database (PGlite)",
    variable: "DATABASE_URL",
  });
  const parsers = { [INT8_OID]: parseInt8, [DATE_OID]: parseDate };
  // A new data directory starts as a copy of the migrated template when one was built (see
  // pglite-template.ts): several times faster than PGlite's initdb.
  const fromTemplate =
    dataDir !== undefined &&
    options.pgliteTemplate !== false &&
    !existsSync(join(dataDir, "PG_VERSION")) &&
    copyPgliteTemplate(dataDir, options.pgliteTemplate);
  let pglite;
  try {
    pglite = await PGlite.create(dataDir, { parsers });
  } catch (error) {
    if (!fromTemplate || !dataDir) throw error;
    options.logger.warn({ err: error }, "could not open the PGlite template; initialising afresh");
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    pglite = await PGlite.create(dataDir, { parsers });
  }
  if (fromTemplate) options.logger.info({ dataDir }, "embedded database created from the template");
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: "pglite",
    ping: () => serverVersion(db),
    poolStats: undefined,
    close: () => db.destroy(),
  };
}

async function serverVersion(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ server_version: string }>`show server_version`.execute(db);
  return rows[0]?.server_version ?? "unknown";
}
