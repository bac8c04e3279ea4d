import type { ApiErrorCode as SharedApiErrorCode } from "@tesseract/validators/constants";

/** The codes the API answers with, plus what a call that got no answer gives. */
export type ApiErrorCode = SharedApiErrorCode | "NETWORK";

export interface ApiErrorInfo {
  code: ApiErrorCode;
  /** Safe to show: the API's own message, or a generic one when there was no answer. */
  message: string;
  /** The first problem per field when the API refused the input. */
  fieldErrors: Record<string, string>;
}

const NETWORK_MESSAGE =
  "Could not reach Tesseract: it may still be starting, or your connection dropped. Try again in a moment.";
const INTERNAL_MESSAGE = "Something went wrong on our side. Try again in a moment.";

interface ErrorData {
  code?: unknown;
  zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
}

function dataOf(error: unknown): ErrorData | undefined {
  // A TRPCClientError, known by its name: importing the class would bring the whole tRPC client
  // (WebSocket and SSE links included) into every page that explains an error.
  if (!(error instanceof Error) || error.name !== "TRPCClientError") return undefined;
  const data: unknown = (error as Error & { data?: unknown }).data;
  return data && typeof data === "object" ? data : undefined;
}

/** The API's error code (branch on this, never on the message). */
export function apiErrorCode(error: unknown): ApiErrorCode {
  const code = dataOf(error)?.code;
  return typeof code === "string" ? (code as ApiErrorCode) : "NETWORK";
}

export function isApiError(error: unknown, code: ApiErrorCode): boolean {
  return apiErrorCode(error) === code;
}

/** Everything a form or an error state needs to explain a failed call. */
export function describeApiError(error: unknown): ApiErrorInfo {
  const data = dataOf(error);
  const code = apiErrorCode(error);
  const fieldErrors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    const first = messages?.[0];
    if (first) fieldErrors[field] = first;
  }
  let message: string;
  if (!data) message = NETWORK_MESSAGE;
  else if (code === "INTERNAL_SERVER_ERROR") message = INTERNAL_MESSAGE;
  else message = error instanceof Error && error.message ? error.message : INTERNAL_MESSAGE;
  return { code, message, fieldErrors };
}
