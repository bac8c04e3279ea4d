import type { RateLimitRule } from "@tesseract/redis";
import type { Auth } from "../auth/credentials.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";

/**
 * Counts a hit against each key and refuses with 429 and Retry-After when any is over its
 * budget. By default it fails closed: when Redis cannot count, the request is refused (503),
 * never let through unlimited. `failOpen` is for budgets that protect capacity, not secrets.
 */
export async function enforceRateLimits(
  ctx: Context,
  limits: { key: string; rule: RateLimitRule }[],
  options: { failOpen?: boolean } = {},
): Promise<void> {
  let results;
  try {
    results = await Promise.all(limits.map(({ key, rule }) => ctx.services.limiter.hit(key, rule)));
  } catch (err) {
    if (options.failOpen) {
      ctx.logger.warn({ err }, "rate limiter unavailable; letting the request through");
      return;
    }
    ctx.logger.error({ err }, "rate limiter unavailable; refusing the request");
    throw new AppError("UNAVAILABLE", "This is unavailable right now; try again in a minute", {
      cause: err,
    });
  }
  const retryAfter = Math.max(
    0,
    ...results.filter((r) => !r.allowed).map((r) => r.retryAfterSeconds),
  );
  if (retryAfter > 0) {
    // The class is the key's first segment: "read", "signIn", "invite"… never an id.
    limits.forEach(({ key }, index) => {
      if (!results[index]!.allowed)
        ctx.services.metrics.rateLimitRefusals.inc({ class: key.split(":", 1)[0]! });
    });
    ctx.response.setHeader("retry-after", String(retryAfter));
    throw new AppError("RATE_LIMITED", `Too many requests; try again in ${retryAfter} seconds`);
  }
}

/** The limits one call spends, from its parsed input and the request (see `limitedBy`). */
export type LimitsFor<Input> = (
  input: Input,
  ctx: Context,
) => { key: string; rule: RateLimitRule }[];

/** The per-caller budgets a procedure can spend through `meta.rateLimit`. */
export type Budget = "read" | "write" | "search" | "verificationEmail" | "orgCreate" | "export";

const PER_MINUTE = new Set<Budget>(["read", "write", "search"]);

/**
 * Spends one unit of a caller's budget (per API token, or per person for a session). Per-minute
 * budgets protect capacity and fail open without Redis; the hourly ones guard against abuse
 * (emails sent to an address, tenants created) and fail closed.
 */
export async function spendBudget(ctx: Context, caller: Auth, budget: Budget): Promise<void> {
  const { perMinute, perHour } = ctx.services.config.rateLimits;
  const who = caller.kind === "token" ? `token:${caller.tokenId}` : `user:${caller.user.id}`;
  const isPerMinute = PER_MINUTE.has(budget);
  const rule = isPerMinute
    ? { limit: perMinute[budget as keyof typeof perMinute], windowSeconds: 60 }
    : { limit: perHour[budget as keyof typeof perHour], windowSeconds: 3_600 };
  await enforceRateLimits(ctx, [{ key: `${budget}:${who}`, rule }], { failOpen: isPerMinute });
}
