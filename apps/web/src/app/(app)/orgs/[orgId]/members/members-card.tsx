"use client";

import type { Role } from "@tesseract/validators";
import { Card } from "~/components/ui/card.tsx";
import { can } from "~/lib/roles.ts";
import { trpc } from "~/trpc/react.tsx";
import { MemberRow } from "./member-row.tsx";

export function MembersCard({
  orgId,
  myRole,
  myUserId,
}: {
  orgId: string;
  myRole: Role;
  myUserId: string;
}) {
  const [members] = trpc.member.list.useSuspenseQuery({ orgId });
  const canManage = can(myRole, "member.manage");
  return (
    <Card
      id="members"
      title={`${members.length} ${members.length === 1 ? "member" : "members"}`}
      description={canManage ? "You can change the role of anyone up to your own role." : undefined}
    >
      <ul className="-my-3 divide-y divide-zinc-200 dark:divide-zinc-800">
        {members.map((member) => (
          <MemberRow
            key={member.userId}
            orgId={orgId}
            member={member}
            myRole={myRole}
            isMe={member.userId === myUserId}
          />
        ))}
      </ul>
    </Card>
  );
}
