import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp, trustedProxies } from "./client-ip.ts";

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  }) as unknown as IncomingMessage;

describe("trusted proxies", () => {
  it("match exact addresses and CIDR ranges, IPv4-mapped IPv6 peers included", () => {
    const trusted = trustedProxies(["127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"]);
    // Twice: the second round reads the remembered answers.
    for (let round = 0; round < 2; round++) {
      for (const address of ["127.0.0.1", "::1", "10.244.3.7", "::ffff:10.1.2.3", "fd12::5"])
        expect(trusted.has(address), address).toBe(true);
      for (const address of ["127.0.0.2", "11.0.0.1", "::ffff:11.0.0.1", "fe80::1", "web", ""])
        expect(trusted.has(address), address).toBe(false);
    }
  });

  it("trust no one when none is configured", () => {
    const trusted = trustedProxies([]);
    for (const address of ["127.0.0.1", "::1", "10.244.3.7"])
      expect(trusted.has(address), address).toBe(false);
    expect(clientIp(request("127.0.0.1", "198.51.100.7"), trusted)).toBe("127.0.0.1");
  });

  it("believe X-Forwarded-For only from a trusted peer, taking the right-most untrusted hop", () => {
    const trusted = trustedProxies(["10.0.0.0/8"]);
    // A web pod (any address in the pod network) forwards the visitor's address.
    expect(clientIp(request("10.244.1.9", "198.51.100.7"), trusted)).toBe("198.51.100.7");
    // A forged hop before the real one is ignored.
    expect(clientIp(request("10.244.1.9", "1.2.3.4, 198.51.100.7"), trusted)).toBe("198.51.100.7");
    // Anyone else's header is not believed.
    expect(clientIp(request("203.0.113.5", "198.51.100.7"), trusted)).toBe("203.0.113.5");
  });
});
