"use client";

import { useRouter } from "next/navigation";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { trpc } from "~/trpc/react.tsx";

export function RenameOrgCard({ orgId, name }: { orgId: string; name: string }) {
  const router = useRouter();
  const { errors, submitForm, fail, reset } = useFormErrors();
  const update = trpc.org.update.useMutation({
    // The name shows in the header and the page titles, which the server renders.
    onSuccess: () => {
      router.refresh();
    },
    onError: fail,
  });

  return (
    <Card id="rename" title="Name" description="Shown to members and in invitation emails.">
      <form
        noValidate
        className="space-y-4"
        onChange={() => {
          update.reset();
          reset();
        }}
        onSubmit={submitForm(
          "updateOrgInput",
          (input) => {
            update.mutate(input);
          },
          { orgId },
        )}
      >
        <FormAlert errors={errors} />
        {update.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
        <TextField
          name="name"
          label="Organization name"
          defaultValue={name}
          autoComplete="organization"
          error={errors.fields.name}
          required
          className="max-w-md"
        />
        <Button type="submit" pending={update.isPending}>
          {update.isPending ? "Saving…" : "Save name"}
        </Button>
      </form>
    </Card>
  );
}
