import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantPlatformAdmin } from "../domain/platform-admins.ts";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  type TestServices,
} from "../testing.ts";

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
  it("tells a signed-out caller the name and mode, and nothing about the runtime", async () => {
    const info = await createTestCaller(services).system.info();
    expect(info).toEqual({
      name: "Tesseract",
      mode: "services",
      demoData: true,
      limits: { maxBatchSize: 10 },
    });
  });
});

describe("system.runtime", () => {
  it("shows version, environment, Node.js and uptime to a platform admin", async () => {
    const admin = await insertTestUser(services, "Operator");
    await grantPlatformAdmin(services.db, admin.email);
    const runtime = await createTestCaller(services, {
      headers: { cookie: admin.cookie },
    }).system.runtime();
    expect(runtime).toMatchObject({ version: "0.1.0", environment: "test", node: process.version });
    expect(runtime.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(runtime.startedAt).toBeInstanceOf(Date);
  });

  it("is refused to everyone else: signed out, a plain account, an admin's API token", async () => {
    const person = await insertTestUser(services, "Person");
    const admin = await insertTestUser(services, "Operator");
    await grantPlatformAdmin(services.db, admin.email);
    const org = await createTestCaller(services, { headers: { cookie: admin.cookie } }).org.create({
      name: "Ops",
    });
    const token = await createTestCaller(services, {
      headers: { cookie: admin.cookie },
    }).token.create({ orgId: org.id, name: "ops", role: "owner", expiresInDays: 1 });
    const outcome = (headers: Record<string, string>) =>
      createTestCaller(services, { headers })
        .system.runtime()
        .then(
          () => "ok",
          (error: unknown) => (error as { code?: string }).code,
        );
    expect(await outcome({})).toBe("UNAUTHORIZED");
    expect(await outcome({ cookie: person.cookie })).toBe("FORBIDDEN");
    expect(await outcome({ authorization: `Bearer ${token.secret}` })).toBe("FORBIDDEN");
  });
});
