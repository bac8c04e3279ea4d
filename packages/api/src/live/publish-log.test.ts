import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, loggerWithFields } from "../logger.ts";
import { freshProject, orgId, owner, useProductOrg } from "../router/product-fixture.ts";
import { services } from "../router/router-fixture.ts";
import { createCaller } from "../root.ts";
import { testContext } from "../testing.ts";

useProductOrg();

const lines: Record<string, unknown>[] = [];
const logger = createLogger(
  { logLevel: "warn" },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n"))
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  }),
);

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  lines.length = 0;
});

/** Redis refuses every live publish and signal until the test ends (the change still commits). */
function whileTheBusFails(): void {
  const { bus } = services.live;
  const original = { publish: bus.publish.bind(bus), signal: bus.signal.bind(bus) };
  const previousLogger = services.live.logger;
  bus.publish = () => Promise.reject(new Error("bus down"));
  bus.signal = () => Promise.reject(new Error("bus down"));
  services.live.logger = logger;
  restore = () => {
    Object.assign(bus, original);
    services.live.logger = previousLogger;
  };
}

/** A caller whose request's lines go to `lines`, as the server's do. */
function caller(requestId: string) {
  const ctx = testContext(services, { headers: { cookie: owner.cookie } });
  return createCaller({
    ...ctx,
    requestId,
    logFields: ctx.logFields,
    logger: loggerWithFields(logger, Object.assign(ctx.logFields, { requestId })),
  });
}

describe("a live update that could not be published", () => {
  it("is logged with the request's id, procedure, person and organization", async () => {
    const projectId = await freshProject("LOGD");
    whileTheBusFails();
    await caller("req-live-publish").project.archive({ orgId, projectId });
    const line = lines.find((entry) => entry.msg === "live update not published");
    expect(line).toMatchObject({
      requestId: "req-live-publish",
      procedure: "project.archive",
      userId: owner.id,
      orgId,
    });
  });
});
