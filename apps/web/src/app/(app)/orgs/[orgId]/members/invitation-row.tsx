"use client";

import { ActionRow } from "~/components/ui/action-row.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
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
    <ActionRow
      testId={`invitation-${invitation.email}`}
      error={revoke.error}
      action={{
        label: "Revoke",
        subject: `the invitation for ${invitation.email}`,
        pending: revoke.isPending,
        onClick: () => {
          revoke.mutate({ orgId, invitationId: invitation.id });
        },
      }}
    >
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
        <span className="truncate">{invitation.email}</span>
        <Badge>{roleLabels[invitation.role]}</Badge>
      </p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {invitation.invitedBy ? `Invited by ${invitation.invitedBy} · ` : ""}expires{" "}
        <LocalTime date={invitation.expiresAt} />
      </p>
    </ActionRow>
  );
}
