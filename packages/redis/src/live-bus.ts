import type { Logger } from "@tesseract/config";
import type { Redis } from "ioredis";
import type { RedisHandle } from "./connection.ts";

/** One message on a stream: `id` is its place in the replay buffer, null for a signal. */
export interface BusMessage {
  key: string;
  id: string | null;
  payload: string;
}

/**
 * `"reset"`: the bus lost its subscription for a while (Redis restarted or was unreachable), so
 * messages may have been missed: listeners should tell their clients to refetch.
 */
export type BusListener = (message: BusMessage | "reset") => void;

export interface ReplayPage {
  entries: { id: string; payload: string }[];
  /** False when entries after `afterId` were trimmed from the buffer (or it expired). */
  complete: boolean;
  /**
   * The newest id the page accounts for, to resume from: its last entry; with none, the newest
   * id that is gone from an incomplete buffer, or `afterId`.
   */
  newest: string;
}

/**
 * Fan-out of live events across server instances, with a bounded replay buffer per stream key
 * (an organization, a person). `publish` appends to the key's buffer and delivers to every
 * instance's listeners of that key in buffer order; `signal` delivers without buffering.
 */
export interface LiveBus {
  kind: "redis" | "memory";
  publish(key: string, payload: string): Promise<string>;
  signal(key: string, payload: string): Promise<void>;
  /**
   * What `signal(key, payload)` publishes, for a Redis script that signals in the same step as
   * its writes (so no instance hears the signal before the writes are done). Undefined on the
   * in-process bus, which has no Redis to run a script on.
   */
  signalWire?(key: string, payload: string): { channel: string; message: string };
  listen(key: string, listener: BusListener): () => void;
  /** Listens to every key that starts with `prefix` (signals and published messages alike). */
  listenPrefix(prefix: string, listener: BusListener): () => void;
  /**
   * Whether this instance is subscribed right now, so that what others publish reaches it. False
   * from the moment the subscription drops until it is confirmed again (the in-process stand-in
   * is always subscribed): whoever relies on hearing invalidations must stop trusting what it
   * holds meanwhile.
   */
  isListening(): boolean;
  /**
   * The id of the newest entry ever published to the key (buffered or not), `"0-0"` when there
   * was none: read before a page's data, it is where a subscription opened later replays from
   * (what came after the read).
   */
  position(key: string): Promise<string>;
  /**
   * Buffered entries after `afterId` (exclusive), oldest first, at most `limit`. Incomplete when
   * an entry after `afterId` is gone: trimmed, or expired with the whole buffer. A buffer whose
   * history is unknown (none was ever published to the key, or Redis lost it) is complete only
   * after `"0-0"`.
   */
  since(key: string, afterId: string, limit: number): Promise<ReplayPage>;
  close(): Promise<void>;
}

export interface LiveBusOptions {
  /** Entries kept per key (exact trim). */
  replayLength: number;
  /** An idle key's buffer expires after this long. */
  ttlMs?: number;
  logger: Logger;
}

const DAY_MS = 86_400_000;
/** The position of a key with nothing buffered (no stream id is smaller). */
const START = "0-0";

/** Compares stream ids (`<ms>-<seq>`) numerically. */
export function compareEventIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split("-").map(Number);
  const [bm = 0, bs = 0] = b.split("-").map(Number);
  return am === bm ? as - bs : am - bm;
}

class Listeners {
  private readonly byKey = new Map<string, Set<BusListener>>();
  private readonly byPrefix = new Map<string, Set<BusListener>>();

  add(key: string, listener: BusListener): () => void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byKey.delete(key);
    };
  }

  addPrefix(prefix: string, listener: BusListener): () => void {
    let set = this.byPrefix.get(prefix);
    if (!set) this.byPrefix.set(prefix, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byPrefix.delete(prefix);
    };
  }

  deliver(message: BusMessage): void {
    // Prefix listeners first: caches drop what a message invalidates before a key's listeners
    // (a live stream re-checking access) look it up again.
    for (const [prefix, set] of this.byPrefix)
      if (message.key.startsWith(prefix)) for (const listener of set) listener(message);
    for (const listener of this.byKey.get(message.key) ?? []) listener(message);
  }

  reset(): void {
    for (const set of this.byKey.values()) for (const listener of set) listener("reset");
    for (const set of this.byPrefix.values()) for (const listener of set) listener("reset");
  }
}

export function createLiveBus(redis: RedisHandle, options: LiveBusOptions): Promise<LiveBus> {
  return redis.kind === "redis"
    ? createRedisLiveBus(redis.client, options)
    : Promise.resolve(createMemoryLiveBus(options));
}

// Three keys per stream: the buffer (KEYS[1]), the newest id gone from it (KEYS[2]: trimming
// does not move XINFO's max-deleted-entry-id, and an expired buffer keeps nothing), and the newest
// id ever published (KEYS[3]), which outlives the buffer: without it, a buffer that expired would
// look like one that never existed, and a reader at "0-0" would be told it missed nothing.
//
// Append, bound, and fan out in one step, so every instance receives a key's messages in the
// order of its buffer (a reconnecting client's replay and the live feed then agree). A buffer
// created again after it expired starts with its predecessor's entries counted as gone, and with
// an id after theirs even if the clock says otherwise: a key's ids only grow.
const PUBLISH_SCRIPT = `
local max = tonumber(ARGV[1])
local length = redis.call('XLEN', KEYS[1])
local id = '*'
if length == 0 then
  local newest = redis.call('GET', KEYS[3])
  if newest then
    redis.call('SET', KEYS[2], newest, 'PX', ARGV[3])
    local ms, seq = string.match(newest, '^(%d+)-(%d+)$')
    local now = redis.call('TIME')
    if tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) <= tonumber(ms) then
      id = ms .. '-' .. string.format('%d', tonumber(seq) + 1)
    end
  end
elseif length >= max then
  local gone = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', length - max + 1)
  redis.call('SET', KEYS[2], gone[#gone][1], 'PX', ARGV[3])
end
id = redis.call('XADD', KEYS[1], 'MAXLEN', max, id, 'e', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('SET', KEYS[3], id)
redis.call('PUBLISH', ARGV[4], ARGV[5] .. '\\n' .. id .. '\\n' .. ARGV[2])
return id`;

// The newest id gone from the buffer and the entries after ARGV[1], read together. An expired
// buffer has lost everything up to the newest id published; nil when the key has no history.
const SINCE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  local newest = redis.call('GET', KEYS[3])
  if not newest then return false end
  return { newest, {} }
end
local deleted = redis.call('GET', KEYS[2]) or '0-0'
return { deleted, redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2]) }`;

// The newest id published; from the buffer for one written before KEYS[3] was kept.
const POSITION_SCRIPT = `
local newest = redis.call('GET', KEYS[3])
if newest then return newest end
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if last[1] then return last[1][1] end
return '0-0'`;

/** Entries after afterId were lost when the newest one gone is later than it. */
function replayPage(entries: ReplayPage["entries"], deleted: string, afterId: string): ReplayPage {
  const complete = compareEventIds(deleted, afterId) <= 0;
  return { entries, complete, newest: entries.at(-1)?.id ?? (complete ? afterId : deleted) };
}

/** A signal on the channel: its key, an empty id (nothing buffered), its payload. */
const signalMessage = (key: string, payload: string) => `${key}\n\n${payload}`;

type PublishCommand = (...keysThenArgs: string[]) => Promise<string>;
type PositionCommand = (...keys: string[]) => Promise<string>;
type SinceCommand = (
  ...keysThenArgs: (string | number)[]
) => Promise<[string, [string, string[]][]] | null>;

async function createRedisLiveBus(client: Redis, options: LiveBusOptions): Promise<LiveBus> {
  // Sent as EVALSHA (the script's text only when the server does not know it yet).
  client.defineCommand("tesseractLivePublish", { numberOfKeys: 3, lua: PUBLISH_SCRIPT });
  client.defineCommand("tesseractLiveSince", { numberOfKeys: 3, lua: SINCE_SCRIPT });
  client.defineCommand("tesseractLivePosition", { numberOfKeys: 3, lua: POSITION_SCRIPT });
  const scripts = client as unknown as {
    tesseractLivePublish: PublishCommand;
    tesseractLiveSince: SinceCommand;
    tesseractLivePosition: PositionCommand;
  };
  const prefix = client.options.keyPrefix ?? "";
  // Channel names are not prefixed by ioredis; the deployment's prefix keeps them apart.
  const channel = `${prefix}live`;
  // The newest-published id has no expiry: one short string per organization or person that ever
  // had an event, so that a page open for any length of time learns what it missed.
  const keys = (key: string) => [`live:${key}`, `live:${key}:trimmed`, `live:${key}:newest`];
  const listeners = new Listeners();
  const subscriber = client.duplicate({ enableOfflineQueue: true, commandTimeout: undefined });
  let readyBefore = false;
  // Subscribed as far as we know: false on any close, true again only once Redis has confirmed
  // the subscription on the new connection (ioredis resubscribes by itself; ours is answered
  // after its own, so its reply proves the channel is live again).
  let listening = false;
  let connection = 0;
  subscriber.on("close", () => {
    listening = false;
    connection++;
  });
  subscriber.on("ready", () => {
    if (!readyBefore) return;
    const at = connection;
    subscriber
      .subscribe(channel)
      .then(() => {
        if (at !== connection) return;
        listening = true;
        // A resubscription after a gap: whatever was published meanwhile never arrived here.
        listeners.reset();
      })
      .catch(() => undefined);
  });
  subscriber.on("error", () => {
    // The main connection logs Redis errors; this one reconnects on its own.
  });
  subscriber.on("message", (_channel: string, raw: string) => {
    const first = raw.indexOf("\n");
    const second = raw.indexOf("\n", first + 1);
    if (first < 0 || second < 0) return;
    const id = raw.slice(first + 1, second);
    listeners.deliver({ key: raw.slice(0, first), id: id || null, payload: raw.slice(second + 1) });
  });
  try {
    const at = connection;
    await subscriber.subscribe(channel);
    listening = at === connection;
  } catch (error) {
    options.logger.error({ err: error }, "live updates: could not subscribe to Redis yet");
  }
  readyBefore = true;
  const ttlMs = String(options.ttlMs ?? DAY_MS);
  return {
    kind: "redis",
    publish: (key, payload) =>
      // The stream id XADD gave the entry (a bulk string).
      scripts.tesseractLivePublish(
        ...keys(key),
        String(options.replayLength),
        payload,
        ttlMs,
        channel,
        key,
      ),
    async signal(key, payload) {
      await client.publish(channel, signalMessage(key, payload));
    },
    signalWire: (key, payload) => ({ channel, message: signalMessage(key, payload) }),
    listen: (key, listener) => listeners.add(key, listener),
    listenPrefix: (prefix, listener) => listeners.addPrefix(prefix, listener),
    isListening: () => listening,
    position: (key) => scripts.tesseractLivePosition(...keys(key)),
    async since(key, afterId, limit) {
      const answer = await scripts.tesseractLiveSince(...keys(key), afterId, limit);
      // No history at all cannot vouch for anything, unless the reader had seen none either: its
      // position was read when nothing had been published, and nothing has been since.
      if (!answer) return { entries: [], complete: afterId === START, newest: afterId };
      const [deleted, rows] = answer;
      const entries = rows.map(([id, fields]) => ({ id, payload: fields[1] ?? "" }));
      return replayPage(entries, deleted, afterId);
    },
    async close() {
      listening = false;
      subscriber.disconnect();
      return Promise.resolve();
    },
  };
}

/**
 * The embedded mode's bus: the same contract in one process (the in-process Redis stand-in has
 * no cross-connection pub/sub or Lua to build it on). Delivery is asynchronous, as over Redis.
 */
export function createMemoryLiveBus(options: LiveBusOptions): LiveBus {
  const listeners = new Listeners();
  const buffers = new Map<
    string,
    { entries: { id: string; payload: string }[]; deleted: string }
  >();
  let lastMs = 0;
  let seq = 0;
  const nextId = () => {
    const now = Date.now();
    if (now > lastMs) {
      lastMs = now;
      seq = 0;
    } else seq++;
    return `${lastMs}-${seq}`;
  };
  const deliverLater = (message: BusMessage) => {
    queueMicrotask(() => {
      listeners.deliver(message);
    });
  };
  return {
    kind: "memory",
    publish(key, payload) {
      const id = nextId();
      let buffer = buffers.get(key);
      if (!buffer) buffers.set(key, (buffer = { entries: [], deleted: "0-0" }));
      buffer.entries.push({ id, payload });
      while (buffer.entries.length > options.replayLength)
        buffer.deleted = buffer.entries.shift()!.id;
      deliverLater({ key, id, payload });
      return Promise.resolve(id);
    },
    signal(key, payload) {
      deliverLater({ key, id: null, payload });
      return Promise.resolve();
    },
    listen: (key, listener) => listeners.add(key, listener),
    listenPrefix: (prefix, listener) => listeners.addPrefix(prefix, listener),
    isListening: () => true,
    position(key) {
      return Promise.resolve(buffers.get(key)?.entries.at(-1)?.id ?? START);
    },
    since(key, afterId, limit) {
      const buffer = buffers.get(key);
      if (!buffer)
        return Promise.resolve({ entries: [], complete: afterId === START, newest: afterId });
      const entries = buffer.entries
        .filter((entry) => compareEventIds(entry.id, afterId) > 0)
        .slice(0, limit);
      return Promise.resolve(replayPage(entries, buffer.deleted, afterId));
    },
    close: () => Promise.resolve(),
  };
}
