import type { IncomingMessage } from "node:http";

/**
 * The caller's address. Behind the web app (which proxies /trpc), the socket peer is the web
 * server, so its X-Forwarded-For is believed — but only from a trusted peer, and only the
 * right-most address it did not add itself, which a client cannot forge.
 */
export function clientIp(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string | null {
  const peer = req.socket.remoteAddress ?? null;
  if (!peer || !trustedProxies.has(peer)) return peer;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!trustedProxies.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}
