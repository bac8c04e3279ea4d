import type { Role } from "@tesseract/validators";
import { afterAll, beforeAll } from "vitest";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  type TestServices,
  type TestUser,
} from "../testing.ts";

/**
 * Set-up shared by the router suites: real services for the file, callers acting as a user or
 * a token, organizations with members at given roles. `useServices()` registers the hooks;
 * `services` is an ES module binding, live, so importers see the value beforeAll assigns.
 */
export let services: TestServices;

export function useServices(
  env: Record<string, string> = {},
  options: { runJobs?: boolean } = {},
): void {
  beforeAll(async () => {
    services = await createTestServices(env, options);
  });
  afterAll(async () => {
    await services.close();
  });
}

export const as = (user: TestUser) =>
  createTestCaller(services, { headers: { cookie: user.cookie } });
export const withToken = (secret: string) =>
  createTestCaller(services, { headers: { authorization: `Bearer ${secret}` } });

export async function orgWith(roles: Role[]) {
  const owner = await insertTestUser(services, "Owner");
  const org = await as(owner).org.create({ name: "Acme Corp" });
  const users: TestUser[] = [];
  for (const role of roles) {
    const user = await insertTestUser(services, role);
    await services.db
      .insertInto("memberships")
      .values({ org_id: org.id, user_id: user.id, role })
      .execute();
    users.push(user);
  }
  return { owner, orgId: org.id, slug: org.slug, users };
}

/** The token in the invitation email sent to `email`. */
export async function invitationToken(email: string): Promise<string> {
  // Sent by the job runtime after the commit: wait for it.
  const mail = await services.mail.waitFor((m) => m.to === email);
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no invitation email for ${email}`);
  return token;
}

/** How a call ended: "ok", or the tRPC error code it was refused with. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
