import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id parameters: 19 MiB, 2 passes, 1 lane.
// algorithm 2 is Argon2id (the package exports it as a const enum, which erasable TS cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
// Each hash takes ~19 MiB and a core for tens of milliseconds: more at once only queues in
// the thread pool and lets a burst of sign-ins exhaust memory.
const MAX_CONCURRENT = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return withSlot(() => hash(password, OPTIONS));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withSlot(() => verify(passwordHash, password).catch(() => false));
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real check when there is no account, so the time a sign-in
 * takes does not tell whether an email is registered.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("tesseract-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
