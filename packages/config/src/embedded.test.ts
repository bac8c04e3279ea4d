import { describe, expect, it } from "vitest";
import { ConfigError } from "./config.ts";
import { loadEmbeddedModule } from "./embedded.ts";

const pglite = {
  name: "@electric-sql/pglite",
  role: "the embedded database (PGlite)",
  variable: "DATABASE_URL",
};

describe("loadEmbeddedModule", () => {
  it("returns the module when it is installed", async () => {
    const path = await loadEmbeddedModule(() => import("node:path"), pglite);
    expect(path.join("a", "b")).toBe("a/b");
  });

  it("turns a package missing from a production install into a configuration error", async () => {
    // A specifier no install provides, standing in for a pruned-away dev dependency.
    const missing = "@tesseract/not-installed-anywhere";
    const error = await loadEmbeddedModule(() => import(missing) as Promise<unknown>, pglite).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    const { issues, message } = error as ConfigError;
    expect(issues.map((i) => i.variable)).toEqual(["DATABASE_URL"]);
    expect(message).toContain("@electric-sql/pglite is not installed");
    expect(message).toContain("pnpm install --prod");
  });

  it("rethrows any other failure as it is", async () => {
    const boom = new Error("boom");
    await expect(loadEmbeddedModule(() => Promise.reject(boom), pglite)).rejects.toBe(boom);
  });
});
