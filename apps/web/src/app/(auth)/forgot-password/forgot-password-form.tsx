"use client";

import { SchemaForm } from "~/components/forms/schema-form.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { RouterInputs } from "~/trpc/types.ts";
import { useApiMutation } from "~/trpc/use-api-mutation.ts";

export function ForgotPasswordForm() {
  const form = useFormErrors();
  const request = useApiMutation(
    (api, input: RouterInputs["auth"]["requestPasswordReset"]) =>
      api.auth.requestPasswordReset.mutate(input),
    { onError: form.fail },
  );

  // The same answer whether or not the account exists, so the page reveals nobody's address.
  if (request.isSuccess) {
    return (
      <Alert tone="success" title="Check your email" testId="reset-requested">
        {request.data?.message} The link works once and expires in an hour.
      </Alert>
    );
  }

  return (
    <SchemaForm form={form} schema="requestPasswordResetInput" onValid={request.mutate}>
      <TextField
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        error={form.errors.fields.email}
        required
      />
      <Button type="submit" pending={request.isPending} pendingLabel="Sending…" className="w-full">
        Email me a reset link
      </Button>
    </SchemaForm>
  );
}
