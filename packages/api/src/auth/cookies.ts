import type { Config } from "@tesseract/config";

/** A cookie's value from a Cookie header; a malformed value (bad %-escapes) counts as absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure and __Host- prefixed over https. */
export function sessionCookie(config: Config, secret: string | null): string {
  const { cookieName, secureCookie, absoluteMs } = config.sessions;
  const parts = [
    `${cookieName}=${secret ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${secret ? Math.floor(absoluteMs / 1000) : 0}`,
  ];
  if (secureCookie) parts.push("Secure");
  return parts.join("; ");
}
