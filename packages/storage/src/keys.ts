const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Builds an object key under the organization's prefix: `org/<orgId>/<segment>/...`.
 * Segments are ids the server chose, never user-supplied paths; anything that could walk
 * out of the prefix (slashes, "..", empty) is refused.
 */
export function objectKey(orgId: string, ...segments: string[]): string {
  for (const segment of [orgId, ...segments]) {
    if (!SAFE_SEGMENT.test(segment) || segment.includes("..")) {
      throw new Error(`unsafe object key segment: ${JSON.stringify(segment)}`);
    }
  }
  return ["org", orgId, ...segments].join("/");
}
