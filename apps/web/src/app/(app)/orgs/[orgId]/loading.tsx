import { Skeleton } from "~/components/ui/skeleton.tsx";

/** While an organization's page loads (the main column's width is already the page's own). */
export default function OrgLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p role="status" className="sr-only">
        Loading…
      </p>
      <Skeleton className="h-9 w-56" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}
