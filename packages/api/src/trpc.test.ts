import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors.ts";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  testContext,
  type TestServices,
} from "./testing.ts";
import { createCallerFactory, orgProcedure, publicProcedure, router } from "./trpc.ts";

let resolverRuns = 0;

const testRouter = router({
  missing: publicProcedure.query(() => {
    throw new AppError("NOT_FOUND", "Project not found");
  }),
  limited: publicProcedure.query(() => {
    throw new AppError("RATE_LIMITED", "Slow down");
  }),
  /** What pg raises when the database refuses connections (a real one: see outage.test.ts). */
  databaseDown: publicProcedure.query(() => {
    throw Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" });
  }),
  /** A query's own failure, e.g. a missing relation (SQLSTATE 42P01). */
  badQuery: publicProcedure.query(() => {
    throw Object.assign(new Error('relation "secret_table" does not exist'), { code: "42P01" });
  }),
  /** An organization procedure that forgot its permission: refused, never defaulted. */
  unnamed: orgProcedure.query(() => ++resolverRuns),
  named: orgProcedure.meta({ permission: "org.read" }).query(() => ++resolverRuns),
  echo: publicProcedure
    .input(z.object({ name: z.string().min(2) }))
    .query(({ input }) => input.name),
});

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  await services.close();
});

describe("the procedure ladder", () => {
  const caller = () => createCallerFactory(testRouter)(testContext(services));

  it("maps domain errors to tRPC codes, keeping their safe message", async () => {
    await expect(caller().missing()).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Project not found",
    });
    await expect(caller().limited()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("answers an unreachable database with SERVICE_UNAVAILABLE, telling nothing of it", async () => {
    const error = await caller()
      .databaseDown()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect((error as Error).message).not.toContain("10.0.0.5");
    // A query's own failure stays an internal error (masked by the formatter on the wire).
    await expect(caller().badQuery()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
  });

  it("rejects invalid input as BAD_REQUEST before the resolver runs", async () => {
    const error = await caller()
      .echo({ name: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("refuses an organization procedure that names no permission, even to the owner", async () => {
    const owner = await insertTestUser(services, "Owner");
    const request = { headers: { cookie: owner.cookie } };
    const org = await createTestCaller(services, request).org.create({ name: "Meta Org" });
    const as = createCallerFactory(testRouter)(testContext(services, request));
    await expect(as.unnamed({ orgId: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(resolverRuns).toBe(0);
    // The same procedure with a permission runs: the refusal is the missing meta, not the role.
    expect(await as.named({ orgId: org.id })).toBe(1);
  });
});
