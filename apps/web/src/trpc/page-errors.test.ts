import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@tesseract/api";
import { describe, expect, it } from "vitest";
import { throwForPage } from "./page-errors.ts";

/** An error as the API answers it (see packages/api/src/trpc.ts's formatter). */
function apiError(code: string, httpStatus: number) {
  return TRPCClientError.from<AppRouter>({
    error: { code: -32600, message: `refused: ${code}`, data: { code, httpStatus } },
  } as never);
}

/** What Next makes of a thrown navigation: `redirect()` and `notFound()` throw errors it reads. */
function outcome(run: () => void): string {
  try {
    run();
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string") throw error;
    if (digest.startsWith("NEXT_REDIRECT;")) return `redirect ${digest.split(";")[2]}`;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not found";
    return digest;
  }
  return "returned";
}

describe("throwForPage", () => {
  it("sends a visitor whose session ended to sign in, and back to the page afterwards", () => {
    expect(
      outcome(() => {
        throwForPage(apiError("UNAUTHORIZED", 401), { requestedPath: "/orgs/o1/members?x=1" });
      }),
    ).toBe(`redirect /sign-in?next=${encodeURIComponent("/orgs/o1/members?x=1")}`);
    expect(
      outcome(() => {
        throwForPage(apiError("UNAUTHORIZED", 401), { requestedPath: null });
      }),
    ).toBe("redirect /sign-in");
  });

  it("answers 404 for something missing, and for a malformed id only when the URL names it", () => {
    expect(
      outcome(() => {
        throwForPage(apiError("NOT_FOUND", 404), { requestedPath: "/orgs/o1" });
      }),
    ).toBe("not found");
    expect(
      outcome(() => {
        throwForPage(apiError("BAD_REQUEST", 400), { requestedPath: "/orgs/x", urlNamesIt: true });
      }),
    ).toBe("not found");
  });

  it("rethrows anything else for the route's error page", () => {
    for (const error of [
      apiError("BAD_REQUEST", 400),
      apiError("FORBIDDEN", 403),
      apiError("INTERNAL_SERVER_ERROR", 500),
      apiError("SERVICE_UNAVAILABLE", 503),
      new TRPCClientError<AppRouter>("fetch failed", { cause: new TypeError("fetch failed") }),
    ]) {
      expect(() => {
        throwForPage(error, { requestedPath: "/orgs/o1" });
      }).toThrow(error);
    }
  });
});
