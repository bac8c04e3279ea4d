/**
 * The API fuzz suite: every procedure of `appRouter` (enumerated from the router, so a new one
 * is fuzzed without edits here) gets generated bad input over real HTTP, on both adapters,
 * from an organization owner (so organization procedures get past membership) and from an
 * anonymous caller. It fails on any 5xx and on any body that holds a stack, a path, SQL or a
 * JavaScript error message (see leaks.ts). Refusals (4xx) and successes are both fine.
 *
 * FUZZ_RUNS (default 12) sets the generated cases per procedure and caller; a failure prints
 * the FUZZ_SEED that replays it.
 */
import { randomBytes } from "node:crypto";
import { METHODS, request } from "node:http";
import { appRouter } from "@tesseract/api";
import { createTestCaller, insertTestAttachment, insertTestUser } from "@tesseract/api/testing";
import { loadTestConfig } from "@tesseract/config";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { LEAKS } from "./leaks.ts";
import { startSiblingServer, startTestServer, type TestServer } from "./helpers.ts";

const { fuzzRuns, fuzzSeed } = loadTestConfig();
const PASSWORD = "fuzzing password 123";

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] };
}
const PROCEDURES = Object.entries(
  appRouter._def.procedures as unknown as Record<string, ProcedureDef>,
).map(([path, procedure]) => ({
  path,
  type: procedure._def.type,
  inputs: procedure._def.inputs,
  hasInput: procedure._def.inputs.length > 0,
}));

/** The keys a procedure's input schemas name (objects, unions of objects, pipes), to aim at. */
function inputKeys(inputs: z.ZodType[]): string[] {
  const keys = new Set<string>();
  const walk = (schema: unknown): void => {
    if (!schema || typeof schema !== "object") return;
    const s = schema as { shape?: object; options?: unknown[]; _zod?: { def?: { in?: unknown } } };
    if (s.shape) for (const key of Object.keys(s.shape)) keys.add(key);
    s.options?.forEach(walk);
    walk(s._zod?.def?.in);
  };
  inputs.forEach(walk);
  return [...keys];
}

/**
 * The shared seed cut down to a procedure's own keys, minus those its schemas refuse (a
 * status where a list of statuses is expected, say), so the baseline is a valid input.
 */
function seedFor(inputs: z.ZodType[], shared: Seed): Seed {
  const keys = inputKeys(inputs);
  let entries = keys.length
    ? keys.filter((k) => k in shared).map((k) => [k, shared[k]] as const)
    : Object.entries(shared);
  for (let round = 0; round < 3; round++) {
    const seed = Object.fromEntries(entries);
    const refused = new Set(
      inputs.flatMap((schema) => schema.safeParse(seed).error?.issues.map((i) => i.path[0]) ?? []),
    );
    entries = entries.filter(([k]) => !refused.has(k));
  }
  return Object.fromEntries(entries);
}

type CallerKind = "owner" | "anonymous";

/** Procedures not fuzzed for a caller, each with the reason. Everything else is. */
const SKIP: Partial<Record<string, Partial<Record<CallerKind, string>>>> = {
  "auth.signOut": {
    owner: "it ends the session every other owner case runs on (it takes no input to fuzz)",
  },
  "dev.seedDemo": {
    owner:
      "it loads the whole demo data set (seconds per call) and takes no input; anonymous calls are fuzzed",
  },
};

let lean: TestServer;
let stock: TestServer;
let ownerCookie: string;
let ownerId: string;
let ownerEmail: string;
let orgId: string;

beforeAll(async () => {
  lean = await startTestServer({
    RATE_LIMIT_READS_PER_MINUTE: "1000000",
    RATE_LIMIT_WRITES_PER_MINUTE: "1000000",
    RATE_LIMIT_SEARCHES_PER_MINUTE: "1000000",
    RATE_LIMIT_SIGN_IN_PER_IP: "1000000",
    RATE_LIMIT_ORG_CREATES_PER_HOUR: "1000000",
    RATE_LIMIT_VERIFICATION_EMAILS_PER_HOUR: "1000000",
  });
  stock = await startSiblingServer(lean.services, "stock");
  // A real account (a real password hash), so password procedures run their whole path.
  ownerEmail = `fuzz-owner-${Date.now()}@example.com`;
  const { user } = await createTestCaller(lean.services).auth.signUp({
    email: ownerEmail,
    password: PASSWORD,
    name: "Fuzz Owner",
  });
  ownerId = user.id;
  await freshSession();
  orgId = (await owner().org.create({ name: "Fuzz Org" })).id;
});
afterAll(async () => {
  await stock?.close();
  await lean?.close();
});

const owner = () => createTestCaller(lean.services, { headers: { cookie: ownerCookie } });

let keyCounter = 0;

/**
 * Fresh things to act on (a project, task, comment, invitation, token and a member), so a
 * procedure that deletes or archives cannot starve the ones after it.
 */
/** A new owner session: signing up or in with the owner's cookie rightly ends the old one. */
async function freshSession(): Promise<void> {
  const { secret } = await lean.services.sessions.create(ownerId, { ip: null, userAgent: null });
  ownerCookie = `${lean.services.config.sessions.cookieName}=${secret}`;
}

let untouched: Seed | undefined;

/**
 * What a procedure acts on: the owner's mutations get things of their own (they may delete
 * them); queries and anonymous callers, who change nothing of the owner's, share one set.
 */
async function fixtureFor(caller: CallerKind, type: string): Promise<Seed> {
  await freshSession();
  if (caller === "owner" && type === "mutation") return freshFixture();
  untouched ??= await freshFixture();
  return untouched;
}

async function freshFixture(): Promise<Seed> {
  const key = `FZ${++keyCounter}`;
  const project = await owner().project.create({ orgId, name: `Fuzz ${key}`, key });
  const label = await owner().label.create({ orgId, name: `fuzz ${key}`, colour: "green" });
  const task = await owner().task.create({
    orgId,
    projectId: project.id,
    title: "Fuzz task",
    labelIds: [label.id],
  });
  const comment = await owner().comment.create({ orgId, taskId: task.id, body: "Fuzz comment" });
  const subtask = await owner().task.create({
    orgId,
    projectId: project.id,
    title: "Fuzz sub-task",
  });
  const relation = await owner().relation.add({
    orgId,
    taskId: task.id,
    kind: "blocks",
    otherTaskId: subtask.id,
  });
  const status = await owner().status.create({
    orgId,
    projectId: project.id,
    name: "Fuzz review",
    category: "started",
  });
  const done = (await owner().status.list({ orgId, projectId: project.id })).find(
    (s) => s.category === "completed",
  )!;
  // Written directly: invitation.create sends an email and has an hourly budget per organization.
  const invitation = await lean.services.db
    .insertInto("invitations")
    .values({
      org_id: orgId,
      email: `invitee-${key.toLowerCase()}@example.com`,
      role: "member",
      token_hash: randomBytes(32).toString("hex"),
      invited_by: ownerId,
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { token } = await owner().token.create({
    orgId,
    name: `fuzz ${key}`,
    role: "member",
    expiresInDays: 30,
  });
  const member = await insertTestUser(lean.services, "Fuzz Member");
  await lean.services.db
    .insertInto("memberships")
    .values({ org_id: orgId, user_id: member.id, role: "member" })
    .execute();
  const view = await owner().view.create({
    orgId,
    projectId: project.id,
    name: `Fuzz view ${key}`,
    filters: { status: ["todo"], q: "fuzz" },
  });
  const attachment = await insertTestAttachment(lean.services, {
    orgId,
    taskId: task.id,
    uploaderId: ownerId,
    status: "ready",
  });
  // One valid-looking input for every procedure at once: zod objects drop the keys they do not
  // know, so each procedure picks its own. Destructive confirmations are deliberately wrong.
  return {
    orgId,
    projectId: project.id,
    taskId: task.id,
    taskIds: [task.id],
    commentId: comment.id,
    otherTaskId: subtask.id,
    relationId: relation.id,
    kind: "relates_to",
    blocked: true,
    invitationId: invitation.id,
    tokenId: token.id,
    userId: member.id,
    assigneeId: ownerId,
    ref: `${key}-1`,
    name: "Fuzz name",
    title: "Fuzz title",
    body: "Fuzz body",
    description: "Fuzz description",
    query: "fuzz",
    key: `${key}X`,
    email: `fuzz-${key.toLowerCase()}@example.com`,
    password: "wrong password 123",
    currentPassword: "wrong password 123",
    newPassword: "another password 456",
    role: "member",
    expiresInDays: 30,
    status: "todo",
    priority: "high",
    labelIds: [label.id],
    labelId: label.id,
    addLabelId: label.id,
    removeLabelId: label.id,
    colour: "purple",
    dueDate: "2026-12-31",
    sort: "priority",
    order: "asc",
    limit: 10,
    cursor: null,
    token: "a".repeat(43),
    sessionId: "0".repeat(64),
    confirmName: "not the organization's name",
    confirmKey: "NOPE",
    includeArchived: true,
    attachmentId: attachment.id,
    fileName: "fuzz notes.txt",
    contentType: "text/plain",
    size: 5,
    variant: "original",
    afterId: null,
    beforeId: null,
    viewId: view.id,
    filters: { priority: ["high"], sort: "due", direction: "asc" },
    shared: true,
    relation: "assigned",
    statusId: status.id,
    statusIds: [status.id],
    moveTasksTo: done.id,
    category: "started",
  };
}

type Seed = Record<string, unknown>;

// --- Generators -------------------------------------------------------------------------------

const loneSurrogates = fc.constantFrom("\udfff\ud800", "\ud800", "a\udc00b", "\ud83d");
/** Strings the fuzzer sends, some of which a procedure may rightly store and answer back. */
const NASTY_TEXTS = [
  "a\u0000b",
  "\u0000",
  "",
  "   ",
  "%",
  "%E0%A4%A",
  "'; select * from users; --",
  "__proto__",
  "constructor",
  "0000-00-00",
  "2026-02-30",
  "NaN",
  "-1",
  "9".repeat(40),
  "\u202e\u0301",
  "😀".repeat(300),
];
const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_TEXTS),
  loneSurrogates,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constant("x".repeat(5_000)),
  fc.constant("y".repeat(100_000)),
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, 2 ** 63, 0.5),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(nastyString, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 3 }),
);

const base64url = (text: string) => Buffer.from(text).toString("base64url");
const malformedCursor = fc.oneof(
  fc
    .tuple(fc.oneof(nastyString, nastyNumber, fc.constant(null)), nastyString)
    .map((t) => base64url(JSON.stringify(t))),
  fc.jsonValue({ maxDepth: 2 }).map((v) => base64url(JSON.stringify(v))),
  fc.constantFrom(
    base64url('["x","y"]'),
    base64url('["2026-13-45 99:99:99+00","7f1c4c8e-7a4e-4b8e-9f0a-2b1f5a1c9d00"]'),
    base64url('["99999999","7f1c4c8e-7a4e-4b8e-9f0a-2b1f5a1c9d00"]'),
    base64url('["a\\u0000b","7f1c4c8e-7a4e-4b8e-9f0a-2b1f5a1c9d00"]'),
    base64url("not json"),
    "!!!",
    "%%",
  ),
  fc.string({ maxLength: 300 }),
);

/** superjson type annotations, valid and not, for the meta of a value. */
const metaAnnotation = fc.oneof(
  fc.constantFrom(
    ["bigint"],
    ["Date"],
    ["map"],
    ["set"],
    ["undefined"],
    ["regexp"],
    ["number"],
    ["Error"],
    ["symbol", "nope"],
    ["class", "Nope"],
    ["custom", "nope"],
    ["typed-array", "Uint8Array"],
    ["nope"],
    [],
    "bigint",
    null,
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const annotatedValue = fc.oneof(
  fc.constantFrom("123", "abc", "1e400", "2026-01-01T00:00:00Z", "not a date", ""),
  fc.constantFrom([["k", "v"]], [1, 2], [[1]], {}, [], 1.2345678901234567e19),
  nastyValue,
);

/** A request input: an envelope for tRPC (`{ json, meta }`) or raw text that may not be JSON. */
type Input = { envelope: unknown } | { raw: string };

const pickKey = (seed: Seed) =>
  Object.keys(seed).length
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...Object.keys(seed)) },
        fc.string({ maxLength: 10 }),
      )
    : fc.string({ maxLength: 10 });

function mutations(seed: Seed): fc.Arbitrary<Input> {
  const withJson = (json: unknown, meta?: unknown): Input => ({
    envelope: meta === undefined ? { json } : { json, meta },
  });
  return fc.oneof(
    // the valid input, as a baseline
    fc.constant(withJson(seed)),
    // one field replaced by something nasty (strings with NUL/lone surrogates/huge, wrong types)
    fc.tuple(pickKey(seed), nastyValue).map(([k, v]) => withJson({ ...seed, [k]: v })),
    // several fields replaced at once
    fc
      .array(fc.tuple(pickKey(seed), nastyValue), { minLength: 2, maxLength: 5 })
      .map((pairs) => withJson({ ...seed, ...Object.fromEntries(pairs) })),
    // a field removed
    pickKey(seed).map((k) => {
      const { [k]: _, ...rest } = seed;
      return withJson(rest);
    }),
    // unknown keys, including prototype-looking ones
    fc
      .dictionary(
        fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype"), fc.string()),
        nastyValue,
        { minKeys: 1, maxKeys: 4 },
      )
      .map((extra) => withJson({ ...seed, ...extra })),
    // malformed cursors, for every sort
    fc
      .tuple(malformedCursor, fc.constantFrom("created", "updated", "priority", "due", "position"))
      .map(([cursor, sort]) => withJson({ ...seed, cursor, sort })),
    // a superjson type (BigInt, Date, Map, ...) under a known or an unknown key, right or wrong
    fc
      .tuple(pickKey(seed), annotatedValue, metaAnnotation)
      .map(([k, v, annotation]) => withJson({ ...seed, [k]: v }, { values: { [k]: annotation } })),
    // malformed meta as a whole
    fc
      .oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.jsonValue({ maxDepth: 3 }).map((values) => ({ values })),
        fc
          .dictionary(fc.string(), fc.array(fc.string(), { maxLength: 3 }))
          .map((referentialEqualities) => ({ referentialEqualities })),
      )
      .map((meta) => withJson(seed, meta)),
    // the whole input replaced
    fc.jsonValue({ maxDepth: 4 }).map((json) => withJson(json)),
    fc.jsonValue({ maxDepth: 3 }).map((envelope) => ({ envelope })),
    // text that is not JSON, or JSON nested past any recursive decoder's stack
    fc.oneof(
      fc.string({ maxLength: 60 }).map((raw) => ({ raw })),
      fc
        .constantFrom(
          '{"json":',
          '{"json":{"orgId":"x"}',
          "[",
          "null",
          "",
          `{"json":{},"meta":{"values":${'{"a":'.repeat(10_000)}["nope"]${"}".repeat(10_000)}}}`,
          `{"json":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
        )
        .map((raw) => ({ raw })),
    ),
  );
}

/** The caller's credentials, or malformed ones in their place. */
function headersFor(caller: CallerKind): fc.Arbitrary<Record<string, string>> {
  const own: Record<string, string> = caller === "owner" ? { cookie: ownerCookie } : {};
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(own) },
    fc
      .constantFrom(
        "tesseract_session=%E0%A4%A",
        "tesseract_session=%",
        "tesseract_session=",
        "tesseract_session",
        "=;;=",
        "tesseract_session=a; tesseract_session=%zz",
        `tesseract_session=${"x".repeat(4_000)}`,
      )
      .map((cookie) => ({ ...own, cookie })),
    fc
      .oneof(
        fc.constantFrom(
          "Bearer",
          "Bearer ",
          "Bearer tsr_",
          "Bearer tsr_not-a-real-token-000000",
          "Basic dXNlcjpwYXNz",
          "bearer x",
          `Bearer ${"a".repeat(300)}`,
        ),
        fc.string({ maxLength: 40 }).map((s) => `Bearer ${s.replace(/[\r\n]/g, "")}`),
      )
      .map((authorization) => ({ ...own, authorization })),
    // Idempotency keys, well-formed or not (a reused one meets another input: 422, never a 5xx).
    fc
      .oneof(
        fc.constantFrom("", " ", "k".repeat(256), "caf\u00e9", "a b", "\u00ff".repeat(8), "same"),
        fc.string({ maxLength: 300 }),
        fc.uuid(),
      )
      .map((key) => ({ ...own, "idempotency-key": key })),
  );
}

/**
 * Cases every run sends (the random ones come on top): each of the procedure's fields with NUL,
 * lone surrogates or a huge string, the known malformed cursors, and superjson types under
 * known and unknown keys.
 */
function systematicCases(seed: Seed, type: string): Case[] {
  const own = { cookie: ownerCookie };
  const cases: Case[] = [];
  const add = (envelope: unknown) =>
    cases.push({
      input: { envelope },
      headers: own,
      adapter: cases.length % 2 ? "stock" : "lean",
      batch: false,
    });
  add({ json: seed });
  for (const key of Object.keys(seed)) {
    for (const broken of ["a\u0000b", "\udfff\ud800"])
      add({ json: { ...seed, [key]: Array.isArray(seed[key]) ? [broken] : broken } });
  }
  // Every field at once far past its limit (a query's input rides in the URL: shorter there).
  const huge = "x".repeat(type === "query" ? 3_000 : 100_000);
  add({ json: Object.fromEntries(Object.keys(seed).map((k) => [k, huge])) });
  if ("cursor" in seed) {
    const sorts =
      "sort" in seed ? ["created", "updated", "priority", "due", "position"] : [undefined];
    for (const values of [
      ["x", "y"],
      ["2026-13-01 00:00:00+00", "7f1c4c8e-7a4e-4b8e-9f0a-2b1f5a1c9d00"],
      [1, 2],
    ])
      for (const sort of sorts)
        add({ json: { ...seed, sort, cursor: base64url(JSON.stringify(values)) } });
  }
  for (const key of [Object.keys(seed)[0] ?? "orgId", "unknownKey"]) {
    for (const annotation of [["bigint"], ["Date"], ["map"], ["nope"]])
      add({ json: { ...seed, [key]: "123" }, meta: { values: { [key]: annotation } } });
  }
  add({ json: seed, meta: { values: { a: ["nope"] } } });
  add({ json: seed, meta: { referentialEqualities: { "x.y": ["z"] } } });
  return cases;
}

// --- Requests --------------------------------------------------------------------------------

interface Case {
  input: Input;
  headers: Record<string, string>;
  adapter: "lean" | "stock";
  batch: boolean;
}

async function send(
  path: string,
  type: string,
  c: Case,
): Promise<{ status: number; body: string }> {
  const server = c.adapter === "lean" ? lean : stock;
  let text = "raw" in c.input ? c.input.raw : JSON.stringify(c.input.envelope);
  if (c.batch && !("raw" in c.input)) text = `{"0":${text}}`;
  const query = c.batch ? "?batch=1" : "";
  const headers: Record<string, string> = {};
  // fetch refuses header values it cannot send; such a header is simply left out.
  for (const [name, value] of Object.entries(c.headers))
    if (/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) headers[name] = value;
  if (type === "subscription") {
    // Served over SSE, as httpSubscriptionLink asks for it.
    const res = await fetch(
      `${server.url}/trpc/${path}${query}${query ? "&" : "?"}input=${encodeURIComponent(text)}`,
      { headers: { ...headers, accept: "text/event-stream" } },
    );
    return { status: res.status, body: await firstMoments(res) };
  }
  const res =
    type === "query"
      ? await fetch(
          `${server.url}/trpc/${path}${query}${query ? "&" : "?"}input=${encodeURIComponent(text)}`,
          { headers },
        )
      : await fetch(`${server.url}/trpc/${path}${query}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: text,
        });
  return { status: res.status, body: await res.text() };
}

/**
 * What an SSE subscription answers: it opens with `connected`, and a refusal follows at once
 * as a `serialized-error` that ends it. An allowed stream stays open waiting for events, so
 * its first moments are read and then it is hung up on.
 */
async function firstMoments(res: Response): Promise<string> {
  if (!res.headers.get("content-type")?.includes("text/event-stream")) return res.text();
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const hangUp = setTimeout(() => void reader.cancel().catch(() => undefined), 200);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value as Uint8Array, { stream: true });
      if (text.includes("event: serialized-error")) break;
    }
  } finally {
    clearTimeout(hangUp);
    await reader.cancel().catch(() => undefined);
  }
  return text;
}

function check(path: string, c: Case, res: { status: number; body: string }): void {
  const where = `${path} on ${c.adapter}${c.batch ? " (batch)" : ""}`;
  // A stream's error rides in its body: a 5xx there is as much a failure as a 5xx status.
  if (/"httpStatus":5\d\d/.test(res.body))
    throw new Error(`${where} streamed a 5xx: ${res.body.slice(0, 500)}`);
  if (res.status >= 500)
    throw new Error(`${where} answered ${res.status}: ${res.body.slice(0, 500)}`);
  // A valid string the fuzzer stored (a name of "'; select * from users; --") and gets back in
  // later answers is its own data, not a leak: only what is left is searched.
  const body = NASTY_TEXTS.reduce(
    (text, sent) =>
      sent.length > 3 ? text.replaceAll(JSON.stringify(sent).slice(1, -1), "") : text,
    res.body,
  );
  for (const pattern of LEAKS) {
    if (pattern.test(body))
      throw new Error(`${where} leaked ${String(pattern)}: ${res.body.slice(0, 500)}`);
  }
}

describe("fuzzing every procedure over HTTP", () => {
  it("enumerates the router (a new procedure is fuzzed without edits)", () => {
    expect(PROCEDURES.length).toBeGreaterThan(40);
    for (const path of Object.keys(SKIP)) expect(PROCEDURES.map((p) => p.path)).toContain(path);
  });

  for (const { path, type, inputs, hasInput } of PROCEDURES) {
    for (const caller of ["owner", "anonymous"] as const) {
      const skipped = SKIP[path]?.[caller];
      if (skipped) {
        it.skip(`${path} · ${caller}: ${skipped}`, () => {});
        continue;
      }
      it(
        `${path} · ${caller}`,
        async () => {
          const seed = seedFor(inputs, await fixtureFor(caller, type));
          const examples =
            caller === "owner" && hasInput
              ? systematicCases(seed, type).map((c) => [c] as [Case])
              : [];
          const arbitrary = fc.record({
            input: mutations(seed),
            headers: headersFor(caller),
            adapter: fc.constantFrom("lean" as const, "stock" as const),
            batch: fc.boolean(),
          });
          await fc.assert(
            fc.asyncProperty(arbitrary, async (c) => {
              check(path, c, await send(path, type, c));
            }),
            {
              // The systematic cases count toward numRuns, so the random ones come on top. A
              // procedure without input ignores it: a few runs cover its credentials.
              numRuns:
                examples.length + (hasInput ? fuzzRuns : Math.max(3, Math.ceil(fuzzRuns / 4))),
              examples,
              seed: fuzzSeed,
            },
          );
        },
        60_000 * Math.max(1, fuzzRuns / 12),
      );
    }
  }
});

describe("targeted cases", () => {
  it("a superjson BigInt under an unknown key of a cached query is refused, not a 500", async () => {
    // Cached queries build their cache key from the input; a BigInt must not crash it.
    for (const path of PROCEDURES.filter((p) => p.type === "query" && p.hasInput).map(
      (p) => p.path,
    )) {
      for (const adapter of ["lean", "stock"] as const) {
        const input: Input = {
          envelope: { json: { orgId, extra: "1" }, meta: { values: { extra: ["bigint"] } } },
        };
        const c: Case = { input, headers: { cookie: ownerCookie }, adapter, batch: false };
        check(path, c, await send(path, "query", c));
      }
    }
  });

  it("signs in and out with malformed cookies beside the session cookie", async () => {
    for (const adapter of ["lean", "stock"] as const) {
      const c: Case = {
        input: { envelope: { json: { email: ownerEmail, password: PASSWORD } } },
        headers: { cookie: "tesseract_session=%" },
        adapter,
        batch: false,
      };
      const res = await send("auth.signIn", "mutation", c);
      check("auth.signIn", c, res);
      expect(res.status).toBe(200);
    }
  });

  it("refuses a date PostgreSQL cannot store (year 0000) with 400 wherever a date is taken", async () => {
    // "0000-01-01" is a well-formed ISO date, but PostgreSQL's date has no year 0.
    const dated = PROCEDURES.filter(({ inputs }) =>
      inputKeys(inputs).some((key) => ["dueDate", "dueFrom", "dueTo", "filters"].includes(key)),
    );
    expect(dated.map((p) => p.path)).toEqual(
      expect.arrayContaining(["task.create", "task.update", "task.list", "view.create"]),
    );
    for (const { path, type, inputs } of dated) {
      const seed = seedFor(inputs, await fixtureFor("owner", type));
      for (const [key, value] of [
        ["dueDate", "0000-01-01"],
        ["dueFrom", "0000-12-31"],
        ["dueTo", "0000-01-01"],
        ["filters", { dueFrom: "0000-01-01" }],
      ] as const) {
        if (!inputKeys(inputs).includes(key)) continue;
        for (const adapter of ["lean", "stock"] as const) {
          const c: Case = {
            input: { envelope: { json: { ...seed, [key]: value } } },
            headers: { cookie: ownerCookie },
            adapter,
            batch: false,
          };
          const res = await send(path, type, c);
          check(path, c, res);
          expect({ path, key, status: res.status }, res.body).toEqual({ path, key, status: 400 });
        }
      }
    }
  });

  it("answers every HTTP method on /trpc without a 5xx, and TRACE with 405", async () => {
    // CONNECT asks for a tunnel, not a resource: node:http hands it to a listener the server
    // does not have, which closes the socket. Every other method node:http parses is sent.
    for (const method of METHODS.filter((m) => m !== "CONNECT")) {
      for (const server of [lean, stock]) {
        for (const path of ["system.info", "org.create"]) {
          const { status, allow, body } = await rawRequest(`${server.url}/trpc/${path}`, method);
          const where = `${method} /trpc/${path} on ${server === lean ? "lean" : "stock"}`;
          expect(status, `${where}: ${body}`).toBeLessThan(500);
          if (method === "TRACE")
            expect({ status, allow }, where).toEqual({ status: 405, allow: "GET, HEAD, POST" });
        }
      }
    }
  });
});

/** A request with any method (fetch refuses TRACE), with a JSON body and the owner's cookie. */
function rawRequest(
  url: string,
  method: string,
): Promise<{ status: number; allow: string | undefined; body: string }> {
  const body = method === "GET" || method === "HEAD" ? "" : "{}";
  return new Promise((resolve, reject) => {
    const headers = {
      cookie: ownerCookie,
      "content-type": "application/json",
      "content-length": String(body.length),
    };
    const req = request(url, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body: text });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}
