"use client";

import { LiveIndicator } from "./live-indicator.tsx";
import { useOrgEvents, useProjectEvents, useTaskEvents } from "./use-live-events.ts";
import { Viewers } from "./viewers.tsx";

/**
 * `since`: where the organization's stream stood before the server read the page's data
 * (trpc/live-position.ts): the subscription replays what changed after it.
 */
type Since = { since: string | null };

/** A project's board and list: others' changes applied as they happen, and who else is here. */
export function ProjectLive({
  orgId,
  projectId,
  since,
}: { orgId: string; projectId: string } & Since) {
  const state = useProjectEvents(orgId, projectId, since);
  return (
    <div className="flex items-center gap-3">
      <Viewers orgId={orgId} scope={{ projectId }} />
      <LiveIndicator state={state} />
    </div>
  );
}

/** A task's page: others' edits, comments and files as they happen, and who else is here. */
export function TaskLive({ orgId, taskId, since }: { orgId: string; taskId: string } & Since) {
  const state = useTaskEvents(orgId, taskId, since);
  return (
    <div className="flex items-center justify-end gap-3">
      <Viewers orgId={orgId} scope={{ taskId }} />
      <LiveIndicator state={state} />
    </div>
  );
}

/** An organization's members page: joins, removals and role changes as they happen. */
export function OrgLive({ orgId, since }: { orgId: string } & Since) {
  return <LiveIndicator state={useOrgEvents(orgId, since)} />;
}
