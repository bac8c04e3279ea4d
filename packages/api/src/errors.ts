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
