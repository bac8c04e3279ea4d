/** A grey placeholder block while a page loads. */
export function Skeleton({ className }: { className: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900 ${className}`}
    />
  );
}
