import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";
export type Outs = inferRouterOutputs<AppRouter>;
