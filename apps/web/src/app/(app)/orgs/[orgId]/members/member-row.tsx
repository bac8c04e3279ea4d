"use client";

import type { Role } from "@tesseract/validators";
import { Badge } from "~/components/ui/badge.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { can, roleAtLeast, roleLabels } from "~/lib/roles.ts";
import type { RouterOutputs } from "~/trpc/types.ts";
import { MemberRoleForm } from "./member-role-form.tsx";
import { RemoveMemberButton } from "./remove-member-button.tsx";

export type Member = RouterOutputs["member"]["list"][number];

export function MemberRow({
  orgId,
  member,
  myRole,
  isMe,
}: {
  orgId: string;
  member: Member;
  myRole: Role;
  isMe: boolean;
}) {
  // Mirrors the API: nobody changes themselves here, or anyone who outranks them.
  const canManage = !isMe && can(myRole, "member.manage") && roleAtLeast(myRole, member.role);
  return (
    <li
      data-testid={`member-${member.email}`}
      className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span className="truncate">{member.name}</span>
          {isMe ? <Badge>You</Badge> : null}
        </p>
        <p className="truncate text-sm text-zinc-500 dark:text-zinc-400">
          {member.email} · joined <LocalTime date={member.joinedAt} dateOnly />
        </p>
      </div>
      {canManage ? (
        <div className="flex flex-wrap items-center gap-2">
          <MemberRoleForm orgId={orgId} member={member} myRole={myRole} />
          <RemoveMemberButton orgId={orgId} member={member} />
        </div>
      ) : (
        <Badge tone={member.role === "owner" ? "indigo" : "neutral"} testId="member-role">
          {roleLabels[member.role]}
        </Badge>
      )}
    </li>
  );
}
