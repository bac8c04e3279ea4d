import type { RateLimitRule } from "@tesseract/redis";
import type { LimitsFor } from "./rate-limit.ts";

// Input-keyed rate limits (see `limitedBy` in trpc.ts). Each caps what a call can make the
// installation do for someone else: emails sent to an address, passwords tried on an account.

const perIp: LimitsFor<unknown> = (_input, ctx) => {
  const { rateLimits } = ctx.services.config;
  return [
    {
      key: `ip:${ctx.request.clientIp ?? "unknown"}`,
      rule: { limit: rateLimits.signInPerIp, windowSeconds: rateLimits.windowSeconds },
    },
  ];
};

function prefixed(prefix: string, limits: { key: string; rule: RateLimitRule }[]) {
  return limits.map((l) => ({ ...l, key: `${prefix}:${l.key}` }));
}

/**
 * New and existing addresses spend the same budgets, so a 429 reveals nothing either; the
 * per-address one also caps the notices an existing owner can be sent.
 */
export const signUpLimits: LimitsFor<{ email: string }> = (input, ctx) =>
  prefixed("sign-up", [
    { key: `account:${input.email}`, rule: { limit: 5, windowSeconds: 3_600 } },
    ...perIp(input, ctx),
  ]);

export const signInLimits: LimitsFor<{ email: string }> = (input, ctx) => {
  const { rateLimits } = ctx.services.config;
  return prefixed("sign-in", [
    {
      key: `account:${input.email}`,
      rule: { limit: rateLimits.signInPerAccount, windowSeconds: rateLimits.windowSeconds },
    },
    ...perIp(input, ctx),
  ]);
};

/** Known and unknown addresses spend the same budgets, so a 429 reveals nothing either. */
export const passwordResetLimits: LimitsFor<{ email: string }> = (input, ctx) =>
  prefixed("reset", [
    { key: `account:${input.email}`, rule: { limit: 5, windowSeconds: 3_600 } },
    ...perIp(input, ctx),
  ]);

/** Each invitation sends an email: capped per organization, whoever sends them. */
export const invitationLimits: LimitsFor<{ orgId: string }> = (input) => [
  { key: `invite:org:${input.orgId}`, rule: { limit: 100, windowSeconds: 3_600 } },
];
