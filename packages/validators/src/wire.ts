/**
 * What an HTTP client of the API must agree with the server on, apart from the schemas: the
 * session cookie's names and how many calls one request may batch. Its own module (imports
 * nothing) because every signed-in page's tRPC link needs it and nothing else of
 * `constants.ts`.
 */

/** The session cookie over http; over https it is `__Host-` prefixed (see SECURE_SESSION_COOKIE). */
export const SESSION_COOKIE = "tesseract_session";
/** `__Host-` binds the cookie to this exact origin over https (no Domain, Path=/, Secure). */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
/** Either name a browser may carry the session under. */
export const SESSION_COOKIES = [SESSION_COOKIE, SECURE_SESSION_COOKIE] as const;

/**
 * Calls one HTTP request may batch, by default (`API_MAX_BATCH_SIZE`). A client's batch link
 * must send no more per request than the server accepts.
 */
export const DEFAULT_MAX_BATCH_SIZE = 10;
