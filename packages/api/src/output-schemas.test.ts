import type { AnyTRPCProcedure } from "@trpc/server";
import { orgWithRoleOutput } from "@tesseract/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { openApiDocument } from "./openapi/document.ts";
import { appRouter } from "./root.ts";
import { createTestServices, testContext, type TestServices } from "./testing.ts";
import { createCallerFactory, publicProcedure, router } from "./trpc.ts";

/** A JSON Schema node, as far as this test walks it. */
interface JsonSchemaNode {
  properties: Record<string, JsonSchemaNode>;
}

/**
 * Every query and mutation declares its output with `.output()`: the OpenAPI document shows it,
 * and tRPC parses each fresh result with it, so a result that does not match fails the call
 * (and the test that made it: the authorization matrix calls every organization procedure,
 * the platform-admin matrix every admin one, and each domain's suite the rest).
 */
interface Def {
  type: "query" | "mutation" | "subscription";
  output?: z.ZodType;
  /** …, then the `.output()` parser, then tRPC's resolver step. */
  middlewares: { _type?: string }[];
}
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>,
)
  .map(([path, procedure]) => [path, procedure._def as unknown as Def] as const)
  .filter(([, def]) => def.type !== "subscription");

describe("output schemas", () => {
  it("every query and mutation declares one", () => {
    expect(procedures.length).toBeGreaterThan(70);
    const missing = procedures.filter(([, def]) => !def.output).map(([path]) => path);
    expect(missing, "add .output(<schema from @tesseract/validators>) to these").toEqual([]);
  });

  it("is parsed innermost, right before the resolver: cached and replayed results are not parsed twice", () => {
    const notLast = procedures
      .filter(([, def]) => def.middlewares.at(-2)?._type !== "output")
      .map(([path]) => path);
    expect(notLast, "put .output() last, right before .query()/.mutation()").toEqual([]);
  });

  it("is in the OpenAPI document for every query and mutation, with Dates as superjson sends them", () => {
    const document = openApiDocument() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const [path, def] of procedures) {
      const operation = document.paths[`/trpc/${path}`]![def.type === "mutation" ? "post" : "get"]!;
      const json = (
        operation.responses["200"] as {
          content: {
            "application/json": { schema: { properties: Record<string, JsonSchemaNode> } };
          };
        }
      ).content["application/json"].schema.properties.result?.properties.data?.properties.json;
      expect(json, path).toHaveProperty("type");
    }
    const org = JSON.stringify(document.paths["/trpc/org.get"]!.get!.responses["200"]);
    expect(org).toContain('"createdAt":{"type":"string","format":"date-time"');
    // Every reference resolves inside the document (a schema's own $defs would not).
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.filter((ref) => !ref.startsWith('"$ref":"#/components/'))).toEqual([]);
  });
});

describe("a result that does not match its schema", () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => {
    await services.close();
  });

  it("fails the call instead of reaching the client", async () => {
    const drifted = router({
      // org.get's schema over a row whose createdAt came back as a string and whose role is unknown.
      get: publicProcedure
        .output(orgWithRoleOutput)
        .query(
          () =>
            ({ id: "o", name: "Acme", slug: "acme", role: "boss", createdAt: "today" }) as never,
        ),
    });
    const caller = createCallerFactory(drifted)(testContext(services));
    await expect(caller.get()).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
      message: "Output validation failed",
    });
  });

  it("keeps only documented fields: an undocumented one never reaches the client", async () => {
    const leaky = router({
      get: publicProcedure.output(orgWithRoleOutput).query(() => ({
        id: "o",
        name: "Acme",
        slug: "acme",
        role: "owner" as const,
        createdAt: new Date(0),
        passwordHash: "secret",
      })),
    });
    const result = await createCallerFactory(leaky)(testContext(services)).get();
    expect(Object.keys(result).sort()).toEqual(["createdAt", "id", "name", "role", "slug"]);
  });
});
