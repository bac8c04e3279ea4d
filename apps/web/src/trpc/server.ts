import "server-only";

import type { TRPCUntypedClient } from "@trpc/client";
import { createTRPCUntypedClient } from "@trpc/client";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import type { AppRouter } from "@tesseract/api";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "~/env.ts";
import { apiLinks, STARTING_RETRY } from "./links.ts";
import { createQueryClient } from "./query-client.ts";
import type { TaskPage, TaskPagesInput } from "./task-pages.ts";
import { taskPagesKey } from "./task-pages.ts";

/** One QueryClient per request: what server components prefetch is what HydrateClient sends. */
const getQueryClient = cache(createQueryClient);

/**
 * One HTTP client per request, aimed at the API server and carrying the caller's cookie, so the
 * API sees the same session it would see from the browser. The web app never runs API code.
 */
const getApiClient = cache(async (): Promise<TRPCUntypedClient<AppRouter>> => {
  const incoming = await headers();
  const cookie = incoming.get("cookie");
  // The visitor's address, as for /trpc calls through src/proxy.ts (the API trusts it from us).
  const forwardedFor = incoming.get("x-forwarded-for");
  return createTRPCUntypedClient<AppRouter>({
    links: apiLinks(`${env.API_URL}/trpc`, {
      maxAttempts: STARTING_RETRY.serverAttempts,
      headers: () => ({
        "x-trpc-source": "rsc",
        ...(cookie ? { cookie } : {}),
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      }),
    }),
  });
});

type Caller = Parameters<typeof createHydrationHelpers<AppRouter>>[0];

/**
 * A stand-in for a server-side `createCaller` that runs each call as a query over HTTP.
 * Server components only read, so every call is a query; mutations belong in client components.
 */
function createHttpCaller(path: readonly string[] = []): Caller {
  const target = () => undefined;
  return new Proxy(target, {
    get: (_target, key) =>
      // `then` stays undefined so the proxy is never mistaken for a promise.
      typeof key === "string" && key !== "then" ? createHttpCaller([...path, key]) : undefined,
    apply: async (_target, _this, args: unknown[]) =>
      (await getApiClient()).query(path.join("."), args[0]),
  }) as unknown as Caller;
}

export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(
  createHttpCaller(),
  getQueryClient,
);

/**
 * Awaits prefetches (e.g. `api.system.health.prefetch()`) and rethrows the first failure, so the
 * route's error.tsx explains it instead of client components rendering without data.
 */
export async function prefetchOrThrow(...prefetches: Promise<void>[]): Promise<void> {
  await Promise.all(prefetches);
  const failed = getQueryClient()
    .getQueryCache()
    .getAll()
    .find((query) => query.state.status === "error");
  if (failed?.state.error) throw failed.state.error;
}

/** The first page of a paged `task.list` for the browser's useTaskPages (see task-pages.ts). */
export async function prefetchTaskPages(input: TaskPagesInput): Promise<void> {
  const client = await getApiClient();
  await getQueryClient()
    .infiniteQuery({
      queryKey: taskPagesKey(input),
      queryFn: ({ pageParam }) =>
        client.query("task.list", { ...input, cursor: pageParam }) as Promise<TaskPage>,
      initialPageParam: null as string | null,
    })
    // The failure stays in the query cache, where prefetchOrThrow finds it.
    .catch(() => undefined);
}
