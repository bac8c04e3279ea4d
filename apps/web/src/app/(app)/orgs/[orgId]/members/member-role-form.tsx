"use client";

import type { Role } from "@tesseract/validators";
import { useState } from "react";
import { controlClasses } from "~/components/forms/field.tsx";
import { Button } from "~/components/ui/button.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { isRole, roleLabels, rolesUpTo } from "~/lib/roles.ts";
import { trpc } from "~/trpc/react.tsx";
import type { Member } from "./member-row.tsx";

/** A role select with its own Save, so browsing the options with the keyboard changes nothing. */
export function MemberRoleForm({
  orgId,
  member,
  myRole,
}: {
  orgId: string;
  member: Member;
  myRole: Role;
}) {
  const utils = trpc.useUtils();
  const [role, setRole] = useState<Role>(member.role);
  const update = trpc.member.updateRole.useMutation({
    onSuccess: () => utils.member.list.invalidate({ orgId }),
  });
  const selectId = `role-${member.userId}`;
  const errorId = `${selectId}-error`;

  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ orgId, userId: member.userId, role });
      }}
    >
      <label htmlFor={selectId} className="sr-only">
        Role of {member.name}
      </label>
      <select
        id={selectId}
        value={role}
        onChange={(event) => {
          update.reset();
          if (isRole(event.target.value)) setRole(event.target.value);
        }}
        aria-describedby={update.isError ? errorId : undefined}
        className={`${controlClasses} py-1.5`}
      >
        {rolesUpTo(myRole).map((option) => (
          <option key={option} value={option}>
            {roleLabels[option]}
          </option>
        ))}
      </select>
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        pending={update.isPending}
        disabled={role === member.role}
      >
        Save role
      </Button>
      {update.isError ? (
        <p id={errorId} role="alert" className="w-full text-sm text-rose-700 dark:text-rose-300">
          {describeApiError(update.error).message}
        </p>
      ) : null}
    </form>
  );
}
