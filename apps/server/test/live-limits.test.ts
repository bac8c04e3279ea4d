import type { AddressInfo } from "node:net";
import { publishEvent } from "@tesseract/api";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  silentPino,
  type TestServices,
  type TestUser,
} from "@tesseract/api/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { createApiServer, type ApiServer } from "../src/server.ts";
import { nextOf, watch, wsClient } from "./live-clients.ts";

const MAX_BUFFERED = 64 * 1024;
let services: TestServices;
let api: ApiServer;
let url: string;
let owner: TestUser;
let orgId: string;

beforeAll(async () => {
  services = await createTestServices({
    CORS_ORIGINS: "http://app.test",
    LIVE_MAX_BUFFERED_BYTES: String(MAX_BUFFERED),
    LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: "2",
    LIVE_MAX_CONNECTIONS_PER_PERSON: "3",
  });
  api = createApiServer({ services, logger: silentPino });
  await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  owner = await insertTestUser(services, "Owner");
  orgId = (
    await createTestCaller(services, { headers: { cookie: owner.cookie } }).org.create({
      name: "Limits Org",
    })
  ).id;
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await api.shutdown();
});

/** The status a WebSocket upgrade is answered with (101 when it opens). */
const sockets: WebSocket[] = [];
function upgradeStatus(headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(`${url.replace("http", "ws")}/trpc`, { headers });
  sockets.push(socket);
  socket.on("error", () => undefined);
  return new Promise((resolve) => {
    socket.once("open", () => {
      resolve(101);
    });
    socket.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
  });
}

const taskEvent = (title: string) => ({
  type: "task.updated" as const,
  orgId,
  at: new Date(),
  actor: { personId: owner.id, name: "Owner" },
  task: {
    id: crypto.randomUUID(),
    key: "ENG-1",
    projectId: crypto.randomUUID(),
    title,
    status: "todo" as const,
    position: "a0",
  },
});

describe("live limits", () => {
  it("checks the Origin and the credentials before a WebSocket opens", async () => {
    expect(await upgradeStatus({ origin: "http://evil.test", cookie: owner.cookie })).toBe(403);
    expect(await upgradeStatus({})).toBe(401);
    expect(await upgradeStatus({ authorization: "Bearer tsr_not-a-real-token" })).toBe(401);
    expect(await upgradeStatus({ origin: "http://app.test", cookie: owner.cookie })).toBe(101);
  });

  it("bounds subscriptions per connection and connections per person", async () => {
    const { client, close } = wsClient(url, { cookie: owner.cookie });
    const open = [1, 2].map(() =>
      watch((handlers) => client.live.org.subscribe({ orgId, lastEventId: null }, handlers)),
    );
    // Published until both subscriptions are surely listening (each has had an event).
    const warmUp = setInterval(() => void publishEvent(services, taskEvent("warm-up")), 50);
    await Promise.all(open.map((w) => nextOf(w, "task.updated")));
    clearInterval(warmUp);
    const third = watch((handlers) => client.live.org.subscribe({ orgId }, handlers));
    expect((await third.ended).data?.code).toBe("TOO_MANY_REQUESTS");
    // This connection and the one the first test left open count; a third is the last allowed.
    await vi.waitFor(() => {
      expect(services.live.connections.total).toBe(2);
    });
    expect(await upgradeStatus({ cookie: owner.cookie })).toBe(101);
    expect(await upgradeStatus({ cookie: owner.cookie })).toBe(429);
    close();
    // Closed: the next test starts with this person's two other connections, one below the limit.
    await vi.waitFor(() => {
      expect(services.live.connections.total).toBe(2);
    });
  });

  it("drops a client that stops reading, and holds no more than its limit for it", async () => {
    const before = services.live.connections.total;
    const socket = new WebSocket(`${url.replace("http", "ws")}/trpc`, {
      headers: { cookie: owner.cookie },
    });
    await new Promise((resolve) => socket.once("open", resolve));
    const received = new Promise<void>((resolve) => {
      socket.on("message", (raw: Buffer) => {
        if (raw.toString().includes("task.updated")) resolve();
      });
    });
    const input = { json: { orgId, lastEventId: null } };
    socket.send(
      JSON.stringify({ id: 1, method: "subscription", params: { path: "live.org", input } }),
    );
    // Published until the subscription is surely listening (its first event arrives).
    const warmUp = setInterval(() => void publishEvent(services, taskEvent("warm-up")), 50);
    await received;
    clearInterval(warmUp);
    // The client stops reading; the server keeps publishing far more than the limit.
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = "x".repeat(32 * 1024);
    for (let i = 0; i < 400 && services.live.connections.total > before; i++)
      await publishEvent(services, taskEvent(big));
    await vi.waitFor(
      () => {
        expect(services.live.connections.total).toBe(before);
      },
      { timeout: 10_000 },
    );
    expect(api.liveSockets.size).toBe(before);
    socket.terminate();
  });

  it("refuses a message carrying more calls than an HTTP batch may, and runs none of them", async () => {
    const person = await insertTestUser(services, "Batcher");
    const { maxBatchSize } = services.config.server;
    const socket = new WebSocket(`${url.replace("http", "ws")}/trpc`, {
      headers: { cookie: person.cookie },
    });
    sockets.push(socket);
    await new Promise((resolve) => socket.once("open", resolve));
    const answers: { id: number | null; error?: { json: { message: string } } }[] = [];
    const answered = (count: number) =>
      new Promise<void>((resolve) => {
        socket.on("message", function onMessage(raw: Buffer) {
          answers.push(JSON.parse(raw.toString()) as (typeof answers)[number]);
          if (answers.length < count) return;
          socket.off("message", onMessage);
          resolve();
        });
      });
    const calls = (count: number, first: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: first + i,
        method: "mutation",
        params: { path: "org.create", input: { json: { name: `Batch ${first + i}` } } },
      }));
    // One over the limit: one refusal for the whole message, and not one organization made.
    let done = answered(1);
    socket.send(JSON.stringify(calls(maxBatchSize + 1, 0)));
    await done;
    expect(answers).toEqual([
      expect.objectContaining({
        id: null,
        error: expect.objectContaining({
          json: expect.objectContaining({
            message: `Send at most ${maxBatchSize} calls in one message`,
          }) as unknown,
        }) as unknown,
      }),
    ]);
    // At the limit: every call runs, and the refused message left nothing behind.
    answers.length = 0;
    done = answered(maxBatchSize);
    socket.send(JSON.stringify(calls(maxBatchSize, 100)));
    await done;
    expect(answers.filter((answer) => answer.error)).toEqual([]);
    const made = await services.db
      .selectFrom("memberships")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where("user_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(Number(made.count)).toBe(maxBatchSize);
    socket.terminate();
  });
});
