"use client";

import type { Route } from "next";
import Link from "next/link";
import { textLinkClasses } from "~/components/text-link.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button, buttonClasses } from "~/components/ui/button.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { roleDescriptions, roleLabels } from "~/lib/role-labels.ts";
import { withNext } from "~/lib/safe-next.ts";
import { useApiMutation } from "~/trpc/use-api-mutation.ts";
import type { RouterInputs, RouterOutputs } from "~/trpc/types.ts";

type Preview = RouterOutputs["invitation"]["preview"];

const closedStatus: Record<
  Exclude<Preview["status"], "pending">,
  { title: string; body: string }
> = {
  accepted: {
    title: "This invitation was already accepted",
    body: "If it was you, the organization is in your list.",
  },
  revoked: {
    title: "This invitation was withdrawn",
    body: "Ask the person who invited you for a new one.",
  },
  expired: {
    title: "This invitation has expired",
    body: "Invitations work for 7 days. Ask the person who invited you for a new one.",
  },
};

export function AcceptInvitation({
  token,
  preview,
  signedInAs,
}: {
  token: string;
  preview: Preview;
  signedInAs: string | null;
}) {
  const accept = useApiMutation(
    (api, input: RouterInputs["invitation"]["accept"]) => api.invitation.accept.mutate(input),
    {
      // A full load, so the header's organization switcher includes the new organization.
      onSuccess: ({ orgId }) => {
        window.location.assign(`/orgs/${orgId}`);
      },
    },
  );
  const isBusy = accept.isPending || accept.isSuccess;
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const isOtherAccount = signedInAs !== null && signedInAs !== preview.email.toLowerCase();

  return (
    <div
      data-testid="invitation"
      data-status={preview.status}
      className="space-y-5 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="space-y-2">
        <p className="text-lg">
          {preview.invitedBy ? <strong>{preview.invitedBy}</strong> : "Someone"} invited you to join{" "}
          <strong data-testid="invitation-org">{preview.orgName}</strong>.
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-500 dark:text-zinc-400">For</dt>
          <dd className="min-w-0 truncate font-medium">{preview.email}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Role</dt>
          <dd>
            <span className="font-medium">{roleLabels[preview.role]}</span>
            <span className="block text-zinc-500 dark:text-zinc-400">
              {roleDescriptions[preview.role]}
            </span>
          </dd>
        </dl>
      </div>

      {preview.status !== "pending" ? (
        <Alert tone="warning" title={closedStatus[preview.status].title}>
          {closedStatus[preview.status].body}{" "}
          {signedInAs ? (
            <Link href="/orgs" className="underline underline-offset-2">
              Your organizations
            </Link>
          ) : null}
        </Alert>
      ) : signedInAs === null ? (
        <div className="space-y-3">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Sign in, or create an account with {preview.email}, to accept.
          </p>
          <div className="flex flex-wrap gap-2">
            <Link href={withNext("/sign-up", here) as Route} className={buttonClasses("primary")}>
              Create an account
            </Link>
            <Link href={withNext("/sign-in", here) as Route} className={buttonClasses("secondary")}>
              Sign in
            </Link>
          </div>
        </div>
      ) : (
        <div className="space-y-3">
          {isOtherAccount ? (
            <Alert tone="warning" title="You are signed in with another address">
              You are signed in as {signedInAs}, but this invitation is for {preview.email}. Sign
              out and sign in with that address to accept it.
            </Alert>
          ) : null}
          {accept.isError ? (
            <Alert tone="error" testId="accept-error">
              {describeApiError(accept.error).message}
            </Alert>
          ) : null}
          <Button
            pending={isBusy}
            onClick={() => {
              accept.mutate({ token });
            }}
          >
            {isBusy ? "Joining…" : `Accept and join ${preview.orgName}`}
          </Button>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Not interested? You can ignore this invitation; it expires on its own.{" "}
            <Link href="/orgs" className={textLinkClasses}>
              Your organizations
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
