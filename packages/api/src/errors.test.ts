import { describe, expect, it } from "vitest";
import { AppError, concurrencyError, isRerunnableConflict } from "./errors.ts";

// What the driver raises: an Error with PostgreSQL's SQLSTATE in `code`.
const pgError = (code: string) => Object.assign(new Error(`driver text for ${code}`), { code });

describe("concurrencyError", () => {
  it.each([
    ["40P01", "CONFLICT", true],
    ["40001", "CONFLICT", true],
    ["55P03", "CONFLICT", false],
    ["57014", "UNAVAILABLE", false],
  ])("answers %s with %s, never the driver's text", (code, answer, rerunnable) => {
    const error = concurrencyError(pgError(code));
    expect(error?.code).toBe(answer);
    expect(error?.message).toMatch(/try again/);
    expect(error?.message).not.toMatch(/driver/);
    expect(isRerunnableConflict(pgError(code))).toBe(rerunnable);
  });

  it("leaves other errors alone", () => {
    expect(concurrencyError(pgError("23505"))).toBeUndefined();
    expect(concurrencyError(new AppError("CONFLICT", "taken"))).toBeUndefined();
    expect(concurrencyError(new Error("boom"))).toBeUndefined();
    expect(concurrencyError(undefined)).toBeUndefined();
  });
});
