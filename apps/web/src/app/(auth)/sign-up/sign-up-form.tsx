"use client";

import { useState } from "react";
import { SchemaForm } from "~/components/forms/schema-form.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { RouterInputs } from "~/trpc/types.ts";
import { loadBrowserClient, useApiMutation } from "~/trpc/use-api-mutation.ts";

/** The pending invitation the visitor came from: its address needs no confirming. */
export interface SignUpInvitation {
  token: string;
  email: string;
  orgName: string;
}

export function SignUpForm({
  next,
  invitation = null,
}: {
  next: string;
  invitation?: SignUpInvitation | null;
}) {
  const form = useFormErrors();
  const [checkEmail, setCheckEmail] = useState(false);
  const signUp = useApiMutation(
    (api, input: RouterInputs["auth"]["signUp"]) => api.auth.signUp.mutate(input),
    {
      // The API answers a taken address exactly as a new one (and emails its owner), so whether
      // we are signed in is the only tell: without a session, the address already had an account.
      onSuccess: async () => {
        const api = await loadBrowserClient();
        const me = await api.auth.me.query().catch(() => null);
        if (me) window.location.assign(next);
        else setCheckEmail(true);
      },
      onError: form.fail,
    },
  );
  const isBusy = signUp.isPending || (signUp.isSuccess && !checkEmail);
  const [email, setEmail] = useState(invitation?.email ?? "");
  const isInvitedAddress =
    invitation !== null && email.trim().toLowerCase() === invitation.email.toLowerCase();

  if (checkEmail) {
    return (
      <Alert tone="info" title="Check your email" testId="sign-up-check-email">
        We sent a message to the address you entered. If it already has an account, sign in or reset
        your password from there.
      </Alert>
    );
  }

  return (
    <SchemaForm
      form={form}
      schema="signUpInput"
      toInput={(fields) => (invitation ? { ...fields, invitationToken: invitation.token } : fields)}
      onValid={signUp.mutate}
    >
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        error={form.errors.fields.name}
        required
      />
      <TextField
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        value={email}
        onChange={(event) => {
          setEmail(event.target.value);
        }}
        hint={
          invitation
            ? isInvitedAddress
              ? `The address ${invitation.orgName} invited: it needs no confirming.`
              : `Not the invited address (${invitation.email}): we will email you a link to confirm it.`
            : undefined
        }
        error={form.errors.fields.email}
        required
      />
      <TextField
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={form.errors.fields.password}
        required
      />
      <Button
        type="submit"
        pending={isBusy}
        pendingLabel="Creating your account…"
        className="w-full"
      >
        Create account
      </Button>
    </SchemaForm>
  );
}
