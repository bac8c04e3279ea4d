"use client";

import type { MyTaskRelation } from "@tesseract/validators";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { filtersToView, hasViewWorthSaving, listSearch, viewSearch } from "~/lib/saved-views.ts";
import type { TaskFilters } from "~/lib/task-filters.ts";
import { trpc } from "~/trpc/react.tsx";

// The dialogs load when first opened: most visits only read the list. Each has a boundary of
// its own (`loading`), so the page does not fall back to its loading screen meanwhile.
const SaveViewDialog = dynamic(
  () => import("./save-view-dialog.tsx").then((module) => module.SaveViewDialog),
  { loading: () => null },
);
const ManageViewsDialog = dynamic(
  () => import("./manage-views-dialog.tsx").then((module) => module.ManageViewsDialog),
  { loading: () => null },
);

/** Opens a list state: a new history entry, so Back returns to the filters before. */
function openSearch(search: string): void {
  window.history.pushState(null, "", `${window.location.pathname}${search}`);
}

const chipClasses =
  "inline-flex max-w-[14rem] items-center gap-1 rounded-full border px-2.5 py-1 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800 aria-[current=true]:border-indigo-600 aria-[current=true]:bg-indigo-50 aria-[current=true]:text-indigo-800 dark:aria-[current=true]:border-indigo-400 dark:aria-[current=true]:bg-indigo-950/50 dark:aria-[current=true]:text-indigo-200";

/**
 * The saved views of a list (a project's, or My Issues with `relation`): one link each (yours
 * first, then those shared with the organization), "Save view" once the list is filtered, and
 * a dialog to rename, share or delete them.
 */
export function SavedViewsBar({
  orgId,
  projectId,
  filters,
  relation,
  canManageShared,
}: {
  orgId: string;
  /** null: My Issues' views. */
  projectId: string | null;
  filters: TaskFilters;
  relation?: MyTaskRelation;
  /** An admin: may delete views others shared. */
  canManageShared: boolean;
}) {
  const views = trpc.view.list.useQuery({ orgId, projectId });
  const [dialog, setDialog] = useState<"save" | "manage" | null>(null);
  const isMyIssues = projectId === null;
  const current = listSearch(filters, relation);
  const list = views.data ?? [];
  const canSave = hasViewWorthSaving(filters) || (isMyIssues && relation !== "assigned");

  return (
    <section
      aria-labelledby="saved-views-heading"
      className="flex flex-wrap items-center gap-x-3 gap-y-2"
    >
      <h2
        id="saved-views-heading"
        className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
      >
        Views
      </h2>
      {views.isPending ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Loading views…</p>
      ) : views.isError ? (
        <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          Views could not be loaded.{" "}
          <button type="button" className="underline" onClick={() => void views.refetch()}>
            Retry
          </button>
        </p>
      ) : list.length === 0 ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          None yet: filter the list, then save it as a view.
        </p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" data-testid="saved-views">
          {list.map((view) => {
            const search = viewSearch(view.filters, isMyIssues);
            return (
              <li key={view.id}>
                <a
                  href={`?${search.slice(1)}`}
                  aria-current={search === current ? "true" : undefined}
                  title={view.isMine ? undefined : `Shared by ${view.ownerName}`}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)
                      return;
                    event.preventDefault();
                    openSearch(search);
                  }}
                  className={chipClasses}
                >
                  <span className="truncate">{view.name}</span>
                  {view.shared ? (
                    <span className="text-[0.65rem] font-normal text-zinc-500 dark:text-zinc-400">
                      {view.isMine ? "· shared" : `· ${view.ownerName}`}
                    </span>
                  ) : null}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        {canSave ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setDialog("save");
            }}
          >
            Save view
          </Button>
        ) : null}
        {list.length > 0 ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setDialog("manage");
            }}
          >
            Manage views
          </Button>
        ) : null}
      </div>
      {dialog === "save" ? (
        <SaveViewDialog
          orgId={orgId}
          projectId={projectId}
          filters={filtersToView(filters, relation)}
          onClose={() => {
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === "manage" ? (
        <ManageViewsDialog
          orgId={orgId}
          projectId={projectId}
          views={list}
          canManageShared={canManageShared}
          onClose={() => {
            setDialog(null);
          }}
        />
      ) : null}
    </section>
  );
}
