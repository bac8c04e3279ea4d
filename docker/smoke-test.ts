// Signs up, creates an organization, a project and a task, and reads the task back, over the
// tRPC wire (JSON with superjson's `{ json }` envelope; queries over GET, mutations over POST),
// the way the web app's browser code does. No dependencies: Node 24 runs it as it is.
//
//   node docker/smoke-test.ts http://localhost:3000
//
// Used by .github/workflows/stack.yml against the compose stack, through the web container
// (which proxies /trpc to the API server); any Tesseract URL that serves /trpc works.

const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/$/, "");
const origin = new URL(base).origin;
let cookie = "";

async function call<T>(type: "query" | "mutation", path: string, input: unknown): Promise<T> {
  const body = JSON.stringify({ json: input });
  const url =
    type === "query"
      ? `${base}/trpc/${path}?input=${encodeURIComponent(body)}`
      : `${base}/trpc/${path}`;
  const response = await fetch(url, {
    method: type === "query" ? "GET" : "POST",
    // The API refuses cross-site mutations: say where the call comes from, as a browser would.
    headers: { "content-type": "application/json", origin, cookie },
    body: type === "mutation" ? body : undefined,
  });
  const setCookie = response.headers.getSetCookie().find((c) => c.includes("session"));
  if (setCookie) cookie = setCookie.split(";")[0] ?? "";
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}: ${text}`);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

const suffix = Date.now().toString(36);
const email = `smoke-${suffix}@example.test`;
await call("mutation", "auth.signUp", {
  email,
  password: `smoke-${suffix}-password`,
  name: "Smoke",
});
if (!cookie) throw new Error("auth.signUp set no session cookie");
const org = await call<{ id: string }>("mutation", "org.create", { name: `Smoke ${suffix}` });
const project = await call<{ id: string }>("mutation", "project.create", {
  orgId: org.id,
  name: "Smoke",
  key: "SMK",
});
const task = await call<{ id: string; key: string }>("mutation", "task.create", {
  orgId: org.id,
  projectId: project.id,
  title: "Created by the smoke test",
});
const list = await call<{ items: { id: string }[] }>("query", "task.list", {
  orgId: org.id,
  projectId: project.id,
});
if (!list.items.some((item) => item.id === task.id)) {
  throw new Error(`task.list does not show ${task.key}`);
}
console.log(`ok: ${email} created ${task.key} through ${base}`);
