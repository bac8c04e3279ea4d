"use client";

import { signUpInput } from "@tesseract/validators";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { trpc } from "~/trpc/react.tsx";

export function SignUpForm({ next }: { next: string }) {
  const { errors, submitForm, fail } = useFormErrors();
  const signUp = trpc.auth.signUp.useMutation({
    onSuccess: () => {
      window.location.assign(next);
    },
    onError: fail,
  });
  const isBusy = signUp.isPending || signUp.isSuccess;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitForm(signUpInput, (input) => {
        signUp.mutate(input);
      })}
    >
      <FormAlert errors={errors} />
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        error={errors.fields.name}
        required
      />
      <TextField
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        error={errors.fields.email}
        required
      />
      <TextField
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.fields.password}
        required
      />
      <Button type="submit" pending={isBusy} className="w-full">
        {isBusy ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
