"use client";

import { useState } from "react";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { trpc } from "~/trpc/react.tsx";

/** Owners only. Typing the exact name is the confirmation (the API checks it again). */
export function DeleteOrgCard({ orgId, name }: { orgId: string; name: string }) {
  const [typed, setTyped] = useState("");
  const { errors, check, fail } = useFormErrors();
  const remove = trpc.org.delete.useMutation({
    onSuccess: () => {
      window.location.assign("/orgs");
    },
    onError: fail,
  });
  const isBusy = remove.isPending || remove.isSuccess;

  return (
    <Card
      id="delete"
      tone="danger"
      title="Delete organization"
      description="Deletes the organization with all its members, invitations and API tokens. This cannot be undone."
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          check("deleteOrgInput", { orgId, confirmName: typed }, event.currentTarget, (input) => {
            remove.mutate(input);
          });
        }}
      >
        <FormAlert errors={errors} />
        <TextField
          name="confirmName"
          label={
            <>
              Type <strong className="font-semibold">{name}</strong> to confirm
            </>
          }
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
          }}
          autoComplete="off"
          error={errors.fields.confirmName}
          className="max-w-md"
        />
        <Button type="submit" variant="danger" pending={isBusy} disabled={typed !== name}>
          {isBusy ? "Deleting…" : "Delete this organization"}
        </Button>
      </form>
    </Card>
  );
}
