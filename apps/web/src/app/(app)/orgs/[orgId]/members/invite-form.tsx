"use client";

import type { Role } from "@tesseract/validators";
import { INVITABLE_ROLES } from "@tesseract/validators/permissions";
import { useRef, useState } from "react";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { SelectField } from "~/components/forms/select-field.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { formValues, useFormErrors } from "~/components/forms/use-form-errors.ts";
import { CopyField } from "~/components/copy-field.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { roleLabels, rolesUpTo } from "~/lib/roles.ts";
import { trpc } from "~/trpc/react.tsx";

export function InviteForm({ orgId, myRole }: { orgId: string; myRole: Role }) {
  const utils = trpc.useUtils();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fail, reset } = useFormErrors();
  const [sent, setSent] = useState<{ email: string; acceptUrl: string; emailSent: boolean } | null>(
    null,
  );
  const invite = trpc.invitation.create.useMutation({
    onSuccess: async (invitation) => {
      setSent(invitation);
      form.current?.reset();
      await utils.invitation.list.invalidate({ orgId });
    },
    onError: fail,
  });
  const roles = rolesUpTo(myRole, INVITABLE_ROLES);

  return (
    <form
      method="post"
      ref={form}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setSent(null);
        check(
          "createInvitationInput",
          {
            ...formValues(event.currentTarget),
            orgId,
          },
          event.currentTarget,
          (input) => {
            invite.mutate(input);
          },
        );
      }}
      onChange={() => {
        if (sent) setSent(null);
        if (errors.form) reset();
      }}
    >
      <FormAlert errors={errors} />
      {sent ? (
        <Alert
          tone={sent.emailSent ? "success" : "warning"}
          testId="invitation-sent"
          title={
            sent.emailSent
              ? `Invitation sent to ${sent.email}`
              : `The invitation for ${sent.email} is saved, but the email could not be sent`
          }
        >
          <p className="mb-2">
            You can also pass on its link yourself. It is shown only now; to get another, invite the
            address again.
          </p>
          <CopyField
            label="Invitation link"
            value={sent.acceptUrl}
            buttonLabel="Copy link"
            testId="invitation-link"
          />
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextField
          name="email"
          type="email"
          label="Email address"
          placeholder="name@example.com"
          autoComplete="off"
          error={errors.fields.email}
          required
        />
        <SelectField
          name="role"
          label="Role"
          defaultValue="member"
          options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
          error={errors.fields.role}
        />
      </div>
      <Button type="submit" pending={invite.isPending} pendingLabel="Sending…">
        Send invitation
      </Button>
    </form>
  );
}
