import type { AppRouter } from "@tesseract/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

export type { AppRouter } from "@tesseract/api";
export { TRPCClientError } from "@trpc/client";
export { createTesseractClient } from "./client.ts";
export type { TesseractClient, TesseractClientOptions } from "./client.ts";
export { IDEMPOTENT_MUTATIONS } from "./idempotency.ts";

/** Every procedure's input, by path: `RouterInputs["task"]["create"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's output, by path: `RouterOutputs["task"]["list"]["items"][number]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
