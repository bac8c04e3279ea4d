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

  it("reports a mixed mode when only some services are real", () => {
    expect(parseConfig({ DATABASE_URL: "postgres://localhost/app" }).mode).toBe("mixed");
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
    const error = errorOf({ NODE_ENV: "production" });
    expect(error.issues).toEqual([
      { variable: "SESSION_SECRET", problem: expect.stringContaining("example value") },
    ]);
    expect(
      parseConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) }).isProduction,
    ).toBe(true);
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
