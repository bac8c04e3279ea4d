"use client";

import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { roleLabels } from "~/lib/roles.ts";
import { trpc } from "~/trpc/react.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

type Invitation = RouterOutputs["invitation"]["list"][number];

export function InvitationRow({ orgId, invitation }: { orgId: string; invitation: Invitation }) {
  const utils = trpc.useUtils();
  const revoke = trpc.invitation.revoke.useMutation({
    onSuccess: () => utils.invitation.list.invalidate({ orgId }),
  });
  return (
    <li
      data-testid={`invitation-${invitation.email}`}
      className="flex flex-col gap-2 px-3 py-2.5 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          <span className="truncate">{invitation.email}</span>
          <Badge>{roleLabels[invitation.role]}</Badge>
        </p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {invitation.invitedBy ? `Invited by ${invitation.invitedBy} · ` : ""}expires{" "}
          <LocalTime date={invitation.expiresAt} />
        </p>
        {revoke.isError ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {describeApiError(revoke.error).message}
          </p>
        ) : null}
      </div>
      <Button
        size="sm"
        variant="ghost"
        className="-ml-2.5 self-start sm:ml-0 sm:self-auto"
        pending={revoke.isPending}
        onClick={() => {
          revoke.mutate({ orgId, invitationId: invitation.id });
        }}
      >
        Revoke<span className="sr-only"> the invitation for {invitation.email}</span>
      </Button>
    </li>
  );
}
