import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  type TestServices,
  type TestUser,
} from "@tesseract/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpClient, nextOf, taskEvent, watch, wsClient, type Watcher } from "./live-clients.ts";
import { servicesEnv, spawnServer, type ServerProcess } from "./process.ts";

// Two API server processes on their own ports, sharing one PostgreSQL database and one Redis
// key space, as two instances behind a load balancer would.
let services: TestServices;
let a: string;
let b: string;
const processes: ServerProcess[] = [];
let owner: TestUser;
let orgId: string;
let projectId: string;
const closers: (() => void)[] = [];

const as = (user: TestUser) => createTestCaller(services, { headers: { cookie: user.cookie } });

beforeAll(async () => {
  services = await createTestServices({ RATE_LIMIT_WRITES_PER_MINUTE: "100000" });
  const env = servicesEnv(services.config, { RATE_LIMIT_WRITES_PER_MINUTE: "100000" });
  for (let i = 0; i < 2; i++) processes.push(spawnServer("src/main.ts", env));
  [a, b] = (await Promise.all(processes.map((p) => p.ready))) as [string, string];
  owner = await insertTestUser(services, "Owner");
  orgId = (await as(owner).org.create({ name: "Live Org" })).id;
  projectId = (await as(owner).project.create({ orgId, name: "Live", key: "LIV" })).id;
}, 120_000);

afterAll(async () => {
  for (const close of closers) close();
  for (const p of processes) p.child.kill("SIGTERM");
  await Promise.all(processes.map((p) => p.exited));
  await services.close();
});

/**
 * A subscription to the project's events on `url`, from the start of the organization's
 * buffer: the first event (the project's creation) proves the listener is in place, since it
 * starts listening before it reads the buffer.
 */
async function followProject(
  transport: "ws" | "sse",
  url: string,
  headers: Record<string, string>,
  lastEventId = "0-0",
): Promise<Watcher> {
  const input = { orgId, projectId, lastEventId };
  let watcher: Watcher;
  if (transport === "ws") {
    const { client, close } = wsClient(url, headers);
    closers.push(close);
    watcher = watch((handlers) => client.live.project.subscribe(input, handlers));
  } else {
    const client = httpClient(url, headers);
    watcher = watch((handlers) => client.live.project.subscribe(input, handlers));
  }
  closers.push(() => {
    watcher.stop();
  });
  if (lastEventId === "0-0") await nextOf(watcher, "project.created");
  return watcher;
}

describe("live updates across two instances", () => {
  it.each(["ws", "sse"] as const)(
    "a change made through A reaches a subscriber on B (%s)",
    async (transport) => {
      const watcher = await followProject(transport, b, { cookie: owner.cookie });
      const task = await httpClient(a, { cookie: owner.cookie }).task.create.mutate({
        orgId,
        projectId,
        title: `Made on A for ${transport}`,
      });
      const created = await taskEvent(watcher, "task.created", task.id);
      expect(created.data.task).toMatchObject({ id: task.id, title: task.title, projectId });
      expect(created.data.actor).toEqual({ personId: owner.id, name: "Owner" });
      expect(created.data.at).toBeInstanceOf(Date);
      expect(created.id).toBe(created.data.id);
    },
  );

  it("refuses a subscription to another organization's project, or to a project not in the org", async () => {
    const stranger = await insertTestUser(services, "Stranger");
    const otherOrg = (await as(stranger).org.create({ name: "Other" })).id;
    const theirs = (await as(stranger).project.create({ orgId: otherOrg, name: "X", key: "XY" }))
      .id;
    const mine = httpClient(a, { cookie: owner.cookie });
    const refusal = (input: { orgId: string; projectId: string }) =>
      watch((handlers) => mine.live.project.subscribe(input, handlers)).ended;
    expect((await refusal({ orgId: otherOrg, projectId: theirs })).data?.code).toBe("NOT_FOUND");
    expect((await refusal({ orgId, projectId: theirs })).data?.code).toBe("NOT_FOUND");
    const anonymous = httpClient(a, {});
    const unsigned = watch((h) => anonymous.live.org.subscribe({ orgId }, h)).ended;
    expect((await unsigned).data?.code).toBe("UNAUTHORIZED");
  });

  it("resumes from lastEventId with every missed event, once, in order", async () => {
    const watcher = await followProject("sse", b, { cookie: owner.cookie });
    const first = await as(owner).task.create({ orgId, projectId, title: "before the gap" });
    const seen = await taskEvent(watcher, "task.created", first.id);
    watcher.stop();
    const missed: string[] = [];
    for (let i = 0; i < 5; i++)
      missed.push((await as(owner).task.create({ orgId, projectId, title: `missed ${i}` })).id);
    const resumed = await followProject("ws", a, { cookie: owner.cookie }, seen.id);
    const replayed: string[] = [];
    for (let i = 0; i < 5; i++) replayed.push((await nextOf(resumed, "task.created")).data.task.id);
    expect(replayed).toEqual(missed);
    // Nothing twice: the next event after the replay is a new one.
    const after = await as(owner).task.create({ orgId, projectId, title: "after" });
    expect((await nextOf(resumed, "task.created")).data.task.id).toBe(after.id);
  });
});

describe("streams end when access ends", () => {
  async function member(role: "member" | "viewer" = "member") {
    const user = await insertTestUser(services, `Member ${role}`);
    await services.db
      .insertInto("memberships")
      .values({ org_id: orgId, user_id: user.id, role })
      .execute();
    return user;
  }

  it("when the member is removed", async () => {
    const user = await member();
    const watcher = await followProject("ws", b, { cookie: user.cookie });
    await httpClient(a, { cookie: owner.cookie }).member.remove.mutate({ orgId, userId: user.id });
    expect((await watcher.ended).data?.code).toBe("FORBIDDEN");
  });

  it("when the session is revoked", async () => {
    const user = await member();
    const watcher = await followProject("sse", b, { cookie: user.cookie });
    await httpClient(a, { cookie: user.cookie }).auth.signOut.mutate();
    expect((await watcher.ended).data?.code).toBe("UNAUTHORIZED");
  });

  it("when the token is deleted", async () => {
    const { token, secret } = await as(owner).token.create({
      orgId,
      name: "live",
      role: "member",
      expiresInDays: null,
    });
    const watcher = await followProject("ws", b, { authorization: `Bearer ${secret}` });
    await as(owner).token.revoke({ orgId, tokenId: token.id });
    expect((await watcher.ended).data?.code).toBe("UNAUTHORIZED");
  });
});
