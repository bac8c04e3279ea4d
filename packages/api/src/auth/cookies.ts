import type { Config } from "@tesseract/config";

/** A cookie's value from a Cookie header; a malformed value (bad %-escapes) counts as absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  // Read in place (every signed-in request does this): each `;`-separated part in turn, the
  // first whose text before its first `=` (not at its start) is the name, trimmed.
  for (let start = 0; start <= header.length;) {
    let end = header.indexOf(";", start);
    if (end === -1) end = header.length;
    const equals = header.indexOf("=", start);
    if (equals > start && equals < end && header.slice(start, equals).trim() === name) {
      const value = header.slice(equals + 1, end).trim();
      // Without a %-escape there is nothing to decode (and nothing malformed).
      if (!value.includes("%")) return value;
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
    start = end + 1;
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
