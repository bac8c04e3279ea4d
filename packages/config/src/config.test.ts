import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.ts";
import { EXAMPLE_SECRETS } from "./schema.ts";

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected parseConfig to throw");
}

describe("parseConfig", () => {
  it("selects the embedded mode when no service URL is set", () => {
    const config = parseConfig({});
    expect(config.mode).toBe("embedded");
    expect(config.aws.useEmulator).toBe(true);
    expect(config.aws.endpoint).toBe("http://127.0.0.1:4566");
    expect(config.server.port).toBe(4000);
    expect(config.server.corsOrigins).toEqual(["http://localhost:3000"]);
  });

  it("treats blank values as unset, as a copied .env.example leaves them", () => {
    expect(parseConfig({ DATABASE_URL: "", REDIS_URL: "  " }).mode).toBe("embedded");
  });

  it("selects the services mode when every service URL is set", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/app",
      REDIS_URL: "redis://127.0.0.1:6379",
      AWS_ENDPOINT_URL: "http://localhost:4566",
    });
    expect(config.mode).toBe("services");
    expect(config.aws.useEmulator).toBe(false);
    expect(config.aws.credentials).toEqual({ accessKeyId: "test", secretAccessKey: "test" });
  });

  it("bounds slow clients and connections, and keeps metrics on loopback unless told", () => {
    const defaults = parseConfig({});
    expect(defaults.server).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 2_048,
    });
    expect(defaults.metrics).toEqual({ host: "127.0.0.1", port: 9464 });
    expect(defaults.database.connectTimeoutMs).toBe(5_000);
    expect(parseConfig({ METRICS_PORT: "0" }).metrics).toBeUndefined();
    // The header deadline never exceeds the whole request's.
    expect(parseConfig({ API_REQUEST_TIMEOUT_MS: "2000" }).server.headersTimeoutMs).toBe(2_000);
    expect(errorOf({ API_HEADERS_TIMEOUT_MS: "60000" }).message).toContain(
      "API_HEADERS_TIMEOUT_MS",
    );
    expect(errorOf({ API_MAX_CONNECTIONS: "0" }).message).toContain("API_MAX_CONNECTIONS");
  });

  it("reports a mixed mode when only some services are real", () => {
    expect(parseConfig({ DATABASE_URL: "postgres://localhost/app" }).mode).toBe("mixed");
  });

  it("opens the development inbox only where it cannot leak reset links", () => {
    expect(parseConfig({}).mail.devInbox).toBe(true); // embedded, development
    expect(parseConfig({ DATABASE_URL: "postgres://db/app" }).mail.devInbox).toBe(false); // a forgotten NODE_ENV on real services
    expect(
      parseConfig({ DATABASE_URL: "postgres://db/app", DEV_INBOX: "true" }).mail.devInbox,
    ).toBe(true);
    expect(parseConfig({ SMTP_URL: "smtp://mail:25" }).mail.devInbox).toBe(false);
    expect(
      parseConfig({ NODE_ENV: "production", DEV_INBOX: "true", SESSION_SECRET: "x".repeat(40) })
        .mail.devInbox,
    ).toBe(false);
    expect(parseConfig({ DEV_INBOX: "false" }).mail.devInbox).toBe(false);
  });

  it("names every bad variable in one error", () => {
    const error = errorOf({ PORT: "eighty", DATABASE_URL: "not a url", LOG_LEVEL: "loud" });
    expect(error.issues.map((i) => i.variable).sort()).toEqual([
      "DATABASE_URL",
      "LOG_LEVEL",
      "PORT",
    ]);
    expect(error.message).toContain("PORT");
    expect(error.message).toContain("DATABASE_URL");
    expect(error.message).toContain("LOG_LEVEL");
  });

  it("refuses example secrets in production", () => {
    const error = errorOf({
      NODE_ENV: "production",
      SESSION_SECRET: EXAMPLE_SECRETS.SESSION_SECRET,
    });
    expect(error.issues).toEqual([
      { variable: "SESSION_SECRET", problem: expect.stringContaining("example value") },
    ]);
    const secret = "x".repeat(40);
    expect(parseConfig({ NODE_ENV: "production", SESSION_SECRET: secret }).sessionSecret).toBe(
      secret,
    );
  });

  it("requires a session secret in production on real services", () => {
    const error = errorOf({ NODE_ENV: "production", DATABASE_URL: "postgres://db/app" });
    expect(error.issues).toEqual([
      { variable: "SESSION_SECRET", problem: expect.stringContaining("required in production") },
    ]);
  });

  it("keeps a generated secret for a production build on the embedded default", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tesseract-config-"));
    try {
      const first = parseConfig({ NODE_ENV: "production", DATA_DIR: dataDir }).sessionSecret;
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(join(dataDir, "session-secret")).mode & 0o777).toBe(0o600);
      expect(parseConfig({ NODE_ENV: "production", DATA_DIR: dataDir }).sessionSecret).toBe(first);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("uses a fixed development secret outside production", () => {
    expect(parseConfig({}).sessionSecret).toBe(EXAMPLE_SECRETS.SESSION_SECRET);
  });

  it("refuses a short session secret", () => {
    expect(errorOf({ SESSION_SECRET: "short" }).issues[0]?.variable).toBe("SESSION_SECRET");
  });

  it("requires AWS keys in pairs", () => {
    expect(errorOf({ AWS_ACCESS_KEY_ID: "AKIA" }).issues[0]?.variable).toBe(
      "AWS_SECRET_ACCESS_KEY",
    );
  });

  it("normalises CORS origins and always allows the public URL", () => {
    const config = parseConfig({
      PUBLIC_URL: "https://app.example.com/",
      CORS_ORIGINS: "https://a.example.com/x, http://b.test:8080",
    });
    expect(config.server.corsOrigins).toEqual([
      "https://app.example.com",
      "https://a.example.com",
      "http://b.test:8080",
    ]);
    expect(errorOf({ CORS_ORIGINS: "nope" }).issues[0]?.variable).toBe("CORS_ORIGINS");
  });
});
