"use client";

import dynamic from "next/dynamic";

/**
 * Markdown, with its parser (react-markdown and micromark, tens of KiB compressed) loaded apart
 * from the page's own code: the server renders it into the HTML, so the text shows at once and
 * the rest of the page responds before the parser arrives.
 */
export const LazyMarkdown = dynamic(() =>
  import("./markdown.tsx").then((module) => module.Markdown),
);
