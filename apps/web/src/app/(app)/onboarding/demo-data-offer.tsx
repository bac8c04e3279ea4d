"use client";

import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { describeApiError, isApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";

/**
 * Development only: loads the demo organization (3,000 tasks) and makes you its owner. The API
 * refuses in production (NOT_FOUND); the page offers this only when the API says it is not.
 */
export function DemoDataOffer() {
  const seed = trpc.dev.seedDemo.useMutation({
    // A full load, so the header's organization switcher lists the demo organization.
    onSuccess: ({ orgId }) => {
      window.location.assign(`/orgs/${orgId}/projects`);
    },
  });
  const isBusy = seed.isPending || seed.isSuccess;
  if (seed.isError && isApiError(seed.error, "NOT_FOUND")) {
    return (
      <Alert tone="info" title="Demo data is not available here">
        This server runs in production mode. An operator can load it with pnpm db:seed.
      </Alert>
    );
  }
  return (
    <section
      aria-labelledby="demo-heading"
      className="space-y-3 rounded-xl border border-dashed border-zinc-300 p-5 text-center dark:border-zinc-700"
    >
      <h2 id="demo-heading" className="font-medium">
        Just looking around?
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Open a demo organization with members, five projects and 3,000 tasks. You become one of its
        owners. (Development servers only.)
      </p>
      {seed.isError ? (
        <Alert tone="error">
          {describeApiError(seed.error).message} Try again, or create your own organization above.
        </Alert>
      ) : null}
      <Button
        variant="secondary"
        pending={isBusy}
        onClick={() => {
          seed.mutate();
        }}
      >
        {isBusy ? "Loading demo data… (this can take a while)" : "Explore with demo data"}
      </Button>
    </section>
  );
}
