import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { honourKeepAliveHints } from "./keep-alive-hint.ts";

let server: Server;
let port = 0;

beforeAll(async () => {
  // Advertises `Keep-Alive: timeout=3` but keeps idle connections far longer itself, so only
  // the client can be the one to close them here.
  server = createServer((req, res) => {
    req.resume();
    res.end("ok");
  });
  server.keepAliveTimeout = 3_000;
  server.keepAliveTimeoutBuffer = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** One GET through `agent`; resolves with its socket once the socket is back in the pool. */
function get(agent: Agent): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, agent, path: "/" }, (res) => {
      res.resume();
    });
    req.on("socket", (socket) => {
      socket.once("free", () => {
        resolve(socket);
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("keep-alive hints", () => {
  it("make an agent without a timeout close an idle connection before the server does", async () => {
    // Node alone: the hint is ignored by an agent with no timeout; its idle socket never expires.
    const plain = new Agent({ keepAlive: true });
    const before = await get(plain);
    expect(before.timeout).toBe(0);
    plain.destroy();

    honourKeepAliveHints();
    honourKeepAliveHints(); // a second call changes nothing
    const agent = new Agent({ keepAlive: true });
    const socket = await get(agent);
    // 3 s advertised, less the agent's 1 s buffer.
    expect(socket.timeout).toBe(2_000);
    const name = Object.keys(agent.freeSockets)[0]!;
    expect(agent.freeSockets[name]).toContain(socket);
    // The agent drops it when the deadline passes: the client closes, not the server.
    await new Promise((resolve) => socket.once("close", resolve));
    expect(agent.freeSockets[name] ?? []).not.toContain(socket);
    // An agent with a timeout of its own keeps Node's rule (the smaller of the two).
    const timed = new Agent({ keepAlive: true, timeout: 1_500 });
    expect((await get(timed)).timeout).toBe(1_500);
    timed.destroy();
    agent.destroy();
  });
});
