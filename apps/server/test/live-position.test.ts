import type { AddressInfo } from "node:net";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  silentPino,
  type TestServices,
  type TestUser,
} from "@tesseract/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer, type ApiServer } from "../src/server.ts";
import { httpClient, nextOf, taskEvent, watch, wsClient, type Watcher } from "./live-clients.ts";

// A page reads its organization's stream position before its data, then subscribes from it:
// whatever changed in between is replayed (real HTTP, WebSocket and SSE, PostgreSQL and Redis).
const REPLAY_LENGTH = 5;
let services: TestServices;
let api: ApiServer;
let url: string;
let owner: TestUser;
let stranger: TestUser;
let orgId: string;
let projectId: string;
let otherOrgId: string;
let otherProjectId: string;
const closers: (() => void)[] = [];

const as = (user: TestUser) => createTestCaller(services, { headers: { cookie: user.cookie } });
const ownerHttp = () => httpClient(url, { cookie: owner.cookie });

beforeAll(async () => {
  services = await createTestServices({
    CORS_ORIGINS: "http://app.test",
    LIVE_REPLAY_LENGTH: String(REPLAY_LENGTH),
    RATE_LIMIT_WRITES_PER_MINUTE: "100000",
  });
  api = createApiServer({ services, logger: silentPino });
  await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  owner = await insertTestUser(services, "Owner");
  stranger = await insertTestUser(services, "Stranger");
  orgId = (await as(owner).org.create({ name: "Position Org" })).id;
  projectId = (await as(owner).project.create({ orgId, name: "Position", key: "POS" })).id;
  otherOrgId = (await as(stranger).org.create({ name: "Other Org" })).id;
  otherProjectId = (
    await as(stranger).project.create({ orgId: otherOrgId, name: "Other", key: "OTH" })
  ).id;
});

afterAll(async () => {
  for (const close of closers) close();
  await api.shutdown();
});

/** The project's events from `lastEventId`, over `transport`, as the owner. */
function follow(transport: "ws" | "sse", lastEventId: string, project = projectId): Watcher {
  const input = { orgId, projectId: project, lastEventId };
  let watcher: Watcher;
  if (transport === "ws") {
    const socket = wsClient(url, { cookie: owner.cookie });
    closers.push(() => void socket.close());
    watcher = watch((handlers) => socket.client.live.project.subscribe(input, handlers));
  } else watcher = watch((handlers) => ownerHttp().live.project.subscribe(input, handlers));
  closers.push(() => {
    watcher.stop();
  });
  return watcher;
}

describe("live.position", () => {
  it.each(["ws", "sse"] as const)(
    "a subscription opened from it receives the change made after the read (%s)",
    async (transport) => {
      const { lastEventId } = await ownerHttp().live.position.query({ orgId });
      // The change falls between the page's read and its subscription.
      const task = await ownerHttp().task.create.mutate({
        orgId,
        projectId,
        title: `Between the read and the subscription (${transport})`,
      });
      const watcher = follow(transport, lastEventId);
      const created = await nextOf(watcher, "task.created");
      expect(created.data.task).toMatchObject({ id: task.id, title: task.title });
      expect(await ownerHttp().live.position.query({ orgId })).toEqual({ lastEventId: created.id });
      // And live ones after it, each once.
      const later = await as(owner).task.update({ orgId, taskId: task.id, title: "Renamed" });
      const updated = await taskEvent(watcher, "task.updated", task.id);
      expect(updated.data.task.title).toBe(later.title);
    },
  );

  it("is the start in an organization with no events yet, from which the first one is replayed", async () => {
    const quiet = (await as(owner).org.create({ name: "Quiet Org" })).id;
    const { lastEventId } = await ownerHttp().live.position.query({ orgId: quiet });
    expect(lastEventId).toBe("0-0");
    const socket = wsClient(url, { cookie: owner.cookie });
    closers.push(() => void socket.close());
    const watcher = watch((handlers) =>
      socket.client.live.org.subscribe({ orgId: quiet, lastEventId }, handlers),
    );
    closers.push(() => {
      watcher.stop();
    });
    // Subscribed from the start with nothing buffered: no reset, and what comes next arrives.
    const project = await as(owner).project.create({ orgId: quiet, name: "First", key: "FST" });
    const first = await watcher.next();
    expect(first.data).toMatchObject({ type: "project.created", project: { id: project.id } });
  });

  it("is the start, from which events lost to an expired buffer are a reset, and others a replay", async () => {
    const quiet = (await as(owner).org.create({ name: "Expiring Org" })).id;
    const { lastEventId: start } = await ownerHttp().live.position.query({ orgId: quiet });
    expect(start).toBe("0-0");
    const subscribe = () => {
      const watcher = watch((handlers) =>
        ownerHttp().live.org.subscribe({ orgId: quiet, lastEventId: start }, handlers),
      );
      closers.push(() => {
        watcher.stop();
      });
      return watcher;
    };
    // Nothing lost: the event made after the page's read is replayed as it was.
    const first = await as(owner).project.create({ orgId: quiet, name: "First", key: "FST" });
    const replayed = await subscribe().next();
    expect(replayed.data).toMatchObject({ type: "project.created", project: { id: first.id } });
    // The buffer expires (an idle day; deleting it is what the expiry does): the page at the
    // start never saw that event and cannot now, so it must refetch.
    await services.redis.client.del(`live:org:${quiet}`);
    const watcher = subscribe();
    const reset = await watcher.next();
    expect(reset.data).toMatchObject({ type: "stream.reset", orgId: quiet });
    // From the newest event it lost, so that its next reconnection replays from there.
    expect(reset.id).toBe(replayed.id);
    // Then live events as usual.
    const second = await as(owner).project.create({ orgId: quiet, name: "Second", key: "SND" });
    const next = await watcher.next();
    expect(next.data).toMatchObject({ type: "project.created", project: { id: second.id } });
  });

  it("a position the buffer no longer holds is answered with stream.reset", async () => {
    const { lastEventId } = await ownerHttp().live.position.query({ orgId });
    for (let i = 0; i <= REPLAY_LENGTH; i++)
      await as(owner).task.create({ orgId, projectId, title: `Flood ${i}` });
    const watcher = follow("sse", lastEventId);
    const reset = await watcher.next();
    expect(reset.data).toMatchObject({ type: "stream.reset", orgId });
    expect(reset.id).toBe((await ownerHttp().live.position.query({ orgId })).lastEventId);
  });

  it("is refused for another organization's stream, and another's id replays only one's own", async () => {
    const refusal = await ownerHttp()
      .live.position.query({ orgId: otherOrgId })
      .catch((error: unknown) => error as { data?: { code?: string; httpStatus?: number } });
    expect(refusal).toMatchObject({ data: { code: "NOT_FOUND", httpStatus: 404 } });
    // A stream id names a moment, not an organization: from another's position, a subscription
    // still carries only its own organization's events.
    await as(stranger).task.create({ orgId: otherOrgId, projectId: otherProjectId, title: "Old" });
    const theirs = await as(stranger).live.position({ orgId: otherOrgId });
    await as(stranger).task.create({ orgId: otherOrgId, projectId: otherProjectId, title: "No" });
    const mine = await as(owner).task.create({ orgId, projectId, title: "Mine" });
    const watcher = watch((handlers) =>
      ownerHttp().live.org.subscribe({ orgId, lastEventId: theirs.lastEventId }, handlers),
    );
    closers.push(() => {
      watcher.stop();
    });
    const first = await watcher.next();
    expect(first.data).toMatchObject({ orgId });
    expect(first.data).toMatchObject({ type: "task.created", task: { id: mine.id } });
    // And the other organization's project is not this organization's to follow.
    const foreign = follow("sse", theirs.lastEventId, otherProjectId);
    expect((await foreign.ended).data?.code).toBe("NOT_FOUND");
  });

  it.each([
    ["a malformed organization id", { orgId: "not-an-org" }],
    ["a NUL byte in the organization id", { orgId: "\u0000" }],
    ["no organization", {}],
  ])("answers %s with a 4xx", async (_name, input) => {
    const res = await fetch(
      `${url}/trpc/live.position?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
      { headers: { cookie: owner.cookie } },
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it.each([
    ["not a stream id", "latest"],
    ["a NUL byte", "1-0\u0000"],
    ["too long", `${"9".repeat(16)}-0`],
  ])("refuses a subscription whose lastEventId is %s, with a 400", async (_name, lastEventId) => {
    // Over SSE the refusal is the stream's one event (its response is already 200).
    for (const transport of ["ws", "sse"] as const) {
      const ended = await follow(transport, lastEventId).ended;
      expect(ended.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    }
  });
});
