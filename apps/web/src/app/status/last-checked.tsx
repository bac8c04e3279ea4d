const clock = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

export function LastChecked({ at, isFetching }: { at: Date; isFetching: boolean }) {
  return (
    <p className="flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
      <span
        aria-hidden="true"
        className={`size-2 rounded-full bg-emerald-500 ${isFetching ? "animate-pulse" : "opacity-60"}`}
      />
      Last checked{" "}
      {/* Server and browser may format in different time zones; the browser's rendering wins. */}
      <time
        dateTime={at.toISOString()}
        data-testid="last-checked"
        suppressHydrationWarning
        className="tabular-nums"
      >
        {clock.format(at)}
      </time>
    </p>
  );
}
