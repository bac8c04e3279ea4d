"use client";

import { FormAlert } from "~/components/forms/form-alert.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { RouterInputs } from "~/trpc/types.ts";
import { useApiMutation } from "~/trpc/use-api-mutation.ts";

export function ForgotPasswordForm() {
  const { errors, submitForm, fail } = useFormErrors();
  const request = useApiMutation(
    (api, input: RouterInputs["auth"]["requestPasswordReset"]) =>
      api.auth.requestPasswordReset.mutate(input),
    { onError: fail },
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
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitForm("requestPasswordResetInput", (input) => {
        request.mutate(input);
      })}
    >
      <FormAlert errors={errors} />
      <TextField
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        error={errors.fields.email}
        required
      />
      <Button type="submit" pending={request.isPending} className="w-full">
        {request.isPending ? "Sending…" : "Email me a reset link"}
      </Button>
    </form>
  );
}
