"use client";

import type { MyTaskRelation } from "@tesseract/validators";
import { useSearchParams } from "next/navigation";
import { OrgLive } from "~/components/live/live-bar.tsx";
import { SavedViewsBar } from "~/components/views/saved-views-bar.tsx";
import { MY_TASK_RELATIONS, parseRelation, relationLabels } from "~/lib/my-issues.ts";
import { listSearch } from "~/lib/saved-views.ts";
import type { FilterChange } from "~/lib/task-filters.ts";
import { emptyFilters, parseTaskFilters } from "~/lib/task-filters.ts";
import { TaskFilterBar } from "../projects/[key]/list/task-filter-bar.tsx";
import { MyIssuesTable } from "./my-issues-table.tsx";

/** Writes My Issues' state to the URL, from the URL of the moment (see updateFiltersInUrl). */
function updateUrl(change: FilterChange, relation?: MyTaskRelation, push = false): void {
  const params = new URLSearchParams(window.location.search);
  const latest = parseTaskFilters(params);
  const patch = typeof change === "function" ? change(latest) : change;
  const search = listSearch({ ...latest, ...patch }, relation ?? parseRelation(params));
  const url = `${window.location.pathname}${search}`;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

const tabClasses =
  "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap text-zinc-600 transition-colors hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[current=page]:bg-white aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 aria-[current=page]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-zinc-50";

/** My Issues: three tabs over the caller's tasks, the list's filters and saved views, all in the URL. */
export function MyIssuesView({
  orgId,
  liveSince,
  canManageViews,
}: {
  orgId: string;
  /** Where the live subscription starts (read on the server before the page's data). */
  liveSince: string | null;
  canManageViews: boolean;
}) {
  const params = useSearchParams();
  const filters = parseTaskFilters(params);
  const relation = parseRelation(params);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Whose tasks" className="overflow-x-auto">
          <ul className="flex min-w-max gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-900">
            {MY_TASK_RELATIONS.map((tab) => {
              const search = listSearch(filters, tab);
              return (
                <li key={tab}>
                  <a
                    href={search ? search : "?"}
                    aria-current={tab === relation ? "page" : undefined}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)
                        return;
                      event.preventDefault();
                      updateUrl({}, tab, true);
                    }}
                    className={tabClasses}
                  >
                    {relationLabels[tab]}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <OrgLive orgId={orgId} since={liveSince} />
      </div>
      <SavedViewsBar
        orgId={orgId}
        projectId={null}
        filters={filters}
        relation={relation}
        canManageShared={canManageViews}
      />
      <TaskFilterBar
        orgId={orgId}
        filters={filters}
        onChange={(change) => {
          updateUrl(change);
        }}
      />
      <MyIssuesTable
        orgId={orgId}
        relation={relation}
        filters={filters}
        onClear={() => {
          updateUrl({ ...emptyFilters });
        }}
      />
    </div>
  );
}
