"use client";

import dynamic from "next/dynamic";
import { type ComponentProps, Suspense } from "react";
import type { Markdown as MarkdownComponent } from "./markdown.tsx";

/**
 * Markdown, with its parser (react-markdown and micromark, tens of KiB compressed) loaded apart
 * from the page's own code: the server renders it into the HTML, so the text shows at once and
 * the rest of the page responds before the parser arrives.
 */
const Markdown = dynamic(() => import("./markdown.tsx").then((module) => module.Markdown));

/**
 * The boundary is what lets the rest of the page hydrate without the parser: without one,
 * hydration of everything up to the page's own boundary waits for the chunk, and a click there
 * meanwhile is lost. Where the parser is not loaded yet on the client (a page reached by a
 * link), the source text stands in for it.
 */
export function LazyMarkdown(props: ComponentProps<typeof MarkdownComponent>) {
  return (
    <Suspense
      fallback={
        <div className={`markdown whitespace-pre-wrap ${props.className ?? ""}`}>
          {props.children}
        </div>
      }
    >
      <Markdown {...props} />
    </Suspense>
  );
}
