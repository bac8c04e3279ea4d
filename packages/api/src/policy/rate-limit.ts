import type { RateLimitRule } from "@tesseract/redis";
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
    ctx.response.setHeader("retry-after", String(retryAfter));
    throw new AppError("RATE_LIMITED", `Too many requests; try again in ${retryAfter} seconds`);
  }
}
