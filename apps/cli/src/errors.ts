import { TRPCClientError } from "@tesseract/client";

/** A failure whose message already says what to do; printed as it is. */
export class CliError extends Error {}

interface ErrorData {
  code?: string;
  zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
}

/** One line (or a few) that says what went wrong and what to do about it. */
export function describeError(error: unknown, url: string): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    const fields = Object.entries(data.zodError?.fieldErrors ?? {}).map(
      ([field, messages]) => `  ${field}: ${(messages ?? []).join("; ")}`,
    );
    switch (data.code) {
      case "UNAUTHORIZED":
        return "The server refused the token: run `tesseract login` with a valid token, or set TESSERACT_TOKEN.";
      case "FORBIDDEN":
        return `Not allowed: ${error.message} (your token's role may not do this).`;
      case "TOO_MANY_REQUESTS":
        return "Too many requests: wait a minute and try again.";
      case undefined:
        if (!error.data) return unreachable(error, url);
        break;
    }
    return fields.length > 0 ? [error.message, ...fields].join("\n") : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function unreachable(error: Error, url: string): string {
  const cause = error.cause instanceof Error ? error.cause.message : error.message;
  return `Cannot reach the Tesseract server at ${url} (${cause}): is it running? Set --url or TESSERACT_URL.`;
}
