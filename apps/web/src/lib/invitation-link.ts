/** The token of an invitation link's path (`/invitations/accept?token=…`), or null. */
export function invitationTokenOf(path: string): string | null {
  const url = new URL(path, "http://tesseract.invalid");
  if (url.pathname !== "/invitations/accept") return null;
  const token = url.searchParams.get("token");
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}
