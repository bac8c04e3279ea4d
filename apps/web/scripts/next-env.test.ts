import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findWorkspaceRoot, nextProcessEnv } from "./next-env.ts";

const dir = mkdtempSync(join(tmpdir(), "tesseract-web-env-"));
const envFile = join(dir, ".env");
writeFileSync(envFile, "PORT=4100\nWEB_PORT=3100\nAPI_URL=\nLOG_LEVEL=debug\n");
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("nextProcessEnv", () => {
  it("defaults to web on 3000 and the API on 4000", () => {
    const { env, port } = nextProcessEnv({}, undefined);
    expect(port).toBe("3000");
    expect(env.API_URL).toBe("http://127.0.0.1:4000");
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
  });

  it("reads the repository's .env, as the API server does", () => {
    const { env, port } = nextProcessEnv({}, envFile);
    expect(port).toBe("3100");
    expect(env.API_URL).toBe("http://127.0.0.1:4100");
    expect(env.PUBLIC_URL).toBe("http://localhost:3100");
    expect(env.LOG_LEVEL).toBe("debug");
  });

  it("lets real environment variables win over the file", () => {
    const { env, port } = nextProcessEnv({ WEB_PORT: "3200", PORT: "4200" }, envFile);
    expect(port).toBe("3200");
    expect(env.API_URL).toBe("http://127.0.0.1:4200");
    expect(nextProcessEnv({ API_URL: "http://api.internal:9000" }, envFile).env.API_URL).toBe(
      "http://api.internal:9000",
    );
  });

  it("refuses a WEB_PORT that is not a port", () => {
    expect(() => nextProcessEnv({ WEB_PORT: "web" }, undefined)).toThrow(/WEB_PORT/);
  });

  it("finds the repository root from the web app's folder", () => {
    expect(findWorkspaceRoot(join(import.meta.dirname, ".."))).toBe(
      join(import.meta.dirname, "../../.."),
    );
  });
});
