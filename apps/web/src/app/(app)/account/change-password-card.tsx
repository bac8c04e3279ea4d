"use client";

import { useRef } from "react";
import { SchemaForm } from "~/components/forms/schema-form.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { trpc } from "~/trpc/react.tsx";

function endedMessage(ended: number): string {
  if (ended === 0) return "No other sessions were signed in.";
  return ended === 1
    ? "Your 1 other session was signed out."
    : `Your ${ended} other sessions were signed out.`;
}

export function ChangePasswordCard() {
  const utils = trpc.useUtils();
  const formElement = useRef<HTMLFormElement>(null);
  const form = useFormErrors();
  const { errors } = form;
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: async () => {
      formElement.current?.reset();
      await utils.session.list.invalidate();
    },
    onError: form.fail,
  });

  return (
    <Card
      id="password"
      title="Password"
      description="Changing it signs out every other session of your account."
    >
      <SchemaForm
        ref={formElement}
        form={form}
        schema="changePasswordInput"
        onValid={change.mutate}
      >
        {change.isSuccess ? (
          <Alert tone="success" title="Password changed" testId="password-changed">
            {endedMessage(change.data.endedSessions)}
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="currentPassword"
            type="password"
            label="Current password"
            autoComplete="current-password"
            error={errors.fields.currentPassword}
            required
          />
          <TextField
            name="newPassword"
            type="password"
            label="New password"
            autoComplete="new-password"
            hint="At least 10 characters."
            error={errors.fields.newPassword}
            required
          />
        </div>
        <Button type="submit" pending={change.isPending} pendingLabel="Changing…">
          Change password
        </Button>
      </SchemaForm>
    </Card>
  );
}
