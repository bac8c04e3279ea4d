"use client";

import type { SavedView } from "@tesseract/validators";
import { useState } from "react";
import { controlClasses } from "~/components/forms/field.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import { notify } from "~/components/ui/toast.ts";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";

type Scope = { orgId: string; projectId: string | null };

function useViewMutations({ orgId, projectId }: Scope) {
  const utils = trpc.useUtils();
  const refresh = () => utils.view.list.invalidate({ orgId, projectId });
  const onError = (error: unknown) => {
    notify(describeApiError(error).message, { tone: "error" });
  };
  const update = trpc.view.update.useMutation({ onSuccess: refresh, onError });
  const remove = trpc.view.delete.useMutation({
    onSuccess: async (_, { viewId }) => {
      const view = utils.view.list.getData({ orgId, projectId })?.find((v) => v.id === viewId);
      await refresh();
      if (!view) return;
      notify(`Deleted the view “${view.name}”`, {
        // Only one's own view comes back: an admin's undo would make it theirs.
        action: view.isMine
          ? {
              label: "Undo",
              // The vanilla client: the dialog (and this hook) may be gone by the time.
              onClick: () => {
                void utils.client.view.create
                  .mutate({
                    orgId,
                    projectId,
                    name: view.name,
                    filters: view.filters,
                    shared: view.shared,
                  })
                  .then(refresh, onError);
              },
            }
          : undefined,
      });
    },
    onError,
  });
  return { update, remove };
}

function RenameForm({ view, scope }: { view: SavedView; scope: Scope }) {
  const [name, setName] = useState(view.name);
  const { update } = useViewMutations(scope);
  const inputId = `rename-${view.id}`;
  return (
    <form
      className="flex min-w-0 flex-1 gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() && name.trim() !== view.name)
          update.mutate({ orgId: scope.orgId, viewId: view.id, name });
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Name of {view.name}
      </label>
      <input
        id={inputId}
        value={name}
        maxLength={60}
        onChange={(event) => {
          setName(event.target.value);
        }}
        className={`min-w-0 flex-1 ${controlClasses}`}
      />
      <Button type="submit" size="sm" variant="secondary" pending={update.isPending}>
        Rename
      </Button>
    </form>
  );
}

function ViewItem({
  view,
  scope,
  canManageShared,
}: {
  view: SavedView;
  scope: Scope;
  canManageShared: boolean;
}) {
  const { update, remove } = useViewMutations(scope);
  // Ticked at once; put back if the change fails.
  const [isShared, setIsShared] = useState(view.shared);
  const canDelete = view.isMine || (view.shared && canManageShared);
  return (
    <li className="space-y-2 py-3" data-testid={`manage-view-${view.name}`}>
      {view.isMine ? (
        <RenameForm view={view} scope={scope} />
      ) : (
        <p className="text-sm font-medium">
          {view.name}{" "}
          <span className="font-normal text-zinc-500 dark:text-zinc-400">
            shared by {view.ownerName}
          </span>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {view.isMine ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={isShared}
              disabled={update.isPending}
              onChange={(event) => {
                const shared = event.target.checked;
                setIsShared(shared);
                update.mutate(
                  { orgId: scope.orgId, viewId: view.id, shared },
                  {
                    onError: () => {
                      setIsShared(!shared);
                    },
                  },
                );
              }}
              className="size-4 rounded border-zinc-300 dark:border-zinc-700"
            />
            Shared with the organization
          </label>
        ) : null}
        {canDelete ? (
          <Button
            size="sm"
            variant="ghost"
            className="ml-auto"
            aria-label={`Delete ${view.name}`}
            pending={remove.isPending}
            onClick={() => {
              remove.mutate({ orgId: scope.orgId, viewId: view.id });
            }}
          >
            Delete
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** Rename, share and delete one's views; admins may also delete views others shared. */
export function ManageViewsDialog({
  orgId,
  projectId,
  views,
  canManageShared,
  onClose,
}: Scope & { views: SavedView[]; canManageShared: boolean; onClose: () => void }) {
  const mine = views.filter((view) => view.isMine);
  const others = views.filter((view) => !view.isMine);
  const scope = { orgId, projectId };
  return (
    <Dialog open onClose={onClose} title="Views" size="lg">
      <div className="max-h-[60dvh] space-y-4 overflow-y-auto">
        {[
          { title: "Yours", items: mine },
          { title: "Shared with the organization", items: others },
        ].map((group) =>
          group.items.length ? (
            <section key={group.title} aria-label={group.title}>
              <h3 className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                {group.title}
              </h3>
              <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {group.items.map((view) => (
                  <ViewItem
                    key={view.id}
                    view={view}
                    scope={scope}
                    canManageShared={canManageShared}
                  />
                ))}
              </ul>
            </section>
          ) : null,
        )}
        {views.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No views left.</p>
        ) : null}
      </div>
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Done
        </Button>
      </div>
    </Dialog>
  );
}
