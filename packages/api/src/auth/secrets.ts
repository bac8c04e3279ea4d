import { hash, randomBytes } from "node:crypto";

export function sha256(value: string): string {
  // The one-shot digest: no Hash object per call (about half the cost of createHash).
  return hash("sha256", value, "hex");
}

/**
 * A random secret of 256 bits and its SHA-256. Only the hash is stored: these secrets are
 * high-entropy, so a fast hash is enough (unlike passwords).
 */
export function newSecret(prefix = ""): { secret: string; hash: string } {
  const secret = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: sha256(secret) };
}

export const API_TOKEN_PREFIX = "tsr_";
