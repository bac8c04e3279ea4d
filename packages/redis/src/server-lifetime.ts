import { createHash } from "node:crypto";
import type { RedisHandle } from "./connection.ts";

/** One run of one Redis server, as seen over one connection to it. */
export interface ServerLifetime {
  /** A short digest of `runId` and `replicationId`, for keys. */
  id: string;
  /** INFO's run_id: random per server process start, different on a replica. */
  runId: string;
  /**
   * INFO's master_replid: the history of the data set. A replica promoted to master takes a
   * new one, so a server that was demoted, resynced and promoted again (same run_id, another
   * data set) is another lifetime too.
   */
  replicationId: string;
  /** Which of our connections read it (each reconnect is a new one). */
  connection: number;
}

export interface ServerLifetimeTracker {
  /** The lifetime behind the current connection; reads INFO once per connection. */
  current(): Promise<ServerLifetime>;
  /** Whether replies still come over the connection `lifetime` was read on. */
  isCurrent(lifetime: ServerLifetime): boolean;
}

const LOCAL: ServerLifetime = {
  id: "local",
  runId: "local",
  replicationId: "local",
  connection: 0,
};

/**
 * Which Redis server run, and which data set history, answers — so that nothing learnt from one
 * is taken for the truth about another (a restart, a restore from a snapshot, a failover).
 *
 * What INFO says is only as good as the connection it came over: ioredis resends unanswered
 * commands after reconnecting, possibly to a different server. So the trust epoch (`connection`)
 * moves on every `close` (before any command can go over the next connection), INFO read in an
 * older epoch is dropped, and callers check `isCurrent` after the replies they rely on.
 *
 * A server can also change data sets under an open connection: a master demoted to a replica
 * (it keeps its clients), resynced, and promoted again has the same run id but a new
 * replication id. INFO is read again once `maxAgeMs` has passed, and a new id moves the epoch
 * too: that case is caught within `maxAgeMs`, every other one at once. The embedded stand-in
 * lives and dies with the process: its one lifetime is constant.
 */
export function trackServerLifetime(
  redis: Pick<RedisHandle, "client" | "kind">,
  options: { maxAgeMs?: number } = {},
): ServerLifetimeTracker {
  if (redis.kind === "memory")
    return { current: () => Promise.resolve(LOCAL), isCurrent: () => true };
  const { client } = redis;
  const maxAgeMs = options.maxAgeMs ?? 1_000;
  let connection = 0;
  let known: { lifetime: ServerLifetime; readAt: number } | undefined;
  let learning: Promise<ServerLifetime> | undefined;

  client.on("close", () => {
    connection++;
    known = undefined;
    learning = undefined;
  });

  function learn(): Promise<ServerLifetime> {
    const at = connection;
    const readAt = Date.now();
    const attempt = client
      .info() // the default sections hold both "server" and "replication"
      .then((info) => {
        const runId = /^run_id:([0-9a-f]+)/m.exec(info)?.[1];
        const replicationId = /^master_replid:([0-9a-f]+)/m.exec(info)?.[1];
        if (!runId || !replicationId) throw new Error("redis INFO lacks run_id or master_replid");
        if (at !== connection) throw new Error("redis connection changed while reading INFO");
        const id = createHash("sha256")
          .update(`${runId}:${replicationId}`)
          .digest("base64url")
          .slice(0, 16);
        // Same connection, another data set: nothing read before this INFO counts any more.
        if (known && known.lifetime.id !== id) connection++;
        const lifetime =
          known?.lifetime.id === id ? known.lifetime : { id, runId, replicationId, connection };
        known = { lifetime, readAt };
        return lifetime;
      })
      .finally(() => {
        if (learning === attempt) learning = undefined;
      });
    learning = attempt;
    return attempt;
  }

  return {
    current: () =>
      known && Date.now() - known.readAt < maxAgeMs
        ? Promise.resolve(known.lifetime)
        : (learning ?? learn()),
    isCurrent: (lifetime) => lifetime.connection === connection,
  };
}
