import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { orgId, owner, projectId, useProductOrg } from "../router/product-fixture.ts";
import { as, services } from "../router/router-fixture.ts";
import { createTestCaller } from "../testing.ts";

useProductOrg();

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/**
 * Runs `read` at the moment the bus is asked to publish an organization's event, as a client
 * that refetches on the event would (the fastest one possible), and keeps what it saw.
 */
function readOnEvent<T>(read: () => Promise<T>): { seen: T[] } {
  const bus = services.live.bus;
  const publish = bus.publish.bind(bus);
  const seen: T[] = [];
  bus.publish = async (key, payload) => {
    if (key.startsWith("org:")) seen.push(await read());
    return publish(key, payload);
  };
  restore = () => {
    bus.publish = publish;
  };
  return { seen };
}

const titles = async () =>
  (await as(owner).task.list({ orgId, projectId, limit: 100 })).items.map((task) => task.title);

describe("a mutation's live event", () => {
  it("goes out once its cached reads are invalidated: a refetch on it sees the change", async () => {
    // Cached before the change, as an open board's list is.
    await titles();
    const { seen } = readOnEvent(titles);
    await as(owner).task.create({ orgId, projectId, title: "Seen by the first refetch" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain("Seen by the first refetch");
  });

  it("does so for an idempotent retry's first run too (its events wait for the commit)", async () => {
    await titles();
    const { seen } = readOnEvent(titles);
    const keyed = createTestCaller(services, {
      headers: { cookie: owner.cookie, "idempotency-key": randomUUID() },
    });
    await keyed.task.create({ orgId, projectId, title: "Seen after an idempotent create" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain("Seen after an idempotent create");
  });
});
