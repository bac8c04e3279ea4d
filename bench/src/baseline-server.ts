/**
 * The baselines: raw node:http, no tRPC, no validation, each route answering with a body
 * shaped like the matching tRPC response (superjson envelope included) and a content length.
 *
 *   GET /info               system.info's body, built per request — "raw node:http"
 *   GET /preview?token=…    invitation.preview's query (the API's own findInvitationPreview) on the same
 *                           database — "raw http + pg"
 *   GET /org?orgId=…        org.get's I/O: the session from Redis, then the user, membership and
 *                           organization rows — "raw http + redis + pg"
 *   GET /tasks?orgId=…&projectId=…  task.list's query (the API's own listTasks function), with
 *                           no session, cache or tRPC — "raw http + pg: task.list"
 *
 * PostgreSQL is reached through @tesseract/db's Kysely handle (the lint rule keeps `pg` itself
 * inside @tesseract/db), exactly as the API server reaches it. Run as its own process by
 * start-server.ts with its configuration as the first argument; it reports its URL over IPC
 * and exits when the parent goes away.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { listTasks, findInvitationPreview } from "@tesseract/api";
import { silentLogger } from "@tesseract/config";
import { createDatabase } from "@tesseract/db";
import superjson from "superjson";
import { createRedis } from "@tesseract/redis";
import type { BaselineConfig } from "./start-server.ts";
import { TASK_LIST_INPUT } from "./task-input.ts";

const config = JSON.parse(process.argv[2] ?? "{}") as BaselineConfig;
const database = await createDatabase({
  url: config.databaseUrl,
  poolMax: config.poolMax,
  logger: silentLogger,
});
const { db } = database;
const redis = await createRedis({
  url: config.redisUrl,
  keyPrefix: config.redisKeyPrefix,
  logger: silentLogger,
});

const startedAt = new Date();
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function infoBody(): string {
  return JSON.stringify({
    result: {
      data: {
        json: {
          name: "Tesseract",
          version: "0.1.0",
          mode: "services",
          environment: "production",
          uptimeSeconds: Math.floor((Date.now() - startedAt.getTime()) / 1000),
          node: process.version,
          startedAt: startedAt.toISOString(),
        },
        meta: { values: { startedAt: ["Date"] }, v: 1 },
      },
    },
  });
}

async function previewBody(token: string): Promise<string | undefined> {
  const preview = await findInvitationPreview(db, token, new Date());
  return preview && JSON.stringify({ result: { data: { json: preview } } });
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

async function orgBody(req: IncomingMessage, orgId: string): Promise<string | undefined> {
  const secret = cookie(req, config.sessionCookie);
  if (!secret) return undefined;
  const raw = await redis.client.get(`session:${sha256(secret)}`);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as { userId: string };
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("id", "=", session.userId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) return undefined;
  const membership = await db
    .selectFrom("memberships")
    .select("role")
    .where("org_id", "=", orgId)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (!membership) return undefined;
  const org = await db
    .selectFrom("organizations")
    .select(["id", "name", "slug", "created_at as createdAt"])
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
  return JSON.stringify({
    result: {
      data: {
        json: { ...org, createdAt: org.createdAt.toISOString(), role: membership.role },
        meta: { values: { createdAt: ["Date"] }, v: 1 },
      },
    },
  });
}

function send(res: ServerResponse, status: number, body: string): void {
  res
    .writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    })
    .end(body);
}

async function tasksBody(orgId: string, projectId: string): Promise<string> {
  const page = await listTasks(db, orgId, { orgId, projectId, ...TASK_LIST_INPUT });
  return JSON.stringify({ result: { data: superjson.serialize(page) } });
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
  let body: string | undefined;
  if (path === "/info") body = infoBody();
  else if (path === "/preview") body = await previewBody(query.get("token") ?? "");
  else if (path === "/org") body = await orgBody(req, query.get("orgId") ?? "");
  else if (path === "/tasks")
    body = await tasksBody(query.get("orgId") ?? "", query.get("projectId") ?? "");
  if (body === undefined) send(res, 404, '{"error":"not found"}');
  else send(res, 200, body);
}

const server = createServer((req, res) => {
  if (req.method !== "GET") {
    res.writeHead(405, { allow: "GET", "content-length": 0 }).end();
    return;
  }
  route(req, res).catch((error: unknown) => {
    send(res, 500, JSON.stringify({ error: String(error) }));
  });
});
server.keepAliveTimeout = 5_000;

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});

process.on("disconnect", () => {
  server.close();
  void Promise.allSettled([database.close(), redis.close()]).then(() => process.exit(0));
});
