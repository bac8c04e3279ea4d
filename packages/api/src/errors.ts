import { isConnectionError } from "@tesseract/db";
import { isRedisUnavailable } from "@tesseract/redis";
import { APP_ERROR_CODES as SHARED_APP_ERROR_CODES } from "@tesseract/validators/constants";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/**
 * Every failure domain code may raise, mapped to its tRPC code; clients branch on
 * `error.data.code`, never on text. The table is shared with clients (`@tesseract/validators`).
 */
export const APP_ERROR_CODES = SHARED_APP_ERROR_CODES satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/**
 * The one error type domain functions throw. It knows nothing of tRPC; the procedure ladder
 * maps its code to a tRPC code in one place. Its message is safe to show to the caller.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }
}

// PostgreSQL's answers to a transaction that collided with another one. Each rolled the
// statement (and its transaction) back, so nothing of it was written; none is the caller's fault.
/** deadlock_detected, serialization_failure: the same work, run again, usually goes through. */
const RERUNNABLE_SQLSTATES = new Set(["40P01", "40001"]);
/** lock_not_available: a lock was refused (NOWAIT, lock_timeout) while another writer held it. */
const LOCK_NOT_AVAILABLE = "55P03";
/** query_canceled: statement_timeout passed (or the statement was cancelled). */
const QUERY_CANCELED = "57014";

function sqlstateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Whether a transaction failed only for colliding with another one, and may be run again. */
export function isRerunnableConflict(error: unknown): boolean {
  return RERUNNABLE_SQLSTATES.has(sqlstateOf(error) ?? "");
}

/**
 * The answer to a database error that says "busy", not "wrong": 409 when another change held
 * or took the same rows, 503 (with Retry-After) when a statement ran out of time. The driver's
 * text is never shown. Undefined for any other error.
 */
export function concurrencyError(error: unknown): AppError | undefined {
  const sqlstate = sqlstateOf(error);
  if (sqlstate === undefined || error instanceof AppError) return undefined;
  if (RERUNNABLE_SQLSTATES.has(sqlstate) || sqlstate === LOCK_NOT_AVAILABLE)
    return new AppError("CONFLICT", "Someone else changed this at the same time; try again.", {
      cause: error,
    });
  if (sqlstate === QUERY_CANCELED)
    return new AppError("UNAVAILABLE", "The database took too long to answer; try again shortly.", {
      cause: error,
    });
  return undefined;
}

/**
 * Whether a failure means a backing service cannot be reached right now (PostgreSQL or Redis
 * down, restarting, out of connections), so the same request works again shortly: 503, not a
 * 500 that reads as a bug. A domain error saying so (UNAVAILABLE) counts too.
 */
export function isOutage(error: unknown): boolean {
  if (error instanceof AppError) return error.code === "UNAVAILABLE";
  return isConnectionError(error) || isRedisUnavailable(error);
}
