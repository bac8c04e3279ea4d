import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { validate, compileErrors } from "@readme/openapi-parser";
import { appRouter } from "@tesseract/api";
import { createTestCaller, insertTestUser } from "@tesseract/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers.ts";

const run = promisify(execFile);
const PYTHON_CLIENT = fileURLToPath(new URL("./fixtures/openapi_client.py", import.meta.url));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Operation {
  operationId: string;
  summary: string;
  parameters?: { $ref?: string; name?: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> } & Record<string, unknown>;

async function fetchDocument(): Promise<Document> {
  const res = await fetch(`${server.url}/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("application/json");
  return (await res.json()) as Document;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("names every procedure of appRouter: queries and subscriptions as GET, mutations as POST", async () => {
    const document = await fetchDocument();
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { type: string } }
    >;
    expect(Object.keys(procedures).length).toBeGreaterThan(50);
    for (const [path, procedure] of Object.entries(procedures)) {
      const methods = document.paths[`/trpc/${path}`];
      expect(methods, path).toBeDefined();
      const method = procedure._def.type === "mutation" ? "post" : "get";
      expect(methods?.[method]?.operationId, path).toBe(path);
      // Every procedure says what it does (meta.summary), not just its name.
      expect(methods?.[method]?.summary, path).not.toBe(path);
    }
  });

  it("describes the output of every query and mutation", async () => {
    const document = await fetchDocument();
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { type: string } }
    >;
    for (const [path, procedure] of Object.entries(procedures)) {
      if (procedure._def.type === "subscription") continue;
      const method = procedure._def.type === "mutation" ? "post" : "get";
      const result = document.paths[`/trpc/${path}`]![method]!.responses["200"]!.content![
        "application/json"
      ] as { schema: { properties: { result: { properties: { data: unknown } } } } };
      const json = (
        result.schema.properties.result.properties.data as {
          properties: { json: Record<string, unknown> };
        }
      ).properties.json;
      expect(json.type, path).toBeDefined();
    }
    const me = JSON.stringify(document.paths["/trpc/auth.me"]!.get!.responses["200"]);
    expect(me).toContain('"emailVerifiedAt"');
    expect(me).toContain('"format":"date-time"');
  });

  it("describes a subscription as an event stream with its input", async () => {
    const document = await fetchDocument();
    const live = document.paths["/trpc/live.project"]!.get!;
    expect(live.parameters?.map((p) => p.name)).toContain("input");
    expect(Object.keys(live.responses["200"]?.content ?? {})).toEqual(["text/event-stream"]);
  });

  it("describes inputs from the zod schemas and the Idempotency-Key where it is honoured", async () => {
    const document = await fetchDocument();
    const create = document.paths["/trpc/task.create"]!.post!;
    expect(JSON.stringify(create.requestBody)).toContain('"title"');
    expect(JSON.stringify(create.requestBody)).toContain('"orgId"');
    expect(create.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    const update = document.paths["/trpc/task.update"]!.post!;
    expect(update.parameters ?? []).toEqual([]);
    const list = document.paths["/trpc/task.list"]!.get!;
    expect(list.parameters?.map((p) => p.name)).toEqual(["input"]);
  });

  it("is enough for a Python standard-library client to create and list tasks", async () => {
    const user = await insertTestUser(server.services, "Python");
    const owner = createTestCaller(server.services, { headers: { cookie: user.cookie } });
    const orgId = (await owner.org.create({ name: "From Python" })).id;
    const projectId = (await owner.project.create({ orgId, name: "Py", key: "PY" })).id;
    await owner.task.create({ orgId, projectId, title: "Made in TypeScript" });
    await owner.task.create({ orgId, projectId, title: "Also TypeScript" });
    const { secret } = await owner.token.create({
      orgId,
      name: "python",
      role: "member",
      expiresInDays: 1,
    });
    // eslint-disable-next-line no-restricted-properties -- python3 comes from the caller's PATH
    const { PATH = "" } = process.env;
    const { stdout } = await run("python3", [PYTHON_CLIENT, orgId, projectId, "Made in Python"], {
      env: { PATH, TESSERACT_URL: server.url, TESSERACT_TOKEN: secret },
    });
    const out = JSON.parse(stdout) as {
      created: { title: string; key: string };
      replayedSameId: boolean;
      titles: string[];
      documentedTaskFields: string[];
      createdKey: string;
      createdLabels: string[][];
      createdAtUtcOffset: number;
      createdYear: number;
    };
    expect(out.created).toMatchObject({ title: "Made in Python", key: "PY-3" });
    expect(out.replayedSameId).toBe(true);
    expect(out.titles.sort()).toEqual(["Also TypeScript", "Made in Python", "Made in TypeScript"]);
    // Fields read through the documented output schema: the key, and a Date as an ISO string.
    expect(out.documentedTaskFields).toEqual(expect.arrayContaining(["key", "createdAt", "title"]));
    expect(out.createdKey).toBe("PY-3");
    expect(out.createdLabels).toEqual([["python", "blue"]]);
    expect(out.createdAtUtcOffset).toBe(0);
    expect(out.createdYear).toBe(new Date().getUTCFullYear());
  });
});
