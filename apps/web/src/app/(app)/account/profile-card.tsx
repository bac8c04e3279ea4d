"use client";

import { SaveForm } from "~/components/forms/save-form.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Card } from "~/components/ui/card.tsx";
import { trpc } from "~/trpc/react.tsx";

export function ProfileCard({ name, email }: { name: string; email: string }) {
  const form = useFormErrors();
  const update = trpc.auth.updateProfile.useMutation({ onError: form.fail });

  return (
    <Card id="profile" title="Profile" description="How other members see you.">
      <SaveForm
        form={form}
        schema="updateProfileInput"
        mutation={update}
        submitLabel="Save profile"
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="name"
            label="Name"
            defaultValue={name}
            autoComplete="name"
            error={form.errors.fields.name}
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
      </SaveForm>
    </Card>
  );
}
