"use client";

import { FormAlert } from "~/components/forms/form-alert.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { trpc } from "~/trpc/react.tsx";

export function CreateOrgForm() {
  const { errors, submitForm, fail } = useFormErrors();
  const create = trpc.org.create.useMutation({
    // A full load, so the header's organization switcher lists the new one.
    onSuccess: (org) => {
      window.location.assign(`/orgs/${org.id}`);
    },
    onError: fail,
  });
  const isBusy = create.isPending || create.isSuccess;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitForm("createOrgInput", (input) => {
        create.mutate(input);
      })}
    >
      <FormAlert errors={errors} />
      <TextField
        name="name"
        label="Organization name"
        placeholder="Acme Inc."
        autoComplete="organization"
        error={errors.fields.name}
        required
      />
      <Button type="submit" pending={isBusy} className="w-full">
        {isBusy ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
