"use client";

import { describeApiError } from "~/lib/api-error.ts";
import { useApiMutation } from "~/trpc/use-api-mutation.ts";
import { Spinner } from "./ui/spinner.tsx";
import { disclosureItemClasses } from "./ui/disclosure.tsx";

export function SignOutButton() {
  const signOut = useApiMutation((api) => api.auth.signOut.mutate(), {
    // A full page load drops everything the previous session had cached in this tab.
    onSuccess: () => {
      window.location.assign("/sign-in");
    },
  });
  const isBusy = signOut.isPending || signOut.isSuccess;
  return (
    <>
      <button
        type="button"
        disabled={isBusy}
        aria-busy={isBusy || undefined}
        onClick={() => {
          signOut.mutate();
        }}
        className={disclosureItemClasses}
      >
        {isBusy ? "Signing out…" : "Sign out"}
        {isBusy ? <Spinner /> : null}
      </button>
      {signOut.isError ? (
        <p role="alert" className="px-2.5 py-1 text-xs text-rose-700 dark:text-rose-300">
          {describeApiError(signOut.error).message}
        </p>
      ) : null}
    </>
  );
}
