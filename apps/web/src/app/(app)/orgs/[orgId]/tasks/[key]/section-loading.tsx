import { Skeleton } from "~/components/ui/skeleton.tsx";

/** A section of the task page whose code is still on its way: its heading, and a placeholder. */
export function SectionLoading({ title }: { title: string }) {
  return (
    <section aria-busy="true" aria-label={title} className="space-y-3">
      <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
      <Skeleton className="h-10 w-full" />
    </section>
  );
}
