import { silentLogger } from "@tesseract/config";
import { createRedis, createSessionStore, hashSessionSecret } from "@tesseract/redis";
import type { Fixtures } from "./seed.ts";

export interface RevocationResult {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const DEADLINE_MS = 5_000;

async function status(url: string, init: RequestInit = {}): Promise<number> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(DEADLINE_MS) });
  await res.arrayBuffer();
  return res.status;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

/**
 * How long a session revoked through one instance (`changer`) stays usable on another
 * (`watcher`) that remembers it: for each sample, a fresh session of the fixture's user is
 * used on the watcher (so its caller cache holds it), revoked through the changer's
 * `session.revoke`, and the watcher is asked again, request after request, until it refuses.
 * The time runs from the changer's answer to the watcher's first refusal.
 */
export async function measureRevocation(options: {
  changer: string;
  watcher: string;
  redis: { url: string; keyPrefix: string };
  fixtures: Fixtures;
  samples: number;
}): Promise<RevocationResult> {
  const { fixtures } = options;
  const redis = await createRedis({ ...options.redis, logger: silentLogger });
  try {
    const store = createSessionStore(redis.client, {
      idleMs: 3_600_000,
      absoluteMs: 86_400_000,
      now: () => Date.now(),
    });
    const ownSecret = fixtures.cookie.slice(fixtures.cookieName.length + 1);
    const raw = await redis.client.get(`session:${hashSessionSecret(ownSecret)}`);
    if (!raw) throw new Error("revocation: the fixture's session is not in Redis");
    const { userId } = JSON.parse(raw) as { userId: string };
    const orgGet = `/trpc/org.get?input=${encodeURIComponent(JSON.stringify({ json: { orgId: fixtures.orgId } }))}`;
    const times: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const { secret, session } = await store.create(userId, { ip: null, userAgent: "bench" });
      const headers = { cookie: `${fixtures.cookieName}=${secret}` };
      for (let warm = 0; warm < 2; warm++)
        if ((await status(options.watcher + orgGet, { headers })) !== 200)
          throw new Error("revocation: the watcher refused a live session");
      const revoked = await status(`${options.changer}/trpc/session.revoke`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: fixtures.cookie },
        body: JSON.stringify({ json: { sessionId: session.id } }),
      });
      if (revoked !== 200) throw new Error(`revocation: session.revoke answered ${revoked}`);
      const started = performance.now();
      while ((await status(options.watcher + orgGet, { headers })) === 200) {
        if (performance.now() - started > DEADLINE_MS)
          throw new Error(`revocation: still accepted after ${DEADLINE_MS} ms`);
      }
      times.push(performance.now() - started);
    }
    const sorted = times.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      samples: sorted.length,
      p50Ms: round(quantile(sorted, 0.5)),
      p99Ms: round(quantile(sorted, 0.99)),
      maxMs: round(sorted.at(-1) ?? NaN),
    };
  } finally {
    await redis.close();
  }
}
