import type { RedisHandle } from "./connection.ts";

/** One run of one Redis server, as seen over one connection to it. */
export interface ServerLifetime {
  /** INFO's run_id: random per server process start, different on a replica. */
  runId: string;
  /** Which of our connections read it (each reconnect is a new one). */
  connection: number;
}

export interface ServerLifetimeTracker {
  /** The lifetime behind the current connection; reads INFO once per connection. */
  current(): Promise<ServerLifetime>;
  /** Whether replies still come over the connection `lifetime` was read on. */
  isCurrent(lifetime: ServerLifetime): boolean;
}

const LOCAL: ServerLifetime = { runId: "local", connection: 0 };

/**
 * Which Redis server process answers, so that nothing learnt from one run of a server is taken
 * for the truth about another (a restart, a restore from a snapshot, a failover).
 *
 * A run id is only as good as the connection it came over: ioredis resends unanswered commands
 * after reconnecting, possibly to a different server. So the connection count moves on every
 * `close` (before any command can go over the next connection), a run id read over an older
 * connection is dropped, and callers check `isCurrent` after the replies they rely on. The
 * embedded stand-in lives and dies with the process: its one lifetime is constant.
 */
export function trackServerLifetime(
  redis: Pick<RedisHandle, "client" | "kind">,
): ServerLifetimeTracker {
  if (redis.kind === "memory")
    return { current: () => Promise.resolve(LOCAL), isCurrent: () => true };
  const { client } = redis;
  let connection = 0;
  let known: ServerLifetime | undefined;
  let learning: Promise<ServerLifetime> | undefined;

  client.on("close", () => {
    connection++;
    known = undefined;
    learning = undefined;
  });

  function learn(): Promise<ServerLifetime> {
    const at = connection;
    const attempt = client
      .info("server")
      .then((info) => {
        const runId = /^run_id:([0-9a-f]+)/m.exec(info)?.[1];
        if (!runId) throw new Error("redis INFO reported no run_id");
        if (at !== connection) throw new Error("redis connection changed while reading run_id");
        known = { runId, connection: at };
        return known;
      })
      .finally(() => {
        if (learning === attempt) learning = undefined;
      });
    learning = attempt;
    return attempt;
  }

  return {
    current: () => (known ? Promise.resolve(known) : (learning ?? learn())),
    isCurrent: (lifetime) => lifetime.connection === connection && known === lifetime,
  };
}
