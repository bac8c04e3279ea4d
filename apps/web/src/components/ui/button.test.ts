import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button.tsx";

const render = (props: Parameters<typeof Button>[0]) =>
  renderToStaticMarkup(createElement(Button, props));

describe("Button", () => {
  it("is named by its label until its request is sent, then busy and named by what it does", () => {
    const props = { type: "submit", pendingLabel: "Signing in…", children: "Sign in" } as const;
    expect(render(props)).toMatch(/^<button type="submit" class="[^"]*">Sign in<\/button>$/);
    const busy = render({ ...props, pending: true });
    expect(busy).toMatch(/^<button type="submit" disabled="" aria-busy="true"/);
    expect(busy).toMatch(/<\/svg>Signing in…<\/button>$/);
  });

  it("keeps its label while pending when it has no other", () => {
    expect(render({ pending: true, children: "Retry" })).toMatch(/<\/svg>Retry<\/button>$/);
  });
});
