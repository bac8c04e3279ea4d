import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { apiErrorCode, describeApiError, isApiError } from "./api-error.ts";

function apiError(message: string, data: unknown) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe("describeApiError", () => {
  it("reads the code, the message and the first problem of each field", () => {
    const error = apiError("Invalid input", {
      code: "BAD_REQUEST",
      zodError: { formErrors: [], fieldErrors: { email: ["Enter a valid email address", "x"] } },
    });
    expect(describeApiError(error)).toEqual({
      code: "BAD_REQUEST",
      message: "Invalid input",
      fieldErrors: { email: "Enter a valid email address" },
    });
  });

  it("keeps a domain error's message", () => {
    const error = apiError("Email or password is incorrect", { code: "UNAUTHORIZED" });
    expect(apiErrorCode(error)).toBe("UNAUTHORIZED");
    expect(isApiError(error, "UNAUTHORIZED")).toBe(true);
    expect(describeApiError(error).message).toBe("Email or password is incorrect");
  });

  it("hides internal errors and explains a failed connection", () => {
    expect(
      describeApiError(apiError("boom at pg", { code: "INTERNAL_SERVER_ERROR" })).message,
    ).not.toContain("pg");
    const offline = describeApiError(new TypeError("fetch failed"));
    expect(offline.code).toBe("NETWORK");
    expect(offline.message).toMatch(/could not reach/i);
  });
});
