import { createServer } from "node:net";

/**
 * A loopback port nothing listened on a moment ago, for a process told its port up front
 * (a private redis-server or PostgreSQL, a spawned API server, a bench run). Another process
 * may take it in between; callers that can should listen on port 0 themselves instead.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (typeof address === "object" && address) resolve(address.port);
        else reject(new Error("no free port"));
      });
    });
  });
}
