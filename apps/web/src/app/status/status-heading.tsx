export function StatusHeading() {
  return (
    <header className="space-y-2">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">System status</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Health of the API server and the services behind it, refreshed every few seconds.
      </p>
    </header>
  );
}
