"use client";

import type { Role } from "@tesseract/validators";
import { useRef, useState } from "react";
import { SchemaForm } from "~/components/forms/schema-form.tsx";
import { SelectField } from "~/components/forms/select-field.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
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
  const formElement = useRef<HTMLFormElement>(null);
  const form = useFormErrors();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const create = trpc.token.create.useMutation({
    onSuccess: async ({ token, secret }) => {
      setCreated({ name: token.name, secret });
      formElement.current?.reset();
      await utils.token.list.invalidate({ orgId });
    },
    onError: form.fail,
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
      <SchemaForm
        ref={formElement}
        form={form}
        schema="createTokenInput"
        toInput={(fields) => ({
          orgId,
          name: fields.name,
          role: fields.role,
          expiresInDays: parseExpiry(fields.expiresInDays),
        })}
        onValid={create.mutate}
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            name="name"
            label="Token name"
            placeholder="deploy script"
            autoComplete="off"
            error={form.errors.fields.name}
            required
          />
          <SelectField
            name="role"
            label="Role"
            defaultValue={rolesUpTo(myRole).includes("member") ? "member" : myRole}
            options={rolesUpTo(myRole).map((role) => ({ value: role, label: roleLabels[role] }))}
            hint="At most your own role."
            error={form.errors.fields.role}
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
            error={form.errors.fields.expiresInDays}
          />
        </div>
        <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
          Create token
        </Button>
      </SchemaForm>
    </div>
  );
}
