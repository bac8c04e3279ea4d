"use client";

import { useState } from "react";
import { SchemaForm } from "~/components/forms/schema-form.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { trpc } from "~/trpc/react.tsx";

/** Owners only. Typing the exact name is the confirmation (the API checks it again). */
export function DeleteOrgCard({ orgId, name }: { orgId: string; name: string }) {
  const [typed, setTyped] = useState("");
  const form = useFormErrors();
  const remove = trpc.org.delete.useMutation({
    onSuccess: () => {
      window.location.assign("/orgs");
    },
    onError: form.fail,
  });
  const isBusy = remove.isPending || remove.isSuccess;

  return (
    <Card
      id="delete"
      tone="danger"
      title="Delete organization"
      description="Deletes the organization with all its members, invitations and API tokens. This cannot be undone."
    >
      <SchemaForm
        form={form}
        schema="deleteOrgInput"
        toInput={() => ({ orgId, confirmName: typed })}
        onValid={remove.mutate}
      >
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
          error={form.errors.fields.confirmName}
          className="max-w-md"
        />
        <Button
          type="submit"
          variant="danger"
          pending={isBusy}
          pendingLabel="Deleting…"
          disabled={typed !== name}
        >
          Delete this organization
        </Button>
      </SchemaForm>
    </Card>
  );
}
