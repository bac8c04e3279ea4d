import { createHash, randomBytes } from "node:crypto";
import { seedDemo } from "@tesseract/api/seed";
import type { TestDatabase } from "@tesseract/db/testing";

export interface Fixtures {
  /** The Cookie header of a live session (`name=secret`). */
  cookie: string;
  cookieName: string;
  /** An organization the session's user owns. */
  orgId: string;
  /** The link token of a pending invitation to it. */
  inviteToken: string;
  /** The demo organization (3,000 tasks), which the session's user also owns, and its ENG project. */
  demoOrgId: string;
  demoProjectId: string;
}

interface TrpcResult<T> {
  result?: { data?: { json?: T } };
}

async function mutate<T>(
  apiUrl: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${apiUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: input }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`seed: ${path} answered ${res.status}: ${text}`);
  const data = (JSON.parse(text) as TrpcResult<T>).result?.data?.json;
  if (data === undefined) throw new Error(`seed: ${path} returned no data: ${text}`);
  return { data, res };
}

/**
 * A user with a session (signed up through the API, as a person would), an organization they
 * own (created through the API), and an invitation with a known link token (written directly:
 * the API only ever emails the token).
 */
export async function seedFixtures(apiUrl: string, database: TestDatabase): Promise<Fixtures> {
  const email = `bench-${randomBytes(4).toString("hex")}@example.com`;
  const signUp = await mutate<{ user: { id: string } }>(apiUrl, "auth.signUp", {
    email,
    password: "bench password 0123",
    name: "Bench",
  });
  const cookie = signUp.res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("seed: auth.signUp set no session cookie");
  const cookieName = cookie.slice(0, cookie.indexOf("="));
  const org = await mutate<{ id: string }>(apiUrl, "org.create", { name: "Bench Org" }, { cookie });
  const inviteToken = randomBytes(32).toString("base64url");
  await database.db
    .insertInto("invitations")
    .values({
      org_id: org.data.id,
      email: "invitee@example.com",
      role: "member",
      token_hash: createHash("sha256").update(inviteToken).digest("hex"),
      invited_by: signUp.data.user.id,
      expires_at: new Date(Date.now() + 7 * 24 * 3_600_000),
    })
    .execute();
  const demo = await seedDemo(database.db, { extraOwnerId: signUp.data.user.id });
  const project = await database.db
    .selectFrom("projects")
    .select("id")
    .where("org_id", "=", demo.orgId)
    .where("key", "=", "ENG")
    .executeTakeFirstOrThrow();
  return {
    cookie,
    cookieName,
    orgId: org.data.id,
    inviteToken,
    demoOrgId: demo.orgId,
    demoProjectId: project.id,
  };
}
