import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { createTestServices, testContext, type TestServices } from "./testing.ts";
import { createCallerFactory, publicProcedure, router } from "./trpc.ts";

const testRouter = router({
  missing: publicProcedure.query(() => {
    throw new AppError("NOT_FOUND", "Project not found");
  }),
  limited: publicProcedure.query(() => {
    throw new AppError("RATE_LIMITED", "Slow down");
  }),
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

  it("rejects invalid input as BAD_REQUEST before the resolver runs", async () => {
    const error = await caller()
      .echo({ name: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });
});
