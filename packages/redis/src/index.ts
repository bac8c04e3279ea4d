export { createRedis } from "./connection.ts";
export type { RedisHandle, RedisKind, RedisOptions } from "./connection.ts";
export { createRateLimiter } from "./rate-limit.ts";
export type { RateLimiter, RateLimitResult, RateLimitRule } from "./rate-limit.ts";
export { createSessionStore, hashSessionSecret } from "./sessions.ts";
export type { SessionInfo, SessionPolicy, SessionRecord, SessionStore } from "./sessions.ts";
export type { Redis } from "ioredis";
export { createTagCache } from "./cache.ts";
export type { CacheStats, TagCache } from "./cache.ts";
