"use client";

import { useState } from "react";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { ConfirmDialog } from "~/components/ui/confirm-dialog.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";

export function LeaveOrgCard({ orgId, orgName }: { orgId: string; orgName: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const leave = trpc.member.leave.useMutation({
    // A full load: the switcher, and every page of this organization, must forget it.
    onSuccess: () => {
      window.location.assign("/orgs");
    },
  });
  const isBusy = leave.isPending || leave.isSuccess;

  return (
    <Card
      id="leave"
      title="Leave organization"
      description="You lose access at once, and your API tokens for it stop working."
      actions={
        <>
          <Button
            variant="secondary"
            onClick={() => {
              leave.reset();
              setIsOpen(true);
            }}
          >
            Leave organization
          </Button>
          <ConfirmDialog
            open={isOpen}
            title={`Leave ${orgName}?`}
            confirmLabel="Leave organization"
            pending={isBusy}
            onCancel={() => {
              setIsOpen(false);
            }}
            onConfirm={() => {
              leave.mutate({ orgId });
            }}
          >
            <p>To come back, someone will have to invite you again.</p>
            {leave.isError ? (
              <Alert tone="error">{describeApiError(leave.error).message}</Alert>
            ) : null}
          </ConfirmDialog>
        </>
      }
    />
  );
}
