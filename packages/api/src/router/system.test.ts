import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestServices, type TestServices } from "../testing.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  await services.close();
});

describe("system.health", () => {
  it("reports every service ok against real PostgreSQL, Redis and the S3/SQS emulator", async () => {
    const health = await createTestCaller(services).system.health();
    expect(health.status).toBe("ok");
    expect(health.checkedAt).toBeInstanceOf(Date);
    expect(health.services.map((s) => [s.name, s.status, s.detail])).toEqual([
      ["database", "ok", "PostgreSQL"],
      ["redis", "ok", "Redis"],
      ["storage", "ok", "S3"],
      ["queue", "ok", "SQS"],
    ]);
    for (const service of health.services) expect(service.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports a service that is down, with the reason, and the rest as degraded", async () => {
    const broken = {
      ...services,
      redis: { ...services.redis, ping: () => Promise.reject(new Error("connect ECONNREFUSED")) },
    };
    const health = await createTestCaller(broken).system.health();
    expect(health.status).toBe("degraded");
    expect(health.services.find((s) => s.name === "redis")).toMatchObject({
      status: "down",
      error: "connect ECONNREFUSED",
    });
  });

  it("hides connection errors in production", async () => {
    const production = {
      ...services,
      config: { ...services.config, env: "production" as const },
      queue: {
        ...services.queue,
        ping: () => Promise.reject(new Error("getaddrinfo ENOTFOUND sqs.internal")),
      },
    };
    const health = await createTestCaller(production).system.health();
    const queue = health.services.find((s) => s.name === "queue");
    expect(queue?.status).toBe("down");
    expect(queue?.error).not.toContain("sqs.internal");
  });
});

describe("system.info", () => {
  it("describes this server", async () => {
    const info = await createTestCaller(services).system.info();
    expect(info).toMatchObject({
      name: "Tesseract",
      mode: "services",
      environment: "test",
      node: process.version,
    });
    expect(info.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(info.startedAt).toBeInstanceOf(Date);
  });
});
