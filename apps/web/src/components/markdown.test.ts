import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown.tsx";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));

describe("Markdown", () => {
  it("renders markdown as elements", () => {
    const html = render("# Plan\n\n- **one**\n- `two`");
    expect(html).toContain("<h1>Plan</h1>");
    expect(html).toContain("<strong>one</strong>");
    expect(html).toContain("<code>two</code>");
  });

  it("shows raw HTML in the text as text, never as elements", () => {
    const html = render('Hello <script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("drops javascript: links and opens others in a new tab", () => {
    expect(render("[x](javascript:alert(1))")).not.toContain("javascript:");
    expect(render("[docs](https://example.com)")).toContain(
      'href="https://example.com" target="_blank" rel="noopener noreferrer nofollow"',
    );
  });
});
