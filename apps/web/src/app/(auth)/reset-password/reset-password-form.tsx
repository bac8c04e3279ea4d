"use client";

import { SchemaForm } from "~/components/forms/schema-form.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { TextLink } from "~/components/text-link.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { RouterInputs } from "~/trpc/types.ts";
import { useApiMutation } from "~/trpc/use-api-mutation.ts";

export function ResetPasswordForm({ token }: { token: string }) {
  const form = useFormErrors();
  const { errors } = form;
  const reset = useApiMutation(
    (api, input: RouterInputs["auth"]["resetPassword"]) => api.auth.resetPassword.mutate(input),
    { onError: form.fail },
  );

  if (reset.isSuccess) {
    return (
      <Alert tone="success" title="Your password was changed" testId="password-reset">
        Every session of your account was signed out. <TextLink href="/sign-in">Sign in</TextLink>{" "}
        with your new password.
      </Alert>
    );
  }

  return (
    <SchemaForm
      form={form}
      schema="resetPasswordInput"
      toInput={(fields) => ({ ...fields, token })}
      onValid={reset.mutate}
    >
      {errors.fields.token ? (
        <Alert tone="error">
          {errors.fields.token}. <TextLink href="/forgot-password">Ask for a new link</TextLink>.
        </Alert>
      ) : null}
      <TextField
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.fields.password}
        required
      />
      <Button type="submit" pending={reset.isPending} pendingLabel="Saving…" className="w-full">
        Set new password
      </Button>
      {errors.code === "BAD_REQUEST" && errors.form ? (
        <p className="text-center text-sm">
          <TextLink href="/forgot-password">Ask for a new reset link</TextLink>
        </p>
      ) : null}
    </SchemaForm>
  );
}
