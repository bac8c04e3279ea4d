"use client";

import type { Role } from "@tesseract/validators";
import { controlClasses } from "~/components/forms/field.tsx";
import { Spinner } from "~/components/ui/spinner.tsx";
import { notify } from "~/components/ui/toast.ts";
import { describeApiError } from "~/lib/api-error.ts";
import { isRole, roleLabels, rolesUpTo } from "~/lib/roles.ts";
import { trpc } from "~/trpc/react.tsx";
import type { Member } from "./member-row.tsx";

/**
 * A role select that saves when a role is chosen, then offers to undo it. A refusal (the last
 * owner, say) shows under the select, which goes back to the role the member still has.
 */
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
  // The list shows a saved role at once; the refetch after confirms it.
  const showRole = (role: Role) => {
    utils.member.list.setData({ orgId }, (list) =>
      list?.map((m) => (m.userId === member.userId ? { ...m, role } : m)),
    );
  };
  const update = trpc.member.updateRole.useMutation({
    onSuccess: (_, { role }) => {
      showRole(role);
    },
    onSettled: () => utils.member.list.invalidate({ orgId }),
  });
  const selectId = `role-${member.userId}`;
  const errorId = `${selectId}-error`;

  // The undo runs through the plain client: the toast outlives this row's render.
  const restore = (previous: Role) => {
    utils.client.member.updateRole
      .mutate({ orgId, userId: member.userId, role: previous })
      .then(
        () => {
          showRole(previous);
          notify(`${member.name} is ${roleLabels[previous].toLowerCase()} again`);
        },
        (error: unknown) => {
          notify("The role could not be restored", {
            tone: "error",
            description: describeApiError(error).message,
          });
        },
      )
      .finally(() => void utils.member.list.invalidate({ orgId }));
  };
  const change = (role: Role) => {
    const previous = member.role;
    update.mutate(
      { orgId, userId: member.userId, role },
      {
        onSuccess: () => {
          notify(`${member.name} is now ${roleLabels[role].toLowerCase()}`, {
            action: {
              label: "Undo",
              onClick: () => {
                restore(previous);
              },
            },
            duration: 8000,
          });
        },
      },
    );
  };

  // While saving, the select shows the chosen role; otherwise the one the member has.
  const shown = update.isPending ? update.variables.role : member.role;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        Role of {member.name}
      </label>
      <select
        id={selectId}
        value={shown}
        aria-busy={update.isPending || undefined}
        onChange={(event) => {
          const { value } = event.target;
          if (isRole(value) && value !== member.role) change(value);
        }}
        aria-invalid={update.isError || undefined}
        aria-describedby={update.isError ? errorId : undefined}
        className={`${controlClasses} py-1.5`}
      >
        {rolesUpTo(myRole).map((option) => (
          <option key={option} value={option}>
            {roleLabels[option]}
          </option>
        ))}
      </select>
      {update.isPending ? (
        <span className="text-zinc-500" role="status" aria-label="Saving role">
          <Spinner />
        </span>
      ) : null}
      {update.isError ? (
        <p id={errorId} role="alert" className="w-full text-sm text-rose-700 dark:text-rose-300">
          {describeApiError(update.error).message}
        </p>
      ) : null}
    </div>
  );
}
