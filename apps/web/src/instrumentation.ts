/**
 * Runs once when the web server starts (Next's instrumentation hook). In the Node.js runtime it
 * makes pooled connections honour the API's keep-alive deadline (lib/keep-alive-hint.ts).
 */
export async function register(): Promise<void> {
  // Next's own variable, set by the runtime; the edge runtime has no node:http to adjust.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { honourKeepAliveHints } = await import("./lib/keep-alive-hint.ts");
  honourKeepAliveHints();
}
