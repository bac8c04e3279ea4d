"use client";

import { SchemaForm } from "~/components/forms/schema-form.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { trpc } from "~/trpc/react.tsx";

export function CreateOrgForm() {
  const form = useFormErrors();
  const create = trpc.org.create.useMutation({
    // A full load, so the header's organization switcher lists the new one.
    onSuccess: (org) => {
      window.location.assign(`/orgs/${org.id}`);
    },
    onError: form.fail,
  });
  const isBusy = create.isPending || create.isSuccess;

  return (
    <SchemaForm form={form} schema="createOrgInput" onValid={create.mutate}>
      <TextField
        name="name"
        label="Organization name"
        placeholder="Acme Inc."
        autoComplete="organization"
        error={form.errors.fields.name}
        required
      />
      <Button type="submit" pending={isBusy} pendingLabel="Creating…" className="w-full">
        Create organization
      </Button>
    </SchemaForm>
  );
}
