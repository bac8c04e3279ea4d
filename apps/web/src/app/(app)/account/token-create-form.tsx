"use client";

import type { Role } from "@tesseract/validators";
import { useRef, useState } from "react";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { SelectField } from "~/components/forms/select-field.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { formValues, useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { roleLabels, rolesUpTo } from "~/lib/roles.ts";
import { trpc } from "~/trpc/react.tsx";
import { TokenSecret } from "./token-secret.tsx";

/** An empty expiry means "never"; anything else is checked by the schema (1–365 whole days). */
function parseExpiry(raw: string | undefined): number | null {
  const trimmed = raw?.trim() ?? "";
  return trimmed === "" ? null : Number(trimmed);
}

export function TokenCreateForm({ orgId, myRole }: { orgId: string; myRole: Role }) {
  const utils = trpc.useUtils();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fail } = useFormErrors();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const create = trpc.token.create.useMutation({
    onSuccess: async ({ token, secret }) => {
      setCreated({ name: token.name, secret });
      form.current?.reset();
      await utils.token.list.invalidate({ orgId });
    },
    onError: fail,
  });

  return (
    <div className="space-y-4">
      {created ? (
        <TokenSecret
          name={created.name}
          secret={created.secret}
          onDone={() => {
            setCreated(null);
          }}
        />
      ) : null}
      <form
        ref={form}
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const values = formValues(event.currentTarget);
          check(
            "createTokenInput",
            {
              orgId,
              name: values.name,
              role: values.role,
              expiresInDays: parseExpiry(values.expiresInDays),
            },
            event.currentTarget,
            (input) => {
              create.mutate(input);
            },
          );
        }}
      >
        <FormAlert errors={errors} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            name="name"
            label="Token name"
            placeholder="deploy script"
            autoComplete="off"
            error={errors.fields.name}
            required
          />
          <SelectField
            name="role"
            label="Role"
            defaultValue={rolesUpTo(myRole).includes("member") ? "member" : myRole}
            options={rolesUpTo(myRole).map((role) => ({ value: role, label: roleLabels[role] }))}
            hint="At most your own role."
            error={errors.fields.role}
          />
          <TextField
            name="expiresInDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            label="Expires after (days)"
            placeholder="Never"
            hint="1–365, or empty for never."
            error={errors.fields.expiresInDays}
          />
        </div>
        <Button type="submit" pending={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
