import { describe, expect, it } from "vitest";
import { PUBLIC_PAGE_CACHE_CONTROL, pageCacheControl } from "./page-cache.ts";

describe("pageCacheControl", () => {
  it("lets a visitor without a session keep the public pages", () => {
    for (const path of ["/", "/status", "/sign-in", "/sign-up", "/docs", "/docs/guide"])
      expect(pageCacheControl(path, false), path).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(PUBLIC_PAGE_CACHE_CONTROL).not.toContain("no-store");
  });

  it("keeps Next's no-store for anything a session can see", () => {
    expect(pageCacheControl("/", true)).toBeNull();
    expect(pageCacheControl("/docs/guide", true)).toBeNull();
  });

  it("keeps no-store on every other page, public or not", () => {
    for (const path of [
      "/orgs",
      "/account",
      "/reset-password",
      "/verify-email",
      "/statusx",
      "/dev",
    ])
      expect(pageCacheControl(path, false), path).toBeNull();
  });
});
