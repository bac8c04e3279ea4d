import { describe, expect, it } from "vitest";
import { parseWebEnv } from "./env.ts";

describe("parseWebEnv", () => {
  it("defaults to the local API server and web port", () => {
    expect(parseWebEnv({})).toEqual({
      API_URL: "http://127.0.0.1:4000",
      PUBLIC_URL: "http://localhost:3000",
    });
  });

  it("drops a trailing slash from API_URL so paths can be appended", () => {
    expect(parseWebEnv({ API_URL: "http://api.internal:4000/" }).API_URL).toBe(
      "http://api.internal:4000",
    );
  });

  it("names the variable that is wrong", () => {
    expect(() => parseWebEnv({ API_URL: "not a url" })).toThrow(/API_URL/);
  });
});
