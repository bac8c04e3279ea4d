import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import StatusError from "./error.tsx";

describe("the status page without an API answer", () => {
  it("says the API server may be starting, without telling anyone to run pnpm dev", () => {
    const html = renderToStaticMarkup(
      createElement(StatusError, { error: new Error("fetch failed"), retry: () => undefined }),
    );
    expect(html).toContain("Starting…");
    expect(html).toContain("checks again");
    expect(html).not.toContain("pnpm dev");
    expect(html).not.toContain("fetch failed");
  });
});
