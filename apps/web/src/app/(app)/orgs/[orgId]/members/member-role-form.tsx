"use client";

import type { Role } from "@tesseract/validators";
import { useRef, useState } from "react";
import { controlClasses } from "~/components/forms/field.tsx";
import { Spinner } from "~/components/ui/spinner.tsx";
import { notify } from "~/components/ui/toast.ts";
import { describeApiError } from "~/lib/api-error.ts";
import { isRole, roleLabels, rolesUpTo } from "~/lib/roles.ts";
import { trpc } from "~/trpc/react.tsx";
import type { Member } from "./member-row.tsx";

/** Keys that step a closed select through its options, firing a change at each step. */
const STEP_KEYS = new Set([
  "ArrowUp",
  "ArrowDown",
  "ArrowLeft",
  "ArrowRight",
  "Home",
  "End",
  "PageUp",
  "PageDown",
]);

/**
 * A role select that saves when a role is chosen, then offers to undo it. A refusal (the last
 * owner, say) shows under the select, which goes back to the role the member still has.
 * Stepping through the roles with the keyboard saves nothing on the way: the role stepped to is
 * saved on Enter or when the select loses focus.
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
  // Set by a stepping key, so the change it fires is held instead of saved.
  const stepping = useRef(false);
  const [held, setHeld] = useState<Role | null>(null);
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

  const commitHeld = () => {
    if (held && held !== member.role) change(held);
    setHeld(null);
  };

  // While saving, the select shows the chosen role; otherwise the one stepped to, or the member's.
  const shown = update.isPending ? update.variables.role : (held ?? member.role);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        Role of {member.name}
      </label>
      <select
        id={selectId}
        value={shown}
        aria-busy={update.isPending || undefined}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commitHeld();
            return;
          }
          // Alt+Down and Space open the list, where a choice is made with Enter: saved at once.
          stepping.current =
            !event.altKey &&
            (STEP_KEYS.has(event.key) || (event.key.length === 1 && event.key !== " "));
        }}
        onPointerDown={() => {
          stepping.current = false;
        }}
        onBlur={commitHeld}
        onChange={(event) => {
          const { value } = event.target;
          if (!isRole(value)) return;
          if (stepping.current) setHeld(value);
          else if (value !== member.role) change(value);
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
      {held && held !== member.role && !update.isPending ? (
        <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          Enter to save
        </span>
      ) : null}
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
