"use client";

import type { PresenceScope } from "@tesseract/validators";
import { useViewers } from "./use-live-events.ts";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");

/** Avatars of the others viewing this board or task. */
export function Viewers({ orgId, scope }: { orgId: string; scope: PresenceScope }) {
  const viewers = useViewers(orgId, scope);
  if (viewers.length === 0) return null;
  const names = viewers.map((viewer) => viewer.name).join(", ");
  return (
    <ul aria-label={`Also viewing: ${names}`} className="flex -space-x-2" data-testid="viewers">
      {viewers.slice(0, 5).map((viewer) => (
        <li
          key={viewer.personId}
          title={viewer.name}
          className="flex size-7 items-center justify-center rounded-full bg-indigo-100 text-xs font-medium text-indigo-800 ring-2 ring-white dark:bg-indigo-900 dark:text-indigo-100 dark:ring-zinc-950"
        >
          {initials(viewer.name)}
        </li>
      ))}
      {viewers.length > 5 ? (
        <li className="flex size-7 items-center justify-center rounded-full bg-zinc-200 text-xs ring-2 ring-white dark:bg-zinc-800 dark:ring-zinc-950">
          +{viewers.length - 5}
        </li>
      ) : null}
    </ul>
  );
}
