import "server-only";

import { cache } from "react";
import { getServerClient } from "./request.ts";

/**
 * Where the organization's live stream stands, read once per request and BEFORE the page's
 * data: a page awaits it before it loads anything its live subscription keeps current, and
 * hands it to that subscription as its first `lastEventId`. A change made after the data was
 * read but before the subscription opened is then replayed instead of lost (one made between
 * this read and the data's is replayed too: at worst one refetch too many).
 *
 * Null when it cannot be read: the page still renders, and subscribes from the moment it
 * connects (as it would with no position).
 */
export const livePosition = cache(async (orgId: string): Promise<string | null> => {
  try {
    return (await getServerClient().live.position.query({ orgId })).lastEventId;
  } catch {
    return null;
  }
});
