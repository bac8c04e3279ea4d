import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Context, InnerContext } from "./context.ts";
import { APP_ERROR_CODES, AppError } from "./errors.ts";

/** Procedure metadata: later rungs read permissions, cache and rate-limit policy from here. */
export interface Meta {
  /** A short description for logs and the generated API reference. */
  summary?: string;
}

const t = initTRPC
  .context<InnerContext & Partial<Context>>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    // Stacks are added below, only in development; tRPC's own isDev stays off.
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const isDevelopment = ctx?.services.config.env === "development";
      const fieldErrors = error.cause instanceof ZodError ? z.flattenError(error.cause) : undefined;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        // A non-tRPC error's message (a pg error, say) would otherwise reach the client.
        message: fieldErrors
          ? "Invalid input"
          : internal && !isDevelopment
            ? "Internal server error"
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

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
export const mergeRouters = t.mergeRouters;

/** Maps domain errors to tRPC codes in one place and logs what the client will not see. */
const errorBoundary = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: APP_ERROR_CODES[cause.code], message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      ctx.logger.error(
        { err: cause ?? result.error, path, type, requestId: ctx.requestId },
        "procedure failed",
      );
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorBoundary);
