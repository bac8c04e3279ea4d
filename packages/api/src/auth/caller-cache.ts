import type { Config } from "@tesseract/config";
import { createLocalCache, type FillTicket, type LiveBus } from "@tesseract/redis";
import type { Role } from "@tesseract/validators";
import type { Auth } from "./credentials.ts";

/** Bus keys whose messages drop what an instance remembers of a person, or of an organization. */
export const personAccess = (personId: string) => `auth:${personId}`;
export const orgAccess = (orgId: string) => `auth:org:${orgId}`;

const MAX_ENTRIES = 50_000;

/**
 * What an instance remembers of its callers, so that an authenticated request needs no round
 * trip before its work: a session's person, a token's person and role, a person's role in an
 * organization. Every change to these signals the person (or organization) on the live bus,
 * which drops them on every instance (see signalAuthChange); nothing is remembered while the
 * bus is down, and never longer than AUTH_CACHE_TTL_SECONDS.
 */
export interface CallerCache {
  session(sessionId: string): Auth | undefined;
  token(tokenHash: string): Auth | undefined;
  role(personId: string, orgId: string): Role | undefined;
  begin(): FillTicket;
  rememberSession(ticket: FillTicket, auth: Auth & { kind: "session" }, until: number): void;
  rememberToken(
    ticket: FillTicket,
    tokenHash: string,
    auth: Auth & { kind: "token" },
    until: number,
  ): void;
  rememberRole(ticket: FillTicket, personId: string, orgId: string, role: Role): void;
  /** Forgets here at once, then on every other instance (a signal on the bus). */
  invalidate(group: string): Promise<void>;
  /** Entries last at most this long (ms), on the services' clock. */
  ttlMs: number;
}

type Remembered = { auth: Auth } | { role: Role };

export function createCallerCache(
  config: Config,
  bus: LiveBus,
  now: () => number,
): CallerCache | undefined {
  const ttlMs = config.authCache.ttlSeconds * 1_000;
  if (ttlMs === 0) return undefined;
  const cache = createLocalCache<Remembered>({
    bus,
    prefix: "auth:",
    maxEntries: MAX_ENTRIES,
    ttlMs,
    now,
  });
  const authOf = (entry: Remembered | undefined) =>
    entry && "auth" in entry ? entry.auth : undefined;
  return {
    ttlMs,
    session: (sessionId) => authOf(cache.get(`s:${sessionId}`)),
    token: (tokenHash) => authOf(cache.get(`t:${tokenHash}`)),
    role(personId, orgId) {
      const entry = cache.get(`m:${personId}:${orgId}`);
      return entry && "role" in entry ? entry.role : undefined;
    },
    begin: () => cache.begin(),
    rememberSession(ticket, auth, until) {
      cache.store(ticket, `s:${auth.sessionId}`, { auth }, until, [personAccess(auth.user.id)]);
    },
    rememberToken(ticket, tokenHash, auth, until) {
      cache.store(ticket, `t:${tokenHash}`, { auth }, until, [
        personAccess(auth.user.id),
        orgAccess(auth.orgId),
      ]);
    },
    rememberRole(ticket, personId, orgId, role) {
      cache.store(ticket, `m:${personId}:${orgId}`, { role }, now() + ttlMs, [
        personAccess(personId),
        orgAccess(orgId),
      ]);
    },
    invalidate: (group) => cache.invalidate(group),
  };
}
