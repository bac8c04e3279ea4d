import "server-only";

import { cache } from "react";
import { fetchForPage, getApi } from "./server.tsx";
import { requireMe } from "./session.ts";
import type { RouterOutputs } from "./types.ts";

export type Org = RouterOutputs["org"]["get"];

/**
 * The organization of an /orgs/[orgId] page with the caller's role in it (one `org.get` per
 * request). Not a member, no such organization and a malformed id all look the same: 404.
 */
export const requireOrg = cache(async (orgId: string): Promise<Org> => {
  await requireMe();
  return fetchForPage(getApi().org.get.fetch({ orgId }), { urlNamesIt: true });
});
