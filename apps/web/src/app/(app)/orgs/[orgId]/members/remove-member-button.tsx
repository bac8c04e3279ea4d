"use client";

import { useState } from "react";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { ConfirmDialog } from "~/components/ui/confirm-dialog.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";
import type { Member } from "./member-row.tsx";

export function RemoveMemberButton({ orgId, member }: { orgId: string; member: Member }) {
  const utils = trpc.useUtils();
  const [isOpen, setIsOpen] = useState(false);
  const remove = trpc.member.remove.useMutation({
    onSuccess: async () => {
      setIsOpen(false);
      await utils.member.list.invalidate({ orgId });
    },
  });

  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          remove.reset();
          setIsOpen(true);
        }}
      >
        Remove<span className="sr-only"> {member.name}</span>
      </Button>
      <ConfirmDialog
        open={isOpen}
        title={`Remove ${member.name}?`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        onCancel={() => {
          setIsOpen(false);
        }}
        onConfirm={() => {
          remove.mutate({ orgId, userId: member.userId });
        }}
      >
        <p>
          {member.name} ({member.email}) loses access to this organization at once, and their API
          tokens for it stop working.
        </p>
        {remove.isError ? (
          <Alert tone="error">{describeApiError(remove.error).message}</Alert>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
