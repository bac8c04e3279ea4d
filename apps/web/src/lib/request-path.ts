/**
 * Set by src/proxy.ts on every page request: the path and query the visitor asked for. Layouts
 * cannot otherwise know it, and the authenticated layout needs it for `/sign-in?next=…`.
 * The proxy always overwrites it, so a value sent by the client never arrives.
 */
export const REQUEST_PATH_HEADER = "x-tesseract-path";
