"use client";

import { LiveIndicator } from "./live-indicator.tsx";
import { useOrgEvents, useProjectEvents, useTaskEvents } from "./use-live-events.ts";
import { Viewers } from "./viewers.tsx";

/** A project's board and list: others' changes applied as they happen, and who else is here. */
export function ProjectLive({ orgId, projectId }: { orgId: string; projectId: string }) {
  const state = useProjectEvents(orgId, projectId);
  return (
    <div className="flex items-center gap-3">
      <Viewers orgId={orgId} scope={{ projectId }} />
      <LiveIndicator state={state} />
    </div>
  );
}

/** A task's page: others' edits, comments and files as they happen, and who else is here. */
export function TaskLive({ orgId, taskId }: { orgId: string; taskId: string }) {
  const state = useTaskEvents(orgId, taskId);
  return (
    <div className="flex items-center justify-end gap-3">
      <Viewers orgId={orgId} scope={{ taskId }} />
      <LiveIndicator state={state} />
    </div>
  );
}

/** An organization's members page: joins, removals and role changes as they happen. */
export function OrgLive({ orgId }: { orgId: string }) {
  return <LiveIndicator state={useOrgEvents(orgId)} />;
}
