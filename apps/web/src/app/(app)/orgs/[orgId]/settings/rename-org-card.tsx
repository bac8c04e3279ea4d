"use client";

import { SaveForm } from "~/components/forms/save-form.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Card } from "~/components/ui/card.tsx";
import { trpc } from "~/trpc/react.tsx";

export function RenameOrgCard({ orgId, name }: { orgId: string; name: string }) {
  const form = useFormErrors();
  const update = trpc.org.update.useMutation({ onError: form.fail });

  return (
    <Card id="rename" title="Name" description="Shown to members and in invitation emails.">
      <SaveForm
        form={form}
        schema="updateOrgInput"
        toInput={(fields) => ({ ...fields, orgId })}
        mutation={update}
        submitLabel="Save name"
      >
        <TextField
          name="name"
          label="Organization name"
          defaultValue={name}
          autoComplete="organization"
          error={form.errors.fields.name}
          required
          className="max-w-md"
        />
      </SaveForm>
    </Card>
  );
}
