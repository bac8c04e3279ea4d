"use client";

import { SchemaForm } from "~/components/forms/schema-form.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { TextLink } from "~/components/text-link.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { RouterInputs } from "~/trpc/types.ts";
import { useApiMutation } from "~/trpc/use-api-mutation.ts";

export function SignInForm({ next }: { next: string }) {
  const form = useFormErrors();
  const signIn = useApiMutation(
    (api, input: RouterInputs["auth"]["signIn"]) => api.auth.signIn.mutate(input),
    {
      // A full page load: every server component (the header too) renders for the new session.
      onSuccess: () => {
        window.location.assign(next);
      },
      onError: form.fail,
    },
  );
  const isBusy = signIn.isPending || signIn.isSuccess;

  return (
    <SchemaForm form={form} schema="signInInput" onValid={signIn.mutate}>
      <TextField
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        error={form.errors.fields.email}
        required
      />
      <TextField
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        error={form.errors.fields.password}
        required
      />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <TextLink href="/forgot-password">Forgot your password?</TextLink>
        <Button type="submit" pending={isBusy} pendingLabel="Signing in…">
          Sign in
        </Button>
      </div>
    </SchemaForm>
  );
}
