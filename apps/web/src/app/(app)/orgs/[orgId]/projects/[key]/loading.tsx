import { Skeleton } from "~/components/ui/skeleton.tsx";

/** While a project's board or list loads: the shape of columns, without the cards' data. */
export default function ProjectViewLoading() {
  return (
    <div aria-busy="true" className="space-y-3">
      <p role="status" className="sr-only">
        Loading tasks…
      </p>
      <Skeleton className="h-5 w-80 max-w-full" />
      <div className="flex gap-3 overflow-hidden xl:grid xl:grid-cols-5">
        {Array.from({ length: 5 }, (_, column) => (
          <div key={column} className="w-72 shrink-0 space-y-2.5 xl:w-auto">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-20 w-full" />
          </div>
        ))}
      </div>
    </div>
  );
}
