import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@tesseract/api";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LoadMore } from "./load-more.tsx";

const idle = {
  hasNextPage: false,
  isFetchingNextPage: false,
  isFetchNextPageError: false,
  error: null,
  fetchNextPage: () => Promise.resolve(),
};
const render = (props: Partial<Parameters<typeof LoadMore>[0]>) =>
  renderToStaticMarkup(
    createElement(LoadMore, { query: idle, errorTitle: "Not loaded", ...props }),
  );

describe("LoadMore", () => {
  it("offers the next page while there is one, named for its list", () => {
    const html = render({
      query: { ...idle, hasNextPage: true },
      context: "in Done",
      endText: "That is everything.",
    });
    expect(html).toMatch(/<button[^>]*>Load more<span class="sr-only"> in Done<\/span><\/button>/);
    expect(html).not.toContain("That is everything.");
  });

  it("is busy while the next page loads", () => {
    const html = render({ query: { ...idle, hasNextPage: true, isFetchingNextPage: true } });
    expect(html).toContain("Loading…");
    expect(html).toMatch(/<button[^>]*disabled=""/);
  });

  it("says when the list is complete, or nothing when no end text is asked for", () => {
    expect(render({ endText: "That is everything." })).toContain("That is everything.");
    expect(render({})).toBe("");
  });

  it("explains a failed page with a way to try again, keeping the button", () => {
    const error = TRPCClientError.from<AppRouter>({
      error: { code: -32603, message: "x", data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 } },
    } as never);
    const html = render({
      query: { ...idle, hasNextPage: true, isFetchNextPageError: true, error },
      label: "Show older",
      errorTitle: "Older history could not be loaded",
    });
    expect(html).toContain("Older history could not be loaded");
    expect(html).toContain("Try again");
    expect(html).toContain("Show older");
  });
});
