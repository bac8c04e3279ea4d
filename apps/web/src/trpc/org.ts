import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";
import { apiErrorCode } from "~/lib/api-error.ts";
import { api } from "./server.ts";
import { requireMe } from "./session.ts";
import type { RouterOutputs } from "./types.ts";

export type Org = RouterOutputs["org"]["get"];

/**
 * The organization of an /orgs/[orgId] page with the caller's role in it (one `org.get` per
 * request). Not a member, no such organization and a malformed id all look the same: 404.
 */
export const requireOrg = cache(async (orgId: string): Promise<Org> => {
  await requireMe();
  try {
    return await api.org.get({ orgId });
  } catch (error) {
    const code = apiErrorCode(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
});
