import { randomUUID } from "node:crypto";

/**
 * One client connection carrying live subscriptions: a WebSocket (many subscriptions) or an
 * SSE response (one). The server builds it; subscriptions read how much the client has left
 * unread and drop it when it falls too far behind.
 */
export interface LiveConnection {
  id: string;
  transport: "ws" | "sse";
  /** Bytes written to the client and not yet taken by it. */
  unreadBytes(): number;
  /** Ends the connection, telling the client why where the transport can. */
  drop(reason: string): void;
  /** Subscriptions open on it now. */
  subscriptions: number;
  /** SSE: the per-person connection slot this stream holds, released when it ends. */
  release?: () => void;
}

/** Live connections per person on this instance, bounded (LIVE_MAX_CONNECTIONS_PER_PERSON). */
export class LiveConnectionCounter {
  private readonly byPerson = new Map<string, number>();
  private readonly maxPerPerson: number;

  constructor(maxPerPerson: number) {
    this.maxPerPerson = maxPerPerson;
  }

  /** A slot for one more connection, or undefined when the person holds the maximum. */
  acquire(personId: string): (() => void) | undefined {
    const open = this.byPerson.get(personId) ?? 0;
    if (open >= this.maxPerPerson) return undefined;
    this.byPerson.set(personId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.byPerson.get(personId) ?? 1) - 1;
      if (left <= 0) this.byPerson.delete(personId);
      else this.byPerson.set(personId, left);
    };
  }

  /** Open connections in all, for metrics and tests. */
  get total(): number {
    let sum = 0;
    for (const open of this.byPerson.values()) sum += open;
    return sum;
  }
}

export function newConnection(
  transport: LiveConnection["transport"],
  io: Pick<LiveConnection, "unreadBytes" | "drop">,
): LiveConnection {
  return { id: randomUUID(), transport, subscriptions: 0, ...io };
}
