"use client";

import type { ActivityKind } from "@tesseract/validators";
import { ACTIVITY_KINDS } from "@tesseract/validators/constants";
import { Suspense, useState } from "react";
import { controlClasses } from "~/components/forms/field.tsx";
import { LoadMore } from "~/components/load-more.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Spinner } from "~/components/ui/spinner.tsx";
import { trpc } from "~/trpc/react.tsx";
import { ActivityItem } from "./activity-item.tsx";
import { ACTIVITY_PAGE_SIZE } from "./page-size.ts";

export interface ActivityFilters {
  actorId?: string;
  projectId?: string;
  kind?: ActivityKind;
}

const kindLabels: Record<ActivityKind, string> = {
  task: "Tasks",
  comment: "Comments",
  attachment: "Attachments",
  project: "Projects",
  member: "Members",
  invitation: "Invitations",
  token: "API tokens",
  org: "Organization",
  label: "Labels",
  status: "Workflows",
  view: "Shared views",
};

const isKind = (value: string): value is ActivityKind =>
  (ACTIVITY_KINDS as readonly string[]).includes(value);

/** One of the log's filters: "any" (`anyLabel`, no value) or one of `options`. */
function FilterSelect({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <select
      aria-label={label}
      className={`${controlClasses} py-1.5`}
      value={value ?? ""}
      onChange={(event) => {
        onChange(event.target.value || undefined);
      }}
    >
      <option value="">{anyLabel}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export function ActivityLog({ orgId }: { orgId: string }) {
  const [filters, setFilters] = useState<ActivityFilters>({});
  const members = trpc.member.list.useQuery({ orgId });
  const projects = trpc.project.list.useQuery({ orgId, includeArchived: true });
  const memberNames = new Map((members.data ?? []).map((m) => [m.userId, m.name]));
  const set = (change: ActivityFilters) => {
    setFilters((current) => ({ ...current, ...change }));
  };

  return (
    <div className="space-y-4">
      <div role="group" aria-label="Filter activity" className="flex flex-wrap gap-2">
        <FilterSelect
          label="Person"
          anyLabel="Everyone"
          value={filters.actorId}
          options={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
          onChange={(actorId) => {
            set({ actorId });
          }}
        />
        <FilterSelect
          label="Project"
          anyLabel="All projects"
          value={filters.projectId}
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(projectId) => {
            set({ projectId });
          }}
        />
        <FilterSelect
          label="Kind"
          anyLabel="Everything"
          value={filters.kind}
          options={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
          onChange={(kind) => {
            set({ kind: kind && isKind(kind) ? kind : undefined });
          }}
        />
      </div>
      <Suspense
        fallback={
          <p className="flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
            <Spinner /> Loading activity…
          </p>
        }
      >
        <ActivityEntries orgId={orgId} filters={filters} memberNames={memberNames} />
      </Suspense>
    </div>
  );
}

function ActivityEntries({
  orgId,
  filters,
  memberNames,
}: {
  orgId: string;
  filters: ActivityFilters;
  memberNames: ReadonlyMap<string, string>;
}) {
  const [data, query] = trpc.activity.list.useSuspenseInfiniteQuery(
    { orgId, limit: ACTIVITY_PAGE_SIZE, ...filters },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const items = data.pages.flatMap((page) => page.items);
  const isFiltered = Object.values(filters).some(Boolean);

  if (items.length === 0) {
    return (
      <EmptyState
        title={isFiltered ? "Nothing matches these filters" : "Nothing has happened yet"}
      />
    );
  }
  return (
    <div className="space-y-4">
      <ol
        data-testid="activity-list"
        className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/40"
      >
        {items.map((item) => (
          <ActivityItem key={item.id} orgId={orgId} item={item} memberNames={memberNames} />
        ))}
      </ol>
      <LoadMore
        query={query}
        errorTitle="More activity could not be loaded"
        endText="That is everything."
      />
    </div>
  );
}
