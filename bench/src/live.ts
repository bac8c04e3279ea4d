import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { WebSocket } from "ws";
import { cleanupOnSignals, defer, runCleanup } from "./cleanup.ts";
import { readMemory } from "./rss.ts";
import { prepareServicesMode } from "./services.ts";
import { startApiServer } from "./start-server.ts";

// `pnpm bench:live`: live updates across two API instances sharing one Redis. Subscribers (half
// on each instance) follow one project over WebSocket; mutations go through instance A, and
// the latency from each mutation's answer to its delivery on instance B's subscribers is
// recorded (p50 / p99), with the memory an idle connection costs instance B.

const { values } = parseArgs({
  options: {
    subscribers: { type: "string", default: "1000" },
    mutations: { type: "string", default: "200" },
    out: { type: "string", default: new URL("../results", import.meta.url).pathname },
  },
});
const SUBSCRIBERS = Number(values.subscribers);
const MUTATIONS = Number(values.mutations);
const TARGET_P99_MS = 50;

cleanupOnSignals();
const mode = await prepareServicesMode();
const env = {
  ...mode.env,
  LIVE_MAX_CONNECTIONS_PER_PERSON: String(SUBSCRIBERS),
  API_MAX_CONNECTIONS: String(SUBSCRIBERS * 2),
};
// One after the other: each picks a free port, and two at once could pick the same.
const a = await startApiServer(env, "warn");
const b = await startApiServer(env, "warn");
for (const server of [a, b]) defer("stop API server", () => server.stop());

async function call<T>(url: string, path: string, input: unknown, cookie = ""): Promise<T> {
  const res = await fetch(`${url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ json: input }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { result: { data: { json: T } } };
  const setCookie = res.headers.getSetCookie()[0];
  if (setCookie) lastCookie = setCookie.split(";")[0]!;
  return body.result.data.json;
}
let lastCookie = "";
await call(a.url, "auth.signUp", {
  email: `bench-live-${Date.now()}@example.com`,
  password: "bench live password 1",
  name: "Bench",
});
const cookie = lastCookie;
const org = await call<{ id: string }>(a.url, "org.create", { name: "Live bench" }, cookie);
const project = await call<{ id: string }>(
  a.url,
  "project.create",
  { orgId: org.id, name: "Bench", key: "LB" },
  cookie,
);
const task = await call<{ id: string }>(
  a.url,
  "task.create",
  { orgId: org.id, projectId: project.id, title: "warm-up" },
  cookie,
);

/** Delivery times per mutation title, from subscribers on instance B. */
const deliveries = new Map<string, number[]>();
const sockets: WebSocket[] = [];
/** Subscribers (by index) a warm-up change has reached: each is surely listening. */
const warmed = new Set<number>();
const rssBefore = readMemory(b.pid).rssMiB;
async function subscribe(index: number, url: string, onB: boolean): Promise<void> {
  const socket = new WebSocket(`${url.replace("http", "ws")}/trpc`, { headers: { cookie } });
  sockets.push(socket);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const input = { json: { orgId: org.id, projectId: project.id, lastEventId: null } };
  socket.on("message", (raw: Buffer) => {
    const at = performance.now();
    const text = raw.toString();
    const title = /"title":"(m\d+|warm-up-\d+)"/.exec(text)?.[1];
    if (!title) return;
    if (title.startsWith("warm-up")) {
      warmed.add(index);
      return;
    }
    if (onB) deliveries.get(title)?.push(at);
  });
  socket.send(
    JSON.stringify({ id: 1, method: "subscription", params: { path: "live.project", input } }),
  );
}
for (let i = 0; i < SUBSCRIBERS; i++) await subscribe(i, i % 2 === 0 ? a.url : b.url, i % 2 === 1);

// Every subscription is listening once a warm-up change has reached each of them.
for (let round = 0; warmed.size < SUBSCRIBERS; round++) {
  if (round === 60) throw new Error(`only ${warmed.size} of ${SUBSCRIBERS} subscribers listening`);
  const title = `warm-up-${round}`;
  await call(a.url, "task.update", { orgId: org.id, taskId: task.id, title }, cookie);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
global.gc?.();
const rssIdle = readMemory(b.pid).rssMiB;
const perConnectionKiB = ((rssIdle - rssBefore) * 1024) / (SUBSCRIBERS / 2);

const latencies: number[] = [];
let missing = 0;
const onB = SUBSCRIBERS / 2;
for (let i = 0; i < MUTATIONS; i++) {
  const title = `m${i}`;
  const times: number[] = [];
  deliveries.set(title, times);
  await call(a.url, "task.update", { orgId: org.id, taskId: task.id, title }, cookie);
  const answeredAt = performance.now();
  // A delivery that has not come within 5 s counts as missing (reported), not as waited for.
  while (times.length < onB && performance.now() - answeredAt < 5_000)
    await new Promise((resolve) => setTimeout(resolve, 1));
  missing += onB - times.length;
  for (const at of times) latencies.push(Math.max(0, at - answeredAt));
}
latencies.sort((x, y) => x - y);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
const result = {
  at: new Date().toISOString(),
  commit: execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim(),
  node: process.version,
  cores: cpus().length,
  loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  subscribers: SUBSCRIBERS,
  mutations: MUTATIONS,
  deliveriesOnB: latencies.length,
  missingOnB: missing,
  p50Ms: Math.round(pct(0.5) * 10) / 10,
  p99Ms: Math.round(pct(0.99) * 10) / 10,
  maxMs: Math.round(latencies.at(-1)! * 10) / 10,
  idleConnectionKiB: Math.round(perConnectionKiB * 10) / 10,
  rssBMiB: { before: rssBefore, idle: rssIdle },
  targetP99Ms: TARGET_P99_MS,
};
const verdict = result.p99Ms < TARGET_P99_MS ? "MET" : "MISSED";
const markdown = `## Tesseract live-updates bench — ${result.at}

commit ${result.commit} · Node ${result.node} · ${result.cores} cores (load average ${result.loadAverage} at the end) · two API servers (services mode: PostgreSQL 15, Redis 7) · ${SUBSCRIBERS} WebSocket subscribers to one project, half on each · ${MUTATIONS} task updates through instance A, one at a time

| measure | value |
| --- | ---: |
| mutation answered → delivered on instance B, p50 | ${result.p50Ms} ms |
| p99 | ${result.p99Ms} ms |
| max | ${result.maxMs} ms |
| deliveries measured (missing after 5 s) | ${result.deliveriesOnB} (${result.missingOnB}) |
| memory per idle WebSocket connection (instance B's RSS growth / its connections) | ${result.idleConnectionKiB} KiB |

Target: p99 < ${TARGET_P99_MS} ms: **${verdict}**. An event published before the answer was sent counts as 0 ms.
`;
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, "live-latest.json"), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(values.out, "live-latest.md"), markdown);
process.stdout.write(markdown);
for (const socket of sockets) socket.terminate();
await runCleanup();
process.exit(0);
