import { dehydrate, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HydrateQueries } from "./hydrate-queries.tsx";
import { createQueryClient } from "./query-client.ts";

const KEY = ["member.list", { orgId: "o" }];

/** What a page component shows on its first render: the members, or "none" without them. */
function Members() {
  const { data } = useQuery({ queryKey: KEY, queryFn: () => [] as string[], enabled: false });
  return createElement("p", null, data ? data.join(",") : "none");
}

/** The page's prefetched state, as the server's QueryClient dehydrates it. */
async function prefetched() {
  const server = createQueryClient();
  await server.query({ queryKey: KEY, queryFn: () => ["Ada", "Ben"] });
  return dehydrate(server);
}

function firstRender(
  browser: ReturnType<typeof createQueryClient>,
  state: Awaited<ReturnType<typeof prefetched>>,
) {
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: browser },
      createElement(HydrateQueries, { state, children: createElement(Members) }),
    ),
  );
}

describe("HydrateQueries", () => {
  it("hydrates a prefetched query during the first render", async () => {
    expect(firstRender(createQueryClient(), await prefetched())).toBe("<p>Ada,Ben</p>");
  });

  it("does so too when a component above created that query empty (disabled) before", async () => {
    const browser = createQueryClient();
    // What a closed dialog in a layout does: a disabled query, in the cache without data.
    browser.getQueryCache().build(browser, { queryKey: KEY });
    expect(browser.getQueryData(KEY)).toBeUndefined();
    expect(firstRender(browser, await prefetched())).toBe("<p>Ada,Ben</p>");
  });

  it("leaves a query that already holds data to HydrationBoundary's rules (newer data, in an effect)", async () => {
    const browser = createQueryClient();
    browser.setQueryData(KEY, ["Cached"]);
    const state = await prefetched();
    expect(firstRender(browser, state)).toBe("<p>Cached</p>");
  });
});
