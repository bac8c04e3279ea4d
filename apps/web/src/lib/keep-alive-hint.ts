import { Agent } from "node:http";
import type { Socket } from "node:net";

const HINT = /^timeout=(\d+)/;
const installed = Symbol.for("tesseract.keep-alive-hint");

/**
 * Makes every `http.Agent` without a timeout of its own close an idle pooled connection before
 * the server does, as the server's `Keep-Alive: timeout=N` asks. Node applies that hint only to
 * an agent that has a `timeout` option (`keepSocketAlive` takes the smaller of the two, and an
 * unset timeout counts as 0); the keep-alive agent behind this server's /trpc proxy has none, so
 * it kept idle connections to the API forever and now and then sent a call on one the API was
 * just closing, which came back as a 500. With the hint, the agent lets go of an idle connection
 * `agentKeepAliveTimeoutBuffer` (1 s) before the server's deadline, as Node's own rule does.
 * Installed once per process by instrumentation.ts.
 */
export function honourKeepAliveHints(): void {
  const proto = Agent.prototype as Agent & {
    [installed]?: true;
    keepSocketAlive(socket: Socket): boolean;
  };
  if (proto[installed]) return;
  proto[installed] = true;
  // Node's own rule runs first (TCP keep-alive, unref, its timeout); the hint only adds to it.
  const nodeRule = Object.getOwnPropertyDescriptor(proto, "keepSocketAlive")?.value as (
    this: Agent,
    socket: Socket,
  ) => boolean;
  proto.keepSocketAlive = function (this: AgentWithOptions, socket: Socket): boolean {
    const kept = nodeRule.call(this, socket);
    if (!kept || this.options.timeout) return kept;
    const response = (socket as SocketWithMessage)._httpMessage?.res;
    const header = response?.headers["keep-alive"];
    const seconds = typeof header === "string" ? HINT.exec(header)?.[1] : undefined;
    if (seconds === undefined) return kept;
    const idleMs = Number(seconds) * 1_000 - (this.agentKeepAliveTimeoutBuffer ?? 1_000);
    if (idleMs <= 0) return false;
    socket.setTimeout(idleMs);
    return kept;
  };
}

type AgentWithOptions = Agent & {
  options: { timeout?: number };
  agentKeepAliveTimeoutBuffer?: number;
};

type SocketWithMessage = Socket & {
  _httpMessage?: { res?: { headers: Record<string, string | string[] | undefined> } } | null;
};
