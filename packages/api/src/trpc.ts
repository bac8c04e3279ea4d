import { initTRPC, TRPCError, type TRPCMiddlewareFunction } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { inSpan, isTracingHere, SpanKind, SpanStatusCode } from "@tesseract/telemetry";
import { orgIdSchema, type Role } from "@tesseract/validators";
import { isIdempotentMutation } from "@tesseract/validators/constants";
import { resolveAuth, type Auth } from "./auth/credentials.ts";
import { can, type Permission } from "./auth/permissions.ts";
import type { Context } from "./context.ts";
import { loggerWithFields } from "./logger.ts";
import { APP_ERROR_CODES, AppError, concurrencyError, isOutage } from "./errors.ts";
import { findMembershipRole } from "./domain/memberships.ts";
import { cachedQuery, invalidateTags, type CachePolicy } from "./policy/cache.ts";
import { idempotencyKeyOf, runIdempotently } from "./policy/idempotency.ts";
import { markWrite, readDbFor, writeScopes } from "./policy/replica-reads.ts";
import {
  enforceRateLimits,
  spendBudget,
  type Budget,
  type LimitsFor,
} from "./policy/rate-limit.ts";

/** Procedure metadata: the ladder reads permissions from here (and later cache and rate policy). */
export interface Meta {
  /** A short description for logs and the generated API reference. */
  summary?: string;
  /**
   * The organization permission an `orgProcedure` requires (see auth/permissions.ts). Required
   * there: an organization procedure without one is refused at runtime and fails the
   * authorization matrix's completeness check.
   */
  permission?: Permission;
  /** In an orgProcedure, refuse API tokens: credential management needs a person's session. */
  sessionOnly?: boolean;
  /** Cache this query's result per organization, role and input (see policy/cache.ts). */
  cache?: CachePolicy;
  /** Cache tags (in the caller's organization) this mutation invalidates once it succeeds. */
  invalidates?: readonly string[];
  /** The per-caller budget (RATE_LIMIT_*_PER_MINUTE / _PER_HOUR) this procedure spends. */
  rateLimit?: Budget;
  /**
   * "replica": an organization query that may read a moment-old state (lists, search) reads
   * through `ctx.readDb`, the read replica once it has replayed the caller's and the
   * organization's latest writes (policy/replica-reads.ts). Without it, `ctx.readDb` is the primary.
   */
  reads?: "replica";
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    // SSE subscriptions: a comment every 15 s keeps proxies from closing a quiet stream, and a
    // client that hears nothing for 40 s reconnects (resuming from its last event id).
    sse: {
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 40_000 },
    },
    // Stacks are added below, only in development; tRPC's own isDev stays off.
    isDev: false,
    errorFormatter({ shape, error, ctx, path }) {
      const isDevelopment = ctx?.services.config.env === "development";
      const fieldErrors = error.cause instanceof ZodError ? z.flattenError(error.cause) : undefined;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const leaks = carriesInternalText(error);
      if (leaks && !internal) {
        // The client learns only that its input was refused; what broke goes to the log.
        ctx?.logger.warn(
          { err: error.cause, path, code: error.code, requestId: ctx.requestId },
          "request refused with an internal error's text (masked)",
        );
      }
      return {
        ...shape,
        // A non-tRPC error's message (a pg error, a TypeError from a decoder, say) would
        // otherwise reach the client: a 5xx says "Internal server error", a 4xx "Invalid input".
        message: fieldErrors
          ? "Invalid input"
          : isDevelopment
            ? shape.message
            : internal
              ? "Internal server error"
              : leaks
                ? "Invalid input"
                : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          zodError: fieldErrors ?? null,
          ...(isDevelopment && error.stack ? { stack: error.stack } : {}),
        },
      };
    },
  });

/**
 * True when an error's message was taken from a cause that is not ours to show: a JavaScript
 * or library error (TypeError from a superjson meta, RangeError from a deep one, a JSON
 * SyntaxError) that an adapter wrapped as BAD_REQUEST with the cause's own text. Messages
 * written for clients (TRPCError without such a cause, AppError, zod issues) are safe.
 */
function carriesInternalText(error: TRPCError): boolean {
  const { cause } = error;
  if (!(cause instanceof Error) || cause instanceof AppError || cause instanceof ZodError)
    return false;
  if (cause instanceof TRPCError || cause.message === "") return false;
  return error.message.includes(cause.message);
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
export const mergeRouters = t.mergeRouters;

/** Maps domain errors to tRPC codes in one place and logs what the client will not see. */
const errorBoundary = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const answer = clientError(ctx, result.error, { path, type });
    if (answer !== result.error) throw answer;
  }
  return result;
});

/**
 * What a failed call answers: a domain error (AppError) its own code; a transaction that
 * collided with another 409, or 503 when it ran out of time; a backing service out of reach
 * (PostgreSQL or Redis down, restarting, out of connections) 503, since the same request works
 * again shortly. Anything else is a bug: logged, and left a 500 whose text the formatter masks.
 * The procedure ladder applies it to every call; live streams to what fails while they run,
 * after the middlewares have returned.
 */
export function clientError(
  ctx: Context,
  error: TRPCError,
  where: { path: string; type: string },
): TRPCError {
  const { cause } = error;
  const internal = error.code === "INTERNAL_SERVER_ERROR";
  const fields = { err: cause ?? error, ...where, requestId: ctx.requestId };
  // Another transaction held or changed the same rows (a deadlock, a serialization failure
  // that outlived the retries, a lock or statement timeout): busy, not broken.
  const busy = internal ? concurrencyError(cause) : undefined;
  if (busy) {
    ctx.logger.warn(
      { ...fields, code: busy.code },
      "a transaction collided with another; answering as busy",
    );
    return new TRPCError({ code: APP_ERROR_CODES[busy.code], message: busy.message, cause });
  }
  if (cause instanceof AppError) {
    return new TRPCError({ code: APP_ERROR_CODES[cause.code], message: cause.message, cause });
  }
  if (internal && isOutage(cause)) {
    ctx.logger.warn(fields, "a backing service is unreachable; answering 503");
    return new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The service is temporarily unavailable; try again shortly",
      cause,
    });
  }
  if (internal) ctx.logger.error(fields, "procedure failed");
  return error;
}

/**
 * Every procedure call, first: its count by result code and its duration (Prometheus), a span
 * under the request's (when tracing is on and the trace sampled), and the request id and
 * procedure on every log line written while it runs (the caller and organization are added
 * once known). Nothing here allocates per call on the plain path: the series are resolved
 * once per procedure, and the context's first call names itself in the context's log fields.
 */
const observe = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  let call: typeof next = next;
  let { logger } = ctx;
  if (ctx.logFields.procedure === undefined) ctx.logFields.procedure = path;
  else {
    // Another call on the same context (a batch's, a WebSocket's): log fields of its own.
    const logFields = { requestId: ctx.requestId, procedure: path };
    const own = (logger = loggerWithFields(ctx.logger, logFields));
    call = () => next({ ctx: { logFields, logger: own } });
  }
  const result = await (isTracingHere() ? traced(path, type, call) : call());
  const seconds = (performance.now() - started) / 1_000;
  const code = result.ok ? "OK" : result.error.code;
  const { metrics, config } = ctx.services;
  // Nothing can scrape a process without a metrics listener (METRICS_PORT=0): skip the work.
  if (config.metrics) metrics.procedure(path, type).record(code, seconds);
  // One line per call at debug, with the caller and organization the middlewares found.
  if (logger.isLevelEnabled("debug"))
    logger.debug({ type, code, durationMs: Math.round(seconds * 100_000) / 100 }, "procedure");
  return result;
});

/** Runs a procedure in its span; a server-side failure marks the span failed. */
function traced<R extends { ok: true } | { ok: false; error: TRPCError }>(
  path: string,
  type: string,
  next: () => Promise<R>,
): Promise<R> {
  const attributes = () => ({ "rpc.system": "trpc", "rpc.method": path, "trpc.type": type });
  return inSpan(`trpc ${path}`, { kind: SpanKind.SERVER, attributes }, async (span) => {
    const outcome = await next();
    if (!outcome.ok) {
      const { code } = outcome.error;
      span?.setAttribute("trpc.code", code);
      if (code === "INTERNAL_SERVER_ERROR" || code === "SERVICE_UNAVAILABLE")
        span?.setStatus({ code: SpanStatusCode.ERROR, message: code });
    }
    return outcome;
  });
}

export const publicProcedure = t.procedure.use(observe).use(errorBoundary);

/** Any signed-in caller: a session, or an API token (acting for its creator). */
export const authedProcedure = publicProcedure.use(async ({ ctx, meta, type, next }) => {
  const auth = await resolveAuth(ctx);
  if (!auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  ctx.logFields.userId = auth.user.id;
  // The caller's budget for this procedure's class (meta.rateLimit), before any work.
  if (meta?.rateLimit) await spendBudget(ctx, auth, meta.rateLimit);
  const result = await next({ ctx: { auth } });
  // Read-your-writes over a replica: the person's next reads wait for it to pass this write.
  if (result.ok && type === "mutation")
    await markWrite(ctx, writeScopes(auth.user.id, auth.kind === "token" ? auth.orgId : undefined));
  return result;
});

/** A person signed in with a session (tokens are refused). */
export const sessionProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.auth.kind !== "session") {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "API tokens cannot do this; sign in instead",
    });
  }
  return next({ ctx: { auth: ctx.auth } });
});

/**
 * A platform administrator (`users.is_platform_admin`, granted with `pnpm admin:grant`), signed
 * in with a session: API tokens act inside one organization and never carry platform rights.
 */
export const adminProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (!ctx.auth.user.isPlatformAdmin) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only platform administrators can do this" });
  }
  return next({ ctx: { auth: ctx.auth } });
});

export interface OrgAccess {
  orgId: string;
  role: Role;
}

/**
 * A caller acting in one organization (`input.orgId`). Membership is resolved first; a
 * non-member (or a token of another organization) gets NOT_FOUND, never the organization's
 * data or even its existence. Then the role must hold the permission named in the meta.
 */
const orgAccessProcedure = authedProcedure
  .input(z.object({ orgId: orgIdSchema }))
  .use(async ({ ctx, input, meta, path, next }) => {
    const role = await roleIn(ctx.services, ctx.auth, input.orgId);
    if (!role) throw new TRPCError({ code: "NOT_FOUND", message: "Organization not found" });
    ctx.logFields.orgId = input.orgId;
    // Only after membership: a token of another organization learns nothing, not even this.
    if (meta?.sessionOnly && ctx.auth.kind !== "session") {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "API tokens cannot do this; sign in instead",
      });
    }
    // Every organization procedure names its permission (the table in @tesseract/validators).
    // One that forgot is refused, never granted a default: a missing meta fails closed.
    const permission = meta?.permission;
    if (!permission) {
      ctx.logger.error(
        { path, requestId: ctx.requestId },
        "organization procedure names no permission in its meta; refusing",
      );
      throw new TRPCError({ code: "FORBIDDEN", message: "This procedure is not available" });
    }
    if (!can(role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${role}) cannot do this` });
    }
    return next({ ctx: { org: { orgId: input.orgId, role } satisfies OrgAccess } });
  });

/**
 * Organization procedures' policies, read from meta: where a query reads (`ctx.readDb`), and
 * the tags a mutation invalidates. (The rate budget is spent by `authedProcedure`, for every
 * signed-in procedure; a cached query also needs `.use(resultCache)` after its `.input()`.)
 */
export const orgProcedure = orgAccessProcedure.use(async ({ ctx, meta, type, next }) => {
  const scopes = writeScopes(ctx.auth.user.id, ctx.org.orgId);
  const readDb =
    type === "query" && meta?.reads === "replica" ? await readDbFor(ctx, scopes) : ctx.services.db;
  if (type !== "mutation") return next({ ctx: { readDb } });
  const events: (() => Promise<void>)[] = [];
  const result = await next({ ctx: { readDb, afterInvalidation: events } });
  if (!result.ok) return result;
  try {
    if (meta?.invalidates) await invalidateTags(ctx, ctx.org.orgId, meta.invalidates);
    // Before the answer: the organization's next reads (and cache refills) see this write.
    await markWrite(ctx, scopes);
  } finally {
    // Then the change's live events (best effort, even if the above failed: it committed).
    for (const publish of events) await publish();
  }
  return result;
});

/**
 * The query result cache of `meta.cache` (see policy/cache.ts); a hit answers without running
 * the resolver. It goes last, right before `.query()`: tRPC runs a procedure's own `.input()`
 * parser as a middleware in the order it was declared, after orgProcedure's, so only here is
 * the whole input parsed. Keying on that parsed input, never the raw one, means keys the
 * schema strips cannot mint entries, and values it does not know (a BigInt) never reach the
 * key. The server's lean runner walks the same middleware list in the same order.
 */
export const resultCache: TRPCMiddlewareFunction<
  Context,
  Meta,
  { auth: Auth; org: OrgAccess },
  { auth: Auth; org: OrgAccess },
  unknown
> = async ({ ctx, meta, type, path, input, next }) => {
  if (type !== "query" || !meta?.cache) return next();
  const data = await cachedQuery(ctx, ctx.org, { path, input, policy: meta.cache }, async () => {
    const result = await next();
    if (!result.ok) throw result.error;
    return result.data;
  });
  // tRPC reads a middleware's answer as { ok, data }; its marker is a type brand only.
  return { ok: true as const, data, marker: undefined as never };
};

/**
 * The `Idempotency-Key` policy of the mutations named in `IDEMPOTENT_MUTATIONS`
 * (`@tesseract/validators/constants`, which the SDK reads too). Such a mutation needs
 * `.use(idempotency)` right after its `.input()`, and its work in `transact(ctx, …)` so the
 * record commits with it (policy/idempotency.ts). Like `resultCache` it goes
 * right after the procedure's `.input()`, where the whole input is parsed (a retry is
 * recognised by its parsed input); it opens the transaction the work joins (`transact`).
 */
export const idempotency: TRPCMiddlewareFunction<
  Context,
  Meta,
  { auth: Auth },
  { auth: Auth },
  unknown
> = async ({ ctx, type, path, input, next }) => {
  if (type !== "mutation" || !isIdempotentMutation(path)) return next();
  const key = idempotencyKeyOf(ctx.request);
  if (key === undefined) return next();
  const afterCommit: (() => Promise<void>)[] = [];
  const outcome = await runIdempotently(ctx, { path, input, key }, (trx) => {
    // A run rolled back after a collision queued steps that must not run: start afresh.
    afterCommit.length = 0;
    return next({ ctx: { transaction: trx, afterCommit } });
  });
  // Committed (a failed call rolled back and queued steps that must not run).
  if (outcome.ok) for (const step of afterCommit) await step();
  if ("marker" in outcome) return outcome;
  // A replayed result; tRPC reads a middleware's answer as { ok, data }, its marker a type brand.
  return { ok: true as const, data: outcome.data, marker: undefined as never };
};

/**
 * Rate limits keyed by what the input names (an email address, an organization): policy, spent
 * after the input is parsed and before the resolver runs. Use it right after `.input()`.
 */
export function limitedBy<Input>(limits: LimitsFor<Input>) {
  return t.middleware(async ({ ctx, input, next }) => {
    await enforceRateLimits(ctx, limits(input as Input, ctx));
    return next();
  });
}

/** The caller's role in an organization: a token's (its own organization only) or the membership's. */
export async function roleIn(
  services: Context["services"],
  auth: Auth,
  orgId: string,
): Promise<Role | undefined> {
  if (auth.kind === "token") return auth.orgId === orgId ? auth.role : undefined;
  const { callers } = services;
  const remembered = callers?.role(auth.user.id, orgId);
  if (remembered) return remembered;
  const ticket = callers?.begin();
  const role = await findMembershipRole(services.db, orgId, auth.user.id);
  // Only memberships are remembered: a new one must work at once, with nothing to invalidate.
  if (role && callers && ticket) callers.rememberRole(ticket, auth.user.id, orgId, role);
  return role;
}
