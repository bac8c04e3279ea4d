"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { DomainEvent, PresenceScope } from "@tesseract/validators";
import { useEffect, useState } from "react";
import { invalidateProjectTasks } from "~/lib/task-cache.ts";
import { trpc } from "~/trpc/react.tsx";
import { noteTaskChange } from "./live-catch-up.ts";

/** What the live connection looks like to the person: shown by LiveIndicator. */
export type LiveState = "connecting" | "live" | "reconnecting" | "lost";

type Status = "idle" | "connecting" | "pending" | "error";

/** The subscription's status as the person should read it (lost once, then back). */
export function useLiveState(status: Status): LiveState {
  const [wasLive, setWasLive] = useState(false);
  useEffect(() => {
    if (status === "pending") setWasLive(true);
  }, [status]);
  if (status === "pending") return "live";
  if (status === "error") return "lost";
  return wasLive ? "reconnecting" : "connecting";
}

/** Events after which the organization's task lists (and how their tasks read) may differ. */
const changesTasks = (event: DomainEvent): boolean =>
  /^(task\.|label\.|status\.changed|stream\.reset)/.test(event.type);

/**
 * Applies others' changes to the cached queries they touch, by invalidating exactly those. While
 * one of this page's own changes is in flight nothing is refetched: its optimistic state stays
 * on screen, and its own settling refetch brings in whatever others changed meanwhile.
 */
function useApplyEvent(orgId: string) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  return (event: DomainEvent) => {
    if (queryClient.isMutating() > 0) return;
    if (changesTasks(event)) noteTaskChange(orgId);
    switch (event.type) {
      case "task.created":
      case "task.restored":
      case "task.updated":
      case "task.moved":
        void invalidateProjectTasks(utils, orgId, event.task.projectId);
        void utils.task.mine.invalidate({ orgId });
        void utils.task.get.invalidate({ orgId });
        // Relations show the other task's title and status; sub-task lists are task lists.
        void utils.relation.list.invalidate({ orgId });
        return;
      case "task.deleted":
        void invalidateProjectTasks(utils, orgId, event.projectId);
        void utils.task.mine.invalidate({ orgId });
        // A parent's progress and the other end of a relation change with it.
        void utils.task.get.invalidate({ orgId });
        void utils.relation.list.invalidate({ orgId });
        return;
      case "label.created":
      case "label.updated":
      case "label.deleted":
        // A label's name and colour show on the tasks carrying it: the organization's task
        // lists (boards, lists, sub-tasks, My issues) and task pages, and no other task query.
        void utils.task.list.invalidate({ orgId });
        void utils.task.mine.invalidate({ orgId });
        void utils.task.get.invalidate({ orgId });
        void utils.label.list.invalidate({ orgId });
        return;
      case "status.changed":
        // The board's columns (and its tasks' status names) follow the project's workflow.
        void utils.status.list.invalidate({ orgId, projectId: event.projectId });
        void invalidateProjectTasks(utils, orgId, event.projectId);
        void utils.task.get.invalidate({ orgId });
        return;
      case "comment.created":
        void utils.comment.list.invalidate({ orgId, taskId: event.taskId });
        return;
      case "job.progress":
        if (event.kind === "attachment" && event.taskId)
          void utils.attachment.list.invalidate({ orgId, taskId: event.taskId });
        return;
      case "member.added":
      case "member.removed":
      case "member.role_changed":
        void utils.member.list.invalidate({ orgId });
        // An accepted invitation leaves the pending list.
        if (event.type === "member.added") void utils.invitation.list.invalidate({ orgId });
        return;
      case "stream.reset":
        // Events were missed for good (the page's starting position, or a long disconnection,
        // is older than the replay buffer holds): refetch everything this page shows.
        void queryClient.invalidateQueries();
        return;
      default:
        return;
    }
  };
}

/**
 * Where a page's subscription starts: the position the server read before the page's data
 * (so what changed since is replayed), kept as first given: a reconnection resumes from the last
 * event received (tRPC tracks it), and a later render's position must not restart the stream.
 */
function useStart(since: string | null): string | null {
  const [start] = useState(since);
  return start;
}

/** A project's board or list, kept current. */
export function useProjectEvents(
  orgId: string,
  projectId: string,
  since: string | null,
): LiveState {
  const apply = useApplyEvent(orgId);
  const lastEventId = useStart(since);
  const subscription = trpc.live.project.useSubscription(
    { orgId, projectId, lastEventId },
    {
      onData: ({ data }) => {
        apply(data);
      },
    },
  );
  return useLiveState(subscription.status);
}

/** An organization's members (and pending invitations), kept current. */
export function useOrgEvents(orgId: string, since: string | null): LiveState {
  const apply = useApplyEvent(orgId);
  const lastEventId = useStart(since);
  const subscription = trpc.live.org.useSubscription(
    { orgId, lastEventId },
    {
      onData: ({ data }) => {
        apply(data);
      },
    },
  );
  return useLiveState(subscription.status);
}

/** A task's page, kept current. */
export function useTaskEvents(orgId: string, taskId: string, since: string | null): LiveState {
  const apply = useApplyEvent(orgId);
  const lastEventId = useStart(since);
  const subscription = trpc.live.task.useSubscription(
    { orgId, taskId, lastEventId },
    {
      onData: ({ data }) => {
        apply(data);
      },
    },
  );
  return useLiveState(subscription.status);
}

/** Who else is looking at the same board or task (the person themselves left out). */
export function useViewers(orgId: string, scope: PresenceScope) {
  const [viewers, setViewers] = useState<{ personId: string; name: string }[]>([]);
  const me = trpc.auth.me.useQuery(undefined, { staleTime: Infinity });
  trpc.live.presence.useSubscription(
    { orgId, scope },
    {
      onData: ({ data }) => {
        if (data.type === "presence") setViewers(data.viewers);
      },
    },
  );
  const myId = me.data?.user.id;
  return viewers.filter((viewer) => viewer.personId !== myId);
}
