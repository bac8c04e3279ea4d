"use client";

import { useRouter } from "next/navigation";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { trpc } from "~/trpc/react.tsx";

export function ProfileCard({ name, email }: { name: string; email: string }) {
  const router = useRouter();
  const { errors, submitForm, fail, reset } = useFormErrors();
  const update = trpc.auth.updateProfile.useMutation({
    // The name shows in the header, which the server renders.
    onSuccess: () => {
      router.refresh();
    },
    onError: fail,
  });

  return (
    <Card id="profile" title="Profile" description="How other members see you.">
      <form
        noValidate
        className="space-y-4"
        onChange={() => {
          update.reset();
          reset();
        }}
        onSubmit={submitForm("updateProfileInput", (input) => {
          update.mutate(input);
        })}
      >
        <FormAlert errors={errors} />
        {update.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="name"
            label="Name"
            defaultValue={name}
            autoComplete="name"
            error={errors.fields.name}
            required
          />
          <TextField
            name="email-readonly"
            label="Email"
            value={email}
            readOnly
            disabled
            hint="Your email address cannot be changed yet."
          />
        </div>
        <Button type="submit" pending={update.isPending}>
          {update.isPending ? "Saving…" : "Save profile"}
        </Button>
      </form>
    </Card>
  );
}
