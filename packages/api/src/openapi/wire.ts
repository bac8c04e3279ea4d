import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_TTL_HOURS,
  SESSION_COOKIE,
} from "@tesseract/validators/constants";

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** superjson's envelope around a value: `json` is the value, `meta` types what JSON cannot say. */
export function envelope(value: JsonSchema): JsonSchema {
  return {
    type: "object",
    required: ["json"],
    properties: { json: value, meta: { $ref: "#/components/schemas/SuperjsonMeta" } },
  };
}

/** What the document says about the wire, once, for every procedure. */
export const WIRE_DESCRIPTION = `Every procedure of the Tesseract API is one tRPC procedure, called over HTTP exactly as described here; no other routes exist.

- **Queries** (\`GET /trpc/<procedure>\`): the input goes in the \`input\` query parameter as URL-encoded JSON, \`{"json": <input>}\`. A procedure without input takes no parameter.
- **Mutations** (\`POST /trpc/<procedure>\`): the body is \`{"json": <input>}\` with \`content-type: application/json\` (other content types are refused with 415).
- **Results** are \`{"result": {"data": {"json": <output>, "meta": …}}}\`; **errors** are \`{"error": {"json": {"message", "code", "data": {"code", "httpStatus", "path", "zodError"}}}}\` with the HTTP status in \`data.httpStatus\`. Branch on \`data.code\`, never on the message; \`data.zodError.fieldErrors\` names each refused input field.
- **superjson**: values JSON cannot carry are written as strings and typed in \`meta.values\` (\`{"json": {"dueDate": "2026-12-01T00:00:00.000Z"}, "meta": {"values": {"dueDate": ["Date"]}}}\`); plain JSON needs no \`meta\`. Timestamps in results arrive this way.
- **Batching**: \`/trpc/a,b?batch=1\` carries several calls of one type (body or \`input\` an object keyed "0", "1", …); the answer is an array. At most \`API_MAX_BATCH_SIZE\` calls (10 by default).
- **Authentication**: an API token as \`Authorization: Bearer tsr_…\` (it acts in its organization with its role), or the web app's session cookie. Some procedures take only a session.
- **Rate limits**: each signed-in caller has per-minute budgets (reads, writes, searches) and hourly ones (exports); over budget the answer is 429 with \`Retry-After\` (seconds). A 503 also carries \`Retry-After\`.
- **Idempotency**: procedures marked idempotent take an \`${IDEMPOTENCY_KEY_HEADER}\` header (1 to 255 visible ASCII characters; a UUID). Within ${IDEMPOTENCY_KEY_TTL_HOURS} h the same key and input from the same person return the first result (with \`Idempotent-Replayed: true\`) without doing the work again; another input under the key is refused with 422; a request sent while another with the same key runs waits for it (409 if that takes more than 10 s). A key names one call: on a batch of several calls it is refused with 400.
- **Pagination**: lists take \`limit\` (at most 100) and \`cursor\`, and answer \`{"items": [...], "nextCursor": string | null}\`; pass \`nextCursor\` back as \`cursor\` until it is null.`;

const ERROR_CODES = Object.keys(TRPC_ERROR_CODES_BY_KEY);

export const COMPONENTS = {
  securitySchemes: {
    apiToken: {
      type: "http",
      scheme: "bearer",
      description: "An API token (`tsr_…`), made on the account page or with `token.create`.",
    },
    session: {
      type: "apiKey",
      in: "cookie",
      name: SESSION_COOKIE,
      description: "The web app's session (`__Host-` prefixed on https).",
    },
  },
  parameters: {
    IdempotencyKey: {
      name: IDEMPOTENCY_KEY_HEADER,
      in: "header",
      required: false,
      description: `Makes the call safe to retry for ${IDEMPOTENCY_KEY_TTL_HOURS} h (see the idempotency rules above).`,
      schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,255}$" },
    },
  },
  schemas: {
    SuperjsonMeta: {
      type: "object",
      description: "superjson's type annotations for values JSON cannot carry (Dates, say).",
      properties: {
        values: {},
        referentialEqualities: {},
        v: { type: "integer" },
      },
    },
    Error: {
      type: "object",
      required: ["error"],
      properties: {
        error: {
          type: "object",
          required: ["json"],
          properties: {
            json: {
              type: "object",
              required: ["message", "code", "data"],
              properties: {
                message: { type: "string" },
                code: { type: "integer", description: "JSON-RPC code" },
                data: {
                  type: "object",
                  required: ["code", "httpStatus"],
                  properties: {
                    code: { type: "string", enum: ERROR_CODES },
                    httpStatus: { type: "integer" },
                    path: { type: "string" },
                    zodError: {
                      type: ["object", "null"],
                      properties: {
                        formErrors: { type: "array", items: { type: "string" } },
                        fieldErrors: {
                          type: "object",
                          additionalProperties: { type: "array", items: { type: "string" } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** The errors a procedure may answer, by HTTP status, from what its ladder and meta say. */
export const ERROR_STATUSES = {
  400: "Invalid input (see `data.zodError`)",
  401: "Not signed in",
  403: "The caller's role or credential may not do this",
  404: "Not found (or an organization the caller is not a member of)",
  409: "A conflict with the current state",
  413: "The request body is too large",
  422: "The Idempotency-Key was used with another input",
  429: "Over the rate budget; retry after `Retry-After` seconds",
  500: "Internal error (details are never sent)",
  503: "A backing service is unavailable; retry after `Retry-After` seconds",
} as const;
