"use client";

import type { Role } from "@tesseract/validators";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { trpc } from "~/trpc/react.tsx";
import { InvitationRow } from "./invitation-row.tsx";
import { InviteForm } from "./invite-form.tsx";

export function InvitationsCard({ orgId, myRole }: { orgId: string; myRole: Role }) {
  const [invitations] = trpc.invitation.list.useSuspenseQuery({ orgId });
  const pending = invitations.filter((invitation) => invitation.status === "pending");
  return (
    <Card
      id="invitations"
      title="Invite people"
      description="They get an email with a link that works for 7 days."
    >
      <div className="space-y-6">
        <InviteForm orgId={orgId} myRole={myRole} />
        <section aria-labelledby="pending-invitations-heading" className="space-y-3">
          <h3 id="pending-invitations-heading" className="text-sm font-semibold">
            Pending invitations
          </h3>
          {pending.length > 0 ? (
            <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
              {pending.map((invitation) => (
                <InvitationRow key={invitation.id} orgId={orgId} invitation={invitation} />
              ))}
            </ul>
          ) : (
            <EmptyState title="No pending invitations">
              Invitations you send appear here until they are accepted.
            </EmptyState>
          )}
        </section>
      </div>
    </Card>
  );
}
