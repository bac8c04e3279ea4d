import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, insertTestUser, type TestServices } from "../testing.ts";
import { grantPlatformAdmin } from "./platform-admins.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  await services.close();
});

const isAdmin = async (id: string) =>
  (
    await services.db
      .selectFrom("users")
      .select("is_platform_admin")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).is_platform_admin;

/** Runs `pnpm admin:grant`'s script against this file's database. */
function grantCommand(...args: string[]): Promise<{ code: number | null; output: string }> {
  const script = fileURLToPath(new URL("../cli/admin-grant.ts", import.meta.url));
  const child = spawn(process.execPath, [script, ...args], {
    env: {
      // eslint-disable-next-line no-restricted-properties -- the child needs the parent's PATH
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      DATABASE_URL: services.config.database.url!,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      resolve({ code, output });
    });
  });
}

describe("platform admins", () => {
  it("accounts are not platform admins by default", async () => {
    const user = await insertTestUser(services);
    expect(await isAdmin(user.id)).toBe(false);
  });

  it("grantPlatformAdmin grants by email, case-insensitively, idempotently", async () => {
    const user = await insertTestUser(services);
    expect(await grantPlatformAdmin(services.db, user.email.toUpperCase())).toMatchObject({
      id: user.id,
      alreadyAdmin: false,
    });
    expect(await isAdmin(user.id)).toBe(true);
    expect((await grantPlatformAdmin(services.db, user.email)).alreadyAdmin).toBe(true);
    await expect(grantPlatformAdmin(services.db, "nobody@example.test")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("pnpm admin:grant <email> grants it from the command line", { timeout: 120_000 }, async () => {
    const user = await insertTestUser(services);
    const granted = await grantCommand(user.email);
    expect(granted).toMatchObject({ code: 0 });
    expect(granted.output).toContain("is now a platform administrator");
    expect(await isAdmin(user.id)).toBe(true);

    const unknown = await grantCommand("nobody@example.test");
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("No account has the email nobody@example.test");
    expect((await grantCommand()).code).toBe(2);
  });
});
