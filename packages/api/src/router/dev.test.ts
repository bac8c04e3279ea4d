import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestServices, type TestServices } from "../testing.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices({}, { runJobs: false });
});
afterAll(async () => {
  await services.close();
});

const production = () => ({
  ...services,
  config: {
    ...services.config,
    isProduction: true,
    env: "production" as const,
    tracing: { ...services.config.tracing, devDashboard: false },
  },
});

describe("the development dashboard's procedures", () => {
  it("answer outside production", async () => {
    const caller = createTestCaller(services);
    expect(await caller.dev.traces()).toEqual([]);
    expect(await caller.dev.slowest()).toEqual([]);
    expect((await caller.dev.jobs({ limit: 5 })).jobs).toEqual(expect.any(Array));
  });

  it("are NOT_FOUND in production, whoever asks", async () => {
    const caller = createTestCaller(production());
    const traceId = "0af7651916cd43dd8448eb211c80319c";
    for (const call of [
      () => caller.dev.traces(),
      () => caller.dev.trace({ traceId }),
      () => caller.dev.slowest(),
      () => caller.dev.jobs({ limit: 5 }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("refuse a malformed trace id with a clear 400", async () => {
    await expect(createTestCaller(services).dev.trace({ traceId: "../x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
