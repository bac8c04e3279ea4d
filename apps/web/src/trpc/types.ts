import type { AppRouter } from "@tesseract/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Who is signed in, as `auth.me` answers. */
export type Me = RouterOutputs["auth"]["me"];
