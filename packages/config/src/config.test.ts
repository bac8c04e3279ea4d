import {
  DEFAULT_MAX_BATCH_SIZE,
  SECURE_SESSION_COOKIE,
  SESSION_COOKIES,
} from "@tesseract/validators/constants";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.ts";

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
    expect(config.server.corsOrigins).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
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

  it("reads attachment limits, and names a bad media type", () => {
    const defaults = parseConfig({});
    expect(defaults.attachments).toMatchObject({
      maxBytes: 10 * 1024 * 1024,
      orgQuotaBytes: 1024 ** 3,
      uploadUrlSeconds: 300,
      downloadUrlSeconds: 60,
      staleAfterMs: 3_600_000,
    });
    expect(defaults.attachments.allowedTypes).toContain("image/png");
    const custom = parseConfig({
      ATTACHMENT_ALLOWED_TYPES: " Image/PNG , application/pdf,",
      ATTACHMENT_UPLOAD_URL_SECONDS: "3600",
      ATTACHMENT_STALE_AFTER_MINUTES: "1",
    });
    expect(custom.attachments.allowedTypes).toEqual(["image/png", "application/pdf"]);
    // Never cleaned up while its upload URL may still be used.
    expect(custom.attachments.staleAfterMs).toBe(7_200_000);
    expect(errorOf({ ATTACHMENT_ALLOWED_TYPES: "png" }).message).toMatch(
      /ATTACHMENT_ALLOWED_TYPES: entry 0: expected media types/,
    );
  });

  it("bounds slow clients and connections, and keeps metrics on loopback unless told", () => {
    const defaults = parseConfig({});
    expect(defaults.server).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 65_000,
      maxConnections: 2_048,
    });
    expect(defaults.metrics).toEqual({ host: "127.0.0.1", port: 9464 });
    expect(defaults.database.connectTimeoutMs).toBe(5_000);
    expect(parseConfig({ METRICS_PORT: "0" }).metrics).toBeUndefined();
    // Every new trace recorded outside production; OTEL_TRACES_SAMPLER_ARG sets the share.
    expect(defaults.tracing.sampleRatio).toBe(1);
    expect(parseConfig({ OTEL_TRACES_SAMPLER_ARG: "0.25" }).tracing.sampleRatio).toBe(0.25);
    expect(errorOf({ OTEL_TRACES_SAMPLER_ARG: "1.5" }).message).toContain(
      "OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1",
    );
    expect(errorOf({ OTEL_TRACES_SAMPLER_ARG: "half" }).message).toContain(
      "OTEL_TRACES_SAMPLER_ARG",
    );
    // No cap on new traces a second outside production; TRACING_MAX_PER_SECOND sets one.
    expect(defaults.tracing.maxPerSecond).toBeUndefined();
    expect(parseConfig({ TRACING_MAX_PER_SECOND: "2.5" }).tracing.maxPerSecond).toBe(2.5);
    expect(parseConfig({ NODE_ENV: "production" }).tracing).toMatchObject({
      sampleRatio: 0.1,
      maxPerSecond: 10,
    });
    for (const bad of ["0", "-1", "many"])
      expect(errorOf({ TRACING_MAX_PER_SECOND: bad }).message).toContain(
        "TRACING_MAX_PER_SECOND must be a number of traces a second above 0",
      );
    // The header deadline never exceeds the whole request's.
    expect(parseConfig({ API_REQUEST_TIMEOUT_MS: "2000" }).server.headersTimeoutMs).toBe(2_000);
    expect(errorOf({ API_HEADERS_TIMEOUT_MS: "60000" }).message).toContain(
      "API_HEADERS_TIMEOUT_MS",
    );
    expect(errorOf({ API_MAX_CONNECTIONS: "0" }).message).toContain("API_MAX_CONNECTIONS");
  });

  it("trusts proxies by address or by range, and names an entry that is neither", () => {
    expect(
      parseConfig({ TRUSTED_PROXIES: "10.0.0.0/8, ::ffff:172.28.0.10" }).trustedProxies,
    ).toEqual(["10.0.0.0/8", "::ffff:172.28.0.10"]);
    for (const bad of ["web", "10.0.0.0/33", "10.0.0.0/8/1", "fd00::/129"])
      expect(errorOf({ TRUSTED_PROXIES: `127.0.0.1,${bad}` }).message).toMatch(
        /TRUSTED_PROXIES: entry 1: expected an IP address or a CIDR range/,
      );
  });

  it("reads from a replica only beside its primary", () => {
    expect(parseConfig({}).database.replicaUrl).toBeUndefined();
    const replicated = parseConfig({
      DATABASE_URL: "postgres://primary/app",
      DATABASE_REPLICA_URL: "postgres://replica/app",
    });
    expect(replicated.database.replicaUrl).toBe("postgres://replica/app");
    expect(errorOf({ DATABASE_REPLICA_URL: "postgres://replica/app" }).message).toMatch(
      /DATABASE_REPLICA_URL: a replica needs its primary/,
    );
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
    expect(parseConfig({ NODE_ENV: "production", DEV_INBOX: "true" }).mail.devInbox).toBe(false);
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

  it("requires SMTP in production on real services unless mail is set to be logged", () => {
    const services = { NODE_ENV: "production", DATABASE_URL: "postgres://db/app" };
    const error = errorOf(services);
    expect(error.issues).toEqual([
      { variable: "SMTP_URL", problem: expect.stringContaining("MAIL_TRANSPORT=log") },
    ]);
    expect(error.message).toContain("required in production on real services");
    expect(parseConfig({ ...services, MAIL_TRANSPORT: "log" }).mail.transport).toBe("log");
    expect(parseConfig({ ...services, SMTP_URL: "smtp://mail:587" }).mail.transport).toBe("smtp");
    expect(errorOf({ MAIL_TRANSPORT: "smtp" }).issues).toEqual([
      { variable: "SMTP_URL", problem: "required when MAIL_TRANSPORT=smtp" },
    ]);
    expect(errorOf({ MAIL_TRANSPORT: "pigeon" }).issues[0]?.variable).toBe("MAIL_TRANSPORT");
  });

  it("logs mail for a production build on the embedded default, keeps it in memory in development", () => {
    expect(parseConfig({ NODE_ENV: "production" }).mail).toMatchObject({
      transport: "log",
      devInbox: false,
    });
    expect(parseConfig({}).mail).toMatchObject({ transport: "memory", devInbox: true });
    expect(parseConfig({ MAIL_TRANSPORT: "log" }).mail.devInbox).toBe(false);
  });

  it("needs no server secret: a SESSION_SECRET left in an old .env is ignored", () => {
    const config = parseConfig({ NODE_ENV: "production", SESSION_SECRET: "short" });
    expect(config.isProduction).toBe(true);
    expect(JSON.stringify(config)).not.toContain("short");
  });

  it("names the session cookie and the batch limit as clients expect them", () => {
    const plain = parseConfig({ PUBLIC_URL: "http://localhost:3000" });
    const secure = parseConfig({ PUBLIC_URL: "https://app.example.com" });
    expect(secure.sessions).toMatchObject({
      cookieName: SECURE_SESSION_COOKIE,
      secureCookie: true,
    });
    expect(plain.sessions.secureCookie).toBe(false);
    expect(SESSION_COOKIES).toContain(plain.sessions.cookieName);
    expect(plain.sessions.cookieName).not.toBe(SECURE_SESSION_COOKIE);
    expect(plain.server.maxBatchSize).toBe(DEFAULT_MAX_BATCH_SIZE);
  });

  it("offers demo data on the embedded default in any environment, never on real services", () => {
    expect(parseConfig({}).demoData).toBe(true);
    expect(parseConfig({ NODE_ENV: "production" }).demoData).toBe(true);
    expect(parseConfig({ DATABASE_URL: "postgres://db/app" }).demoData).toBe(false);
    expect(
      parseConfig({
        NODE_ENV: "production",
        DATABASE_URL: "postgres://db/app",
        MAIL_TRANSPORT: "log",
      }).demoData,
    ).toBe(false);
    expect(parseConfig({ NODE_ENV: "test", DATABASE_URL: "postgres://db/app" }).demoData).toBe(
      true,
    );
  });

  it("derives the default public URL from WEB_PORT", () => {
    const config = parseConfig({ WEB_PORT: "3100" });
    expect(config.server.publicUrl).toBe("http://localhost:3100");
    expect(config.server.corsOrigins).toEqual(["http://localhost:3100", "http://127.0.0.1:3100"]);
    expect(
      parseConfig({ WEB_PORT: "3100", PUBLIC_URL: "https://app.example.com" }).server.publicUrl,
    ).toBe("https://app.example.com");
    expect(errorOf({ WEB_PORT: "web" }).issues[0]?.variable).toBe("WEB_PORT");
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

  it("allows the loopback alias of a loopback public URL in development only", () => {
    const origins = (env: Record<string, string>) => parseConfig(env).server.corsOrigins;
    expect(origins({ PUBLIC_URL: "http://127.0.0.1:3100" })).toEqual([
      "http://127.0.0.1:3100",
      "http://localhost:3100",
    ]);
    // A public URL on another host has no alias.
    expect(origins({ PUBLIC_URL: "https://app.example.com" })).toEqual(["https://app.example.com"]);
    const production = { NODE_ENV: "production", MAIL_TRANSPORT: "log" };
    expect(origins({ ...production, PUBLIC_URL: "http://localhost:3100" })).toEqual([
      "http://localhost:3100",
    ]);
    expect(origins({ NODE_ENV: "test", PUBLIC_URL: "http://localhost:3100" })).toEqual([
      "http://localhost:3100",
    ]);
  });
});
