"use client";

import type { SavedViewFilters } from "@tesseract/validators";
import { useState } from "react";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import { notify } from "~/components/ui/toast.ts";
import { trpc } from "~/trpc/react.tsx";

/** Names the list's current filters and keeps them, for oneself or the whole organization. */
export function SaveViewDialog({
  orgId,
  projectId,
  filters,
  onClose,
}: {
  orgId: string;
  projectId: string | null;
  filters: SavedViewFilters;
  onClose: () => void;
}) {
  const utils = trpc.useUtils();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const { errors, check, fail } = useFormErrors();
  const create = trpc.view.create.useMutation({
    onSuccess: async (view) => {
      await utils.view.list.invalidate({ orgId, projectId });
      notify(`Saved the view “${view.name}”`);
      onClose();
    },
    onError: fail,
  });

  return (
    <Dialog
      open
      onClose={onClose}
      busy={create.isPending}
      title="Save view"
      description="Keeps these filters, search and sort under a name, to open again in one click."
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          check(
            "createViewInput",
            { orgId, projectId, name, filters, shared },
            event.currentTarget,
            (input) => {
              create.mutate(input);
            },
          );
        }}
      >
        <FormAlert errors={errors} />
        <TextField
          name="name"
          label="Name"
          placeholder="Urgent bugs"
          autoComplete="off"
          maxLength={60}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
          error={errors.fields.name}
          autoFocus
          required
        />
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={shared}
            onChange={(event) => {
              setShared(event.target.checked);
            }}
            className="mt-0.5 size-4 rounded border-zinc-300 dark:border-zinc-700"
          />
          <span>
            Share with the organization
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              Everyone in it sees the view; only you can change it.
            </span>
          </span>
        </label>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending}>
            Save view
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
