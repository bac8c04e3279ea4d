import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/** The peers whose X-Forwarded-For is believed. */
export interface TrustedProxies {
  has(address: string): boolean;
}

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * TRUSTED_PROXIES as a matcher: exact addresses, or ranges in CIDR notation (a Kubernetes pod
 * network such as 10.0.0.0/8, whose addresses change with every pod). An IPv4-mapped IPv6 peer
 * (`::ffff:10.1.2.3`, how a dual-stack socket reports an IPv4 client) matches its IPv4 entry.
 */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  // No proxy trusted (the default): every request's peer is its client, with nothing to check.
  if (entries.length === 0) return { has: () => false };
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  const check = (address: string): boolean => {
    const version = isIP(address);
    if (version === 0) return false;
    const mapped = IPV4_MAPPED.exec(address)?.[1];
    if (mapped && list.check(mapped, "ipv4")) return true;
    return list.check(address, version === 6 ? "ipv6" : "ipv4");
  };
  // Each request asks about its peer (a proxy's few addresses) and the hops it forwards: the
  // answers are remembered, up to a bound, so a client sending ever-new hops costs only itself.
  const known = new Map<string, boolean>();
  return {
    has(address) {
      let trusted = known.get(address);
      if (trusted === undefined) {
        trusted = check(address);
        if (known.size < MAX_REMEMBERED) known.set(address, trusted);
      }
      return trusted;
    },
  };
}

const MAX_REMEMBERED = 1_024;

/**
 * The caller's address. Behind the web app (which proxies /trpc), the socket peer is the web
 * server, so its X-Forwarded-For is believed — but only from a trusted peer, and only the
 * right-most address it did not add itself, which a client cannot forge.
 */
export function clientIp(req: IncomingMessage, trusted: TrustedProxies): string | null {
  const peer = req.socket.remoteAddress ?? null;
  if (!peer || !trusted.has(peer)) return peer;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!trusted.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}
