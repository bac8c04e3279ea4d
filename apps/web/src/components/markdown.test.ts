import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { toggleTaskItem } from "~/lib/task-list.ts";
import { Markdown } from "./markdown.tsx";

const render = (text: string, onToggleTask?: (offset: number) => void) =>
  renderToStaticMarkup(createElement(Markdown, { children: text, onToggleTask }));

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

describe("GitHub-flavoured markdown", () => {
  it("renders tables in a region that scrolls, and strikethrough", () => {
    const html = render("| Step | Owner |\n| --- | --- |\n| Ship | Ada |\n\n~~old~~");
    expect(html).toContain('role="region"');
    expect(html).toContain("<th>Step</th>");
    expect(html).toContain("<td>Ada</td>");
    expect(html).toContain("<del>old</del>");
  });

  it("renders task lists as named boxes, disabled until hydrated, toggled only when allowed", () => {
    const html = render("- [x] Write tests\n- [ ] Ship it");
    expect(html).toContain('aria-label="Write tests"');
    expect(html).toMatch(
      /<input type="checkbox" aria-label="Write tests" disabled="" readOnly="" checked=""/,
    );
    // A box that can be ticked names its place in the source, and is disabled in the server's
    // HTML all the same: it answers once hydrated (the browser tests tick one).
    const editable = render("- [ ] Ship it", () => undefined);
    expect(editable).toMatch(/<input type="checkbox" aria-label="Ship it" disabled="" readOnly=""/);
    expect(editable).toContain('data-task-offset="0"');
    expect(html).not.toContain("data-task-offset");
  });

  it("still escapes HTML inside tables and task lists", () => {
    const html = render("| a |\n| - |\n| <b onclick=x>b</b> |\n\n- [ ] <script>x</script>");
    expect(html).not.toContain("<b ");
    expect(html).not.toContain("<script");
  });
});

describe("toggleTaskItem", () => {
  const source = "Plan:\n\n- [ ] one\n- [x] two\n  1. [ ] nested\n\n`- [ ] code`";
  it("ticks and clears the box of the item starting at an offset", () => {
    expect(toggleTaskItem(source, source.indexOf("- [ ] one"))).toBe(
      source.replace("- [ ] one", "- [x] one"),
    );
    expect(toggleTaskItem(source, source.indexOf("- [x] two"))).toBe(
      source.replace("- [x] two", "- [ ] two"),
    );
    expect(toggleTaskItem(source, source.indexOf("1. [ ]"))).toBe(
      source.replace("1. [ ] nested", "1. [x] nested"),
    );
  });

  it("changes nothing where no box starts", () => {
    expect(toggleTaskItem(source, 0)).toBeNull();
    expect(toggleTaskItem(source, -1)).toBeNull();
    expect(toggleTaskItem(source, 9999)).toBeNull();
  });

  it("finds each rendered box's own item in the source (and not the one in code)", () => {
    const html = render(source, () => undefined);
    const offsets = [...html.matchAll(/data-task-offset="(\d+)"/g)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(3);
    const toggled = offsets.map((offset) => toggleTaskItem(source, offset));
    expect(toggled).toEqual([
      source.replace("- [ ] one", "- [x] one"),
      source.replace("- [x] two", "- [ ] two"),
      source.replace("1. [ ] nested", "1. [x] nested"),
    ]);
  });
});
