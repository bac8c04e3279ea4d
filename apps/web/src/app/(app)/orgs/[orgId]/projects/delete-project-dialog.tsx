"use client";

import { useState } from "react";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import { trpc } from "~/trpc/react.tsx";
import type { Project } from "./project-card.tsx";

/** Typing the project's key is the confirmation (the API checks it again). */
export function DeleteProjectDialog({
  orgId,
  project,
  open,
  onClose,
}: {
  orgId: string;
  project: Project;
  open: boolean;
  onClose: () => void;
}) {
  const utils = trpc.useUtils();
  const [typed, setTyped] = useState("");
  const { errors, check, fail, reset } = useFormErrors();
  const remove = trpc.project.delete.useMutation({
    onSuccess: async () => {
      onClose();
      await utils.project.list.invalidate({ orgId });
    },
    onError: fail,
  });
  const close = () => {
    setTyped("");
    reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      busy={remove.isPending}
      title={`Delete ${project.name}?`}
      description={`Deletes the project with all its tasks and their comments. This cannot be undone.`}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          check(
            "deleteProjectInput",
            {
              orgId,
              projectId: project.id,
              confirmKey: typed,
            },
            event.currentTarget,
            (input) => {
              remove.mutate(input);
            },
          );
        }}
      >
        <FormAlert errors={errors} />
        <TextField
          name="confirmKey"
          label={
            <>
              Type <strong className="font-mono font-semibold">{project.key}</strong> to confirm
            </>
          }
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          error={errors.fields.confirmKey}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="danger"
            pending={remove.isPending}
            disabled={typed.trim().toUpperCase() !== project.key}
          >
            {remove.isPending ? "Deleting…" : "Delete project"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
