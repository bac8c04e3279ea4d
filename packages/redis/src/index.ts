export { createRedis } from "./connection.ts";
export type { RedisHandle, RedisKind, RedisOptions } from "./connection.ts";
export type { Redis } from "ioredis";
