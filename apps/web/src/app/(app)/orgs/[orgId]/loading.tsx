"use client";

import { usePathname } from "next/navigation";
import { Skeleton } from "~/components/ui/skeleton.tsx";

/** A project's board or list: /orgs/<org>/projects/<key>, optionally /list. */
const PROJECT_VIEW = /^\/orgs\/[^/]+\/projects\/[^/]+(?:\/list)?\/?$/;

export default function OrgLoading() {
  // A project's views widen <main> (data-wide); the skeleton standing in for them while the
  // project loads takes the same width, so the page does not shift when they arrive.
  const isProjectView = PROJECT_VIEW.test(usePathname());
  return (
    <div className="space-y-6" aria-busy="true" data-wide={isProjectView ? "" : undefined}>
      <p role="status" className="sr-only">
        Loading…
      </p>
      <Skeleton className="h-9 w-56" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}
