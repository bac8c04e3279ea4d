"use client";

import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";

/**
 * The bell itself needs React Query and the tRPC client, which public pages never load: it is
 * a chunk of its own, rendered on the server like the rest of the header (so nothing moves when
 * it hydrates) and loaded only on an organization's pages, which have that code already.
 */
const LiveBell = dynamic(
  () => import("./notification-bell-live.tsx").then((module) => module.LiveBell),
  // A boundary of its own (next/dynamic adds one only with `loading`), so the rest of the
  // header hydrates without waiting for the bell's chunk; the stand-in keeps its place.
  { loading: () => <span aria-hidden="true" className="size-9" /> },
);

/** The bell of the organization in the address bar (none outside one). */
export function NotificationBell() {
  const orgId = /^\/orgs\/([^/]+)/.exec(usePathname())?.[1];
  return orgId ? <LiveBell orgId={orgId} /> : null;
}
