export interface Scenario {
  id: "baseline" | "system.info" | "system.info x10 batch";
  /** What the row is, in the report. */
  label: string;
  /** Path and query, appended to the target server's URL. */
  path: string;
  /** Procedures answered by one request (10 for the batch). */
  procedures: number;
  target: "baseline" | "api";
}

export const BATCH_SIZE = 10;

/**
 * What @trpc/client's httpBatchLink puts in `input` for a query without input under
 * superjson: each entry is superjson.serialize(undefined).
 */
const noInput = { json: null, meta: { values: ["undefined"], v: 1 } };
const batchInput = Object.fromEntries(Array.from({ length: BATCH_SIZE }, (_, i) => [i, noInput]));

export const scenarios: Scenario[] = [
  {
    id: "baseline",
    label: "raw node:http JSON (baseline)",
    path: "/trpc/system.info",
    procedures: 1,
    target: "baseline",
  },
  {
    id: "system.info",
    label: "GET /trpc/system.info",
    path: "/trpc/system.info",
    procedures: 1,
    target: "api",
  },
  {
    id: "system.info x10 batch",
    label: `GET /trpc/system.info ×${BATCH_SIZE} (batch)`,
    path: `/trpc/${Array(BATCH_SIZE).fill("system.info").join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(batchInput))}`,
    procedures: BATCH_SIZE,
    target: "api",
  },
];

/** One request before the load: the scenario must answer 200 with the expected shape. */
export async function verifyScenario(scenario: Scenario, url: string): Promise<void> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  const text = await res.text();
  const fail = (why: string) =>
    new Error(`${scenario.id}: ${why} (HTTP ${res.status}): ${text.slice(0, 500)}`);
  if (res.status !== 200) throw fail("expected 200");
  const body = JSON.parse(text) as unknown;
  const results = scenario.procedures > 1 ? body : [body];
  if (!Array.isArray(results) || results.length !== scenario.procedures) {
    throw fail(`expected ${scenario.procedures} result(s)`);
  }
  for (const result of results as { result?: { data?: { json?: { name?: string } } } }[]) {
    if (result.result?.data?.json?.name !== "Tesseract") throw fail("unexpected result shape");
  }
}
