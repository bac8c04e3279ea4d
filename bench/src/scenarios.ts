import type { Fixtures } from "./seed.ts";
import { TASK_LIST_INPUT } from "./task-input.ts";

/** Which server a run loads: the raw baseline, or the API server on one of its adapters. */
export type Target = "raw" | "lean" | "stock" | "uncached" | "metrics" | "traced" | "uncapped";

export type RawId = "raw-http" | "raw-redis-pg" | "raw-pg" | "raw-tasks";
export type WorkloadId = "no-input" | "batch10" | "authed" | "db" | "tasks" | "create";

export interface Run {
  /** Unique per run: `no-input/lean`, `raw-http`… */
  key: string;
  workload: WorkloadId | RawId;
  target: Target;
  label: string;
  /** Procedures answered by one request (10 for the batch). */
  procedures: number;
  request(fixtures: Fixtures): {
    path: string;
    headers: Record<string, string>;
    method?: "GET" | "POST";
    body?: string;
  };
  /** Checks one answer's parsed body; returns what is wrong, or undefined. */
  check(body: unknown, fixtures: Fixtures): string | undefined;
}

export const BATCH_SIZE = 10;

/** The superjson envelope tRPC's query input uses: `?input=` + serialize(value). */
const input = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));
/**
 * What @trpc/client's httpBatchLink puts in `input` for a query without input under
 * superjson: each entry is superjson.serialize(undefined).
 */
const noInput = { json: null, meta: { values: ["undefined"], v: 1 } };
const batchInput = encodeURIComponent(
  JSON.stringify(Object.fromEntries(Array.from({ length: BATCH_SIZE }, (_, i) => [i, noInput]))),
);

type Json = { result?: { data?: { json?: Record<string, unknown> } } };
const dataOf = (body: unknown) => (body as Json | undefined)?.result?.data?.json;

const isInfo = (body: unknown) =>
  dataOf(body)?.name === "Tesseract" ? undefined : "expected system.info's result";
const isBatchOfInfo = (body: unknown) =>
  Array.isArray(body) && body.length === BATCH_SIZE && body.every((item) => !isInfo(item))
    ? undefined
    : `expected ${BATCH_SIZE} system.info results`;
const isOrg = (body: unknown, f: Fixtures) =>
  dataOf(body)?.id === f.orgId && dataOf(body)?.role === "owner"
    ? undefined
    : "expected the seeded organization, role owner";
const isPreview = (body: unknown) =>
  dataOf(body)?.orgName === "Bench Org" && dataOf(body)?.status === "pending"
    ? undefined
    : "expected the seeded invitation, pending";

const isTaskPage = (body: unknown) => {
  const items = (dataOf(body) as { items?: unknown[] } | undefined)?.items;
  return Array.isArray(items) && items.length === TASK_LIST_INPUT.limit
    ? undefined
    : `expected ${TASK_LIST_INPUT.limit} tasks`;
};
const isCreatedTask = (body: unknown) =>
  dataOf(body)?.title === "Bench task" ? undefined : "expected the created task";

interface Workload {
  id: WorkloadId;
  label: string;
  procedures: number;
  request: Run["request"];
  check: Run["check"];
}

const workloads: Record<WorkloadId, Workload> = {
  "no-input": {
    id: "no-input",
    label: "no-input query: GET system.info",
    procedures: 1,
    request: () => ({ path: "/trpc/system.info", headers: {} }),
    check: isInfo,
  },
  batch10: {
    id: "batch10",
    label: `batch of ${BATCH_SIZE}: system.info ×${BATCH_SIZE}`,
    procedures: BATCH_SIZE,
    request: () => ({
      path: `/trpc/${Array(BATCH_SIZE).fill("system.info").join(",")}?batch=1&input=${batchInput}`,
      headers: {},
    }),
    check: isBatchOfInfo,
  },
  authed: {
    id: "authed",
    label: "authenticated query: org.get (session → zod → membership → row → superjson)",
    procedures: 1,
    request: (f) => ({
      path: `/trpc/org.get?input=${input({ orgId: f.orgId })}`,
      headers: { cookie: f.cookie },
    }),
    check: isOrg,
  },
  db: {
    id: "db",
    label: "single-row database query: invitation.preview",
    procedures: 1,
    request: (f) => ({
      path: `/trpc/invitation.preview?input=${input({ token: f.inviteToken })}`,
      headers: {},
    }),
    check: isPreview,
  },
  tasks: {
    id: "tasks",
    label: "task.list over the seeded demo data (50 of 3,000 tasks, by position)",
    procedures: 1,
    request: (f) => ({
      path: `/trpc/task.list?input=${input({ orgId: f.demoOrgId, projectId: f.demoProjectId, ...TASK_LIST_INPUT })}`,
      headers: { cookie: f.cookie },
    }),
    check: isTaskPage,
  },
  create: {
    id: "create",
    label:
      "task.create (a POST mutation: numbering, position, insert, activity, cache invalidation)",
    procedures: 1,
    request: (f) => ({
      path: "/trpc/task.create",
      method: "POST",
      body: JSON.stringify({
        json: { orgId: f.demoOrgId, projectId: f.demoProjectId, title: "Bench task" },
      }),
      headers: { cookie: f.cookie, "content-type": "application/json" },
    }),
    check: isCreatedTask,
  },
};

const raws: Record<RawId, Omit<Run, "key" | "target" | "workload">> = {
  "raw-http": {
    label: "raw node:http: system.info's body",
    procedures: 1,
    request: () => ({ path: "/info", headers: {} }),
    check: isInfo,
  },
  "raw-redis-pg": {
    label: "raw http + redis + pg: org.get's session read and 3 queries",
    procedures: 1,
    request: (f) => ({ path: `/org?orgId=${f.orgId}`, headers: { cookie: f.cookie } }),
    check: isOrg,
  },
  "raw-pg": {
    label: "raw http + pg: invitation.preview's query",
    procedures: 1,
    request: (f) => ({
      path: `/preview?token=${encodeURIComponent(f.inviteToken)}`,
      headers: {},
    }),
    check: isPreview,
  },
  "raw-tasks": {
    label: "raw http + pg: task.list's query (the same listTasks function)",
    procedures: 1,
    request: (f) => ({
      path: `/tasks?orgId=${f.demoOrgId}&projectId=${f.demoProjectId}`,
      headers: {},
    }),
    check: isTaskPage,
  },
};

/** The raw server each workload is compared with (by CPU profile, too). */
export const RAW_COUNTERPART: Record<WorkloadId, RawId> = {
  "no-input": "raw-http",
  batch10: "raw-http",
  authed: "raw-redis-pg",
  db: "raw-pg",
  tasks: "raw-tasks",
  create: "raw-http",
};

export function raw(id: RawId): Run {
  return { key: id, workload: id, target: "raw", ...raws[id] };
}

export const WORKLOADS = Object.keys(workloads) as WorkloadId[];

export function api(id: WorkloadId, target: Exclude<Target, "raw">): Run {
  const { label, procedures, request, check } = workloads[id];
  return { key: `${id}/${target}`, workload: id, target, label, procedures, request, check };
}

/**
 * Every run, in report order, and the groups measured together (interleaved second by second,
 * see load.ts): each workload with the raw server it is compared with, lean and stock.
 */
export const runs: Run[] = [
  raw("raw-http"),
  api("no-input", "lean"),
  api("no-input", "stock"),
  api("no-input", "metrics"),
  api("no-input", "traced"),
  api("no-input", "uncapped"),
  api("batch10", "lean"),
  api("batch10", "stock"),
  raw("raw-redis-pg"),
  api("authed", "lean"),
  api("authed", "stock"),
  api("authed", "metrics"),
  api("authed", "traced"),
  api("authed", "uncapped"),
  raw("raw-pg"),
  api("db", "lean"),
  api("db", "stock"),
  raw("raw-tasks"),
  api("tasks", "lean"),
  api("tasks", "uncached"),
  api("create", "lean"),
];

export const groups: string[][] = [
  // Issue 13's runs sit in the same groups as the lean server without metrics or tracing:
  // "metrics" has METRICS_PORT set, "traced" exports its sampled spans over OTLP as well, with
  // production's sampler; "uncapped" is "traced" without the cap on new traces a second.
  [
    "raw-http",
    "no-input/lean",
    "no-input/stock",
    "no-input/metrics",
    "no-input/traced",
    "no-input/uncapped",
    "batch10/lean",
    "batch10/stock",
  ],
  [
    "raw-redis-pg",
    "authed/lean",
    "authed/stock",
    "authed/metrics",
    "authed/traced",
    "authed/uncapped",
  ],
  ["raw-pg", "db/lean", "db/stock"],
  // Issue 4: the same query cached, uncached (CACHE_ENABLED=false) and raw; then writes.
  ["raw-tasks", "tasks/lean", "tasks/uncached"],
  ["create/lean"],
];

/** One request before the load: the run must answer 200 with the expected result. */
export async function verifyRun(run: Run, baseUrl: string, fixtures: Fixtures): Promise<void> {
  const { path, headers, method, body } = run.request(fixtures);
  const res = await fetch(`${baseUrl}${path}`, {
    headers,
    method: method ?? "GET",
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.text();
  const fail = (why: string) =>
    new Error(`${run.key}: ${why} (HTTP ${res.status}): ${text.slice(0, 500)}`);
  if (res.status !== 200) throw fail("expected 200");
  const problem = run.check(JSON.parse(text) as unknown, fixtures);
  if (problem) throw fail(problem);
}
