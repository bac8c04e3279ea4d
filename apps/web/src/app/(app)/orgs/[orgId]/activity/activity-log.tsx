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

export function ActivityLog({ orgId }: { orgId: string }) {
  const [filters, setFilters] = useState<ActivityFilters>({});
  const members = trpc.member.list.useQuery({ orgId });
  const projects = trpc.project.list.useQuery({ orgId, includeArchived: true });
  const memberNames = new Map((members.data ?? []).map((m) => [m.userId, m.name]));
  const set = (change: ActivityFilters) => {
    setFilters((current) => ({ ...current, ...change }));
  };
  const select = `${controlClasses} py-1.5`;

  return (
    <div className="space-y-4">
      <div role="group" aria-label="Filter activity" className="flex flex-wrap gap-2">
        <select
          aria-label="Person"
          className={select}
          value={filters.actorId ?? ""}
          onChange={(event) => {
            set({ actorId: event.target.value || undefined });
          }}
        >
          <option value="">Everyone</option>
          {(members.data ?? []).map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Project"
          className={select}
          value={filters.projectId ?? ""}
          onChange={(event) => {
            set({ projectId: event.target.value || undefined });
          }}
        >
          <option value="">All projects</option>
          {(projects.data ?? []).map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Kind"
          className={select}
          value={filters.kind ?? ""}
          onChange={(event) => {
            const { value } = event.target;
            set({ kind: isKind(value) ? value : undefined });
          }}
        >
          <option value="">Everything</option>
          {ACTIVITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
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
