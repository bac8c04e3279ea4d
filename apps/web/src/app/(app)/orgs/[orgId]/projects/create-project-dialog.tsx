"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { TextareaField } from "~/components/forms/textarea-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import { suggestProjectKey } from "~/lib/project-key.ts";
import { trpc } from "~/trpc/react.tsx";

const empty = { name: "", key: "", description: "" };

export function CreateProjectDialog({
  orgId,
  open,
  onClose,
}: {
  orgId: string;
  open: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const [values, setValues] = useState(empty);
  // The key follows the name until someone types a key of their own.
  const [isKeyEdited, setIsKeyEdited] = useState(false);
  const { errors, check, fail, reset } = useFormErrors();
  const create = trpc.project.create.useMutation({
    onSuccess: async (project) => {
      await utils.project.list.invalidate({ orgId });
      router.push(`/orgs/${orgId}/projects/${project.key}` as Route);
    },
    onError: fail,
  });
  const close = () => {
    setValues(empty);
    setIsKeyEdited(false);
    reset();
    create.reset();
    onClose();
  };
  const isBusy = create.isPending || create.isSuccess;

  return (
    <Dialog
      open={open}
      onClose={close}
      busy={isBusy}
      title="New project"
      description="Tasks in it are numbered with its key: ENG-1, ENG-2…"
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          check("createProjectInput", { ...values, orgId }, event.currentTarget, (input) => {
            create.mutate(input);
          });
        }}
      >
        <FormAlert errors={errors} />
        <TextField
          name="name"
          label="Name"
          placeholder="Engineering"
          autoComplete="off"
          value={values.name}
          onChange={(event) => {
            const name = event.target.value;
            setValues((current) => ({
              ...current,
              name,
              key: isKeyEdited ? current.key : suggestProjectKey(name),
            }));
          }}
          error={errors.fields.name}
          required
        />
        <TextField
          name="key"
          label="Key"
          hint="2–10 letters or digits, starting with a letter. It cannot be changed later."
          placeholder="ENG"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={values.key}
          onChange={(event) => {
            setIsKeyEdited(true);
            setValues((current) => ({ ...current, key: event.target.value.toUpperCase() }));
          }}
          error={errors.fields.key}
          className="max-w-[12rem]"
          required
        />
        <TextareaField
          name="description"
          label="Description (optional)"
          rows={3}
          value={values.description}
          onChange={(event) => {
            setValues((current) => ({ ...current, description: event.target.value }));
          }}
          error={errors.fields.description}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={isBusy}>
            Cancel
          </Button>
          <Button type="submit" pending={isBusy}>
            {isBusy ? "Creating…" : "Create project"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
