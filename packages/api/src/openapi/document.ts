import type { AnyTRPCProcedure, AnyTRPCRouter } from "@trpc/server";
import { z } from "zod";
import { PERMISSIONS } from "@tesseract/validators";
import { isIdempotentMutation } from "@tesseract/validators/constants";
import { appRouter } from "../root.ts";
import {
  adminProcedure,
  authedProcedure,
  orgProcedure,
  sessionProcedure,
  type Meta,
} from "../trpc.ts";
import { COMPONENTS, envelope, ERROR_STATUSES, WIRE_DESCRIPTION, type JsonSchema } from "./wire.ts";

/** What the generator reads of a procedure (the same `_def` fields tRPC's own caller reads). */
interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  meta?: Meta;
  inputs: z.ZodType[];
  output?: z.ZodType;
  middlewares: unknown[];
}

// Each rung of the ladder adds one middleware, so a procedure's rungs are found by identity.
const lastMiddleware = (procedure: { _def: unknown }) =>
  (procedure._def as ProcedureDef).middlewares.at(-1);
const RUNGS = {
  authed: lastMiddleware(authedProcedure),
  session: lastMiddleware(sessionProcedure),
  admin: lastMiddleware(adminProcedure),
  org: lastMiddleware(orgProcedure),
};

export interface OpenApiOptions {
  /** The router to describe; the application router by default. */
  router?: AnyTRPCRouter;
  /** The API's version, shown in `info`. */
  version?: string;
  /** Where the API is reached; the document's own origin ("/") by default. */
  serverUrl?: string;
}

/**
 * The OpenAPI 3.1 document of a tRPC router, generated from the procedures themselves: every
 * procedure is a path (`/trpc/<procedure>`, GET for queries, POST for mutations and a GET
 * event stream for subscriptions, in superjson's envelope), its input the JSON Schema of its zod parsers (merged in ladder order),
 * its output the schema of its `.output()` (every query and mutation declares one), its summary from meta, its
 * errors and security from the ladder rungs it is built on.
 */
export function openApiDocument(options: OpenApiOptions = {}): JsonSchema {
  const router = options.router ?? appRouter;
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure>;
  const paths: Record<string, unknown> = {};
  for (const [path, procedure] of Object.entries(procedures).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const def = procedure._def as unknown as ProcedureDef;
    paths[`/trpc/${path}`] = { [def.type === "mutation" ? "post" : "get"]: operation(path, def) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Tesseract API",
      version: options.version ?? "0.1.0",
      description: WIRE_DESCRIPTION,
    },
    servers: [{ url: options.serverUrl ?? "/" }],
    tags: [...new Set(Object.keys(procedures).map((path) => path.split(".")[0]!))]
      .sort()
      .map((name) => ({ name })),
    paths,
    components: {
      ...COMPONENTS,
      responses: Object.fromEntries(
        Object.entries(ERROR_STATUSES).map(([status, description]) => [
          `E${status}`,
          {
            description,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
    },
  };
}

function operation(path: string, def: ProcedureDef): JsonSchema {
  const meta = def.meta ?? {};
  const idempotent = isIdempotentMutation(path);
  const has = (rung: unknown) => def.middlewares.includes(rung);
  const authed = has(RUNGS.authed);
  const sessionOnly = has(RUNGS.session) || meta.sessionOnly === true;
  const input = inputSchema(def.inputs);
  const output = def.output ? toJsonSchema(def.output, "output") : {};
  const notes = [
    meta.permission &&
      `Requires the \`${meta.permission}\` permission (${PERMISSIONS[meta.permission]} and above).`,
    has(RUNGS.admin) && "Platform administrators only.",
    sessionOnly && "Needs a session: API tokens are refused.",
    idempotent && "Idempotent with an `Idempotency-Key` header.",
    def.type === "subscription" &&
      "Each item's type is `RouterOutputs` in TypeScript (the domain events).",
  ].filter(Boolean);
  const errors: number[] = [400, 413, 500, 503];
  if (authed) errors.push(401, 403);
  if (has(RUNGS.org)) errors.push(404);
  if (meta.rateLimit) errors.push(429);
  if (idempotent) errors.push(409, 422);
  const operation: JsonSchema = {
    operationId: path,
    summary: meta.summary ?? path,
    description: notes.join(" "),
    tags: [path.split(".")[0]],
    security: authed
      ? sessionOnly
        ? [{ session: [] }]
        : [{ apiToken: [] }, { session: [] }]
      : [{}, { apiToken: [] }, { session: [] }],
    parameters: [
      ...(idempotent ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : []),
      ...(def.type !== "mutation" && input
        ? [
            {
              name: "input",
              in: "query",
              required: input.required,
              description: 'The input as JSON: `{"json": <input>}`, URL-encoded.',
              content: { "application/json": { schema: envelope(input.schema) } },
            },
          ]
        : []),
    ],
    responses: {
      200:
        def.type === "subscription"
          ? eventStream(output)
          : {
              description: "The result",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["result"],
                    properties: {
                      result: {
                        type: "object",
                        required: ["data"],
                        properties: { data: envelope(output) },
                      },
                    },
                  },
                },
              },
            },
      ...Object.fromEntries(
        errors.sort().map((status) => [status, { $ref: `#/components/responses/E${status}` }]),
      ),
    },
  };
  if (def.type === "mutation" && input) {
    operation.requestBody = {
      required: input.required,
      content: { "application/json": { schema: envelope(input.schema) } },
    };
  }
  return operation;
}

/**
 * A subscription's answer: Server-Sent Events. Each `data:` line is one item in superjson's
 * envelope; a tracked item's `id:` is what `lastEventId` (or the `Last-Event-ID` header) resumes
 * after. The stream also carries `connected`, `ping`, `serialized-error` and `return` events.
 */
function eventStream(item: JsonSchema): JsonSchema {
  return {
    description:
      'A stream of Server-Sent Events (send `Accept: text/event-stream`): each `data:` line is one item as `{"json": …, "meta": …}`, its `id:` the event id to resume after.',
    content: {
      "text/event-stream": {
        schema: { type: "string" },
        // OpenAPI 3.2 names this `itemSchema`; 3.1 carries it as an extension.
        "x-itemSchema": envelope(item),
      },
    },
  };
}

/** The procedure's whole input: its parsers' object schemas merged, as tRPC merges their results. */
function inputSchema(inputs: z.ZodType[]): { schema: JsonSchema; required: boolean } | undefined {
  if (inputs.length === 0) return undefined;
  const schemas = inputs.map((input) => toJsonSchema(input, "input"));
  const required = inputs.some((input) => !input.safeParse(undefined).success);
  if (schemas.length === 1) return { schema: schemas[0]!, required };
  if (!schemas.every((schema) => schema.type === "object")) {
    return { schema: { allOf: schemas }, required };
  }
  const merged: JsonSchema = { type: "object", properties: {}, required: [] };
  for (const schema of schemas) {
    Object.assign(merged.properties as object, schema.properties);
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (!(merged.required as string[]).includes(name)) (merged.required as string[]).push(name);
    }
  }
  return { schema: merged, required };
}

const DATE_DESCRIPTION =
  'A Date: an ISO 8601 string in `json`, its path marked `["Date"]` in `meta.values`.';

function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      // superjson carries a Date as an ISO string typed in meta.values.
      if (zodSchema._zod.def.type === "date") {
        jsonSchema.type = "string";
        jsonSchema.format = "date-time";
        jsonSchema.description = DATE_DESCRIPTION;
      }
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}
