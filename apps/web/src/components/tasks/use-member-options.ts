"use client";

import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";

/** The organization's members as assignee choices, with "Unassigned" first. */
export function useMemberOptions(orgId: string) {
  const members = trpc.member.list.useQuery({ orgId });
  const options = [
    { value: "", label: "Unassigned" },
    ...(members.data ?? []).map((member) => ({ value: member.userId, label: member.name })),
  ];
  const problem = members.isPending
    ? "Loading members…"
    : members.isError
      ? `Members could not be loaded (${describeApiError(members.error).message}); you can assign the task later.`
      : undefined;
  return { options, problem, names: new Map(options.map((o) => [o.value, o.label])) };
}
