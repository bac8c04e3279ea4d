import { randomUUID } from "node:crypto";
import { createTestCaller, insertTestUser } from "@tesseract/api/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSiblingServer, startTestServer, type TestServer } from "./helpers.ts";

/**
 * `Idempotency-Key` over real HTTP on both adapters: the key arrives as a header, the lean
 * adapter runs the policy on its own middleware runner, and a batch carries no key.
 */
let lean: TestServer;
let stock: TestServer;
const fixtures = { cookie: "", orgId: "", projectId: "" };

beforeAll(async () => {
  lean = await startTestServer({ CORS_ORIGINS: "http://app.test" });
  stock = await startSiblingServer(lean.services, "stock");
  const user = await insertTestUser(lean.services, "Idempotent HTTP");
  const owner = createTestCaller(lean.services, { headers: { cookie: user.cookie } });
  fixtures.cookie = user.cookie;
  fixtures.orgId = (await owner.org.create({ name: "Idempotency over HTTP" })).id;
  fixtures.projectId = (
    await owner.project.create({ orgId: fixtures.orgId, name: "P", key: "IDM" })
  ).id;
});
afterAll(async () => {
  await stock.close();
  await lean.close();
});

const taskInput = (title: string) => ({
  orgId: fixtures.orgId,
  projectId: fixtures.projectId,
  title,
});

function createTask(server: TestServer, title: string, key?: string) {
  return fetch(`${server.url}/trpc/task.create`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      cookie: fixtures.cookie,
      ...(key === undefined ? {} : { "idempotency-key": key }),
    },
    body: JSON.stringify(superjson.serialize(taskInput(title))),
  });
}

async function rowsTitled(title: string): Promise<number> {
  const rows = await lean.services.db
    .selectFrom("tasks")
    .select("id")
    .where("title", "=", title)
    .execute();
  return rows.length;
}

describe("Idempotency-Key over HTTP", () => {
  it("replays the first answer on either adapter and says so in a header", async () => {
    const key = randomUUID();
    const first = await createTask(lean, "Over HTTP", key);
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const body = await first.text();
    for (const server of [lean, stock]) {
      const again = await createTask(server, "Over HTTP", key);
      expect(again.status).toBe(200);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await again.text()).toBe(body);
    }
    expect(await rowsTitled("Over HTTP")).toBe(1);
  });

  it("answers 422 to another input under the same key", async () => {
    const key = randomUUID();
    expect((await createTask(lean, "First input", key)).status).toBe(200);
    for (const server of [lean, stock]) {
      const res = await createTask(server, "Second input", key);
      expect(res.status).toBe(422);
      const { error } = (await res.json()) as { error: { json: { data: { code: string } } } };
      expect(error.json.data.code).toBe("UNPROCESSABLE_CONTENT");
    }
    expect(await rowsTitled("Second input")).toBe(0);
  });

  it("refuses a malformed key with 400 on both adapters", async () => {
    for (const server of [lean, stock]) {
      for (const key of ["x".repeat(256), "caf\u00e9", "with space"]) {
        const res = await createTask(server, "Bad key", key);
        expect(res.status, key).toBe(400);
      }
    }
    expect(await rowsTitled("Bad key")).toBe(0);
  });

  it("refuses a key on a batch of several calls, and takes one on a batch of one", async () => {
    const batchOn = (server: TestServer, key: string, titles: string[]) =>
      fetch(`${server.url}/trpc/${titles.map(() => "task.create").join(",")}?batch=1`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: fixtures.cookie,
          "idempotency-key": key,
        },
        body: JSON.stringify(
          Object.fromEntries(titles.map((t, i) => [i, superjson.serialize(taskInput(t))])),
        ),
      });
    for (const server of [lean, stock]) {
      const res = await batchOn(server, randomUUID(), ["Batched A", "Batched B"]);
      expect(res.status).toBe(400);
    }
    expect(await rowsTitled("Batched A")).toBe(0);
    const key = randomUUID();
    const once = await batchOn(lean, key, ["Batch of one"]);
    const twice = await batchOn(stock, key, ["Batch of one"]);
    expect([once.status, twice.status]).toEqual([200, 200]);
    expect(await twice.text()).toBe(await once.text());
    expect(await rowsTitled("Batch of one")).toBe(1);
  });

  it("runs concurrent duplicates once across both adapters", async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      [lean, stock, lean, stock].map((server) => createTask(server, "Raced", key)),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    const bodies = new Set(await Promise.all(answers.map((res) => res.text())));
    expect(bodies.size).toBe(1);
    expect(await rowsTitled("Raced")).toBe(1);
  });

  it("lets an allowed origin send the header (CORS preflight)", async () => {
    const res = await fetch(`${lean.url}/trpc/task.create`, {
      method: "OPTIONS",
      headers: {
        origin: "http://app.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, idempotency-key",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-headers")).toContain("idempotency-key");
  });
});
