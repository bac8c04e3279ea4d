"use client";

import dynamic from "next/dynamic";
import { TaskLive } from "~/components/live/live-bar.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { trpc } from "~/trpc/react.tsx";
import { Attachments } from "./attachments.tsx";
import { Comments } from "./comments.tsx";
import { DeleteTaskButton } from "./delete-task-button.tsx";
import { MoveToProjectButton } from "./move-to-project-button.tsx";
import { TaskDescription } from "./task-description.tsx";
import { TaskFields } from "./task-fields.tsx";
import { TaskHistory } from "./task-history.tsx";
import { TaskTitle } from "./task-title.tsx";
import { SectionLoading } from "./section-loading.tsx";
import { useUpdateTask } from "./use-update-task.ts";
import { WatchButton } from "./watch-button.tsx";

// Below the description: their code (the task picker among it) loads after the page's, and they
// still render on the server. `loading` gives each a boundary of its own: without one, the whole
// task hydrates only once their chunks arrive, and a click anywhere on it before is lost.
const Subtasks = dynamic(() => import("./subtasks.tsx").then((m) => m.Subtasks), {
  loading: () => <SectionLoading title="Sub-tasks" />,
});
const Relations = dynamic(() => import("./relations.tsx").then((m) => m.Relations), {
  loading: () => <SectionLoading title="Relations" />,
});

export function TaskView({
  orgId,
  taskRef,
  liveSince,
  myUserId,
  canWrite,
  canModerate,
  canReadHistory,
  canAttach,
  canManageAttachments,
}: {
  orgId: string;
  taskRef: string;
  /** Where the live subscription starts (read on the server before the page's data). */
  liveSince: string | null;
  myUserId: string;
  canWrite: boolean;
  canModerate: boolean;
  canReadHistory: boolean;
  canAttach: boolean;
  canManageAttachments: boolean;
}) {
  const [task] = trpc.task.get.useSuspenseQuery({ orgId, ref: taskRef });
  const saver = useUpdateTask(orgId, taskRef, task);

  return (
    // One column on narrow screens (title, fields, the rest); fields beside everything on wide ones.
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_17rem] lg:gap-x-8">
      <div className="min-w-0 space-y-4">
        <TaskLive orgId={orgId} taskId={task.id} since={liveSince} />
        <TaskTitle task={task} saver={saver} canEdit={canWrite} />
        {saver.error ? (
          <Alert tone="error" title="Your change was not saved" testId="task-save-error">
            <p>{saver.error} The page shows the task as it is now.</p>
            <Button size="sm" variant="secondary" className="mt-2" onClick={saver.dismissError}>
              Dismiss
            </Button>
          </Alert>
        ) : null}
      </div>
      <aside
        aria-label="Task fields"
        className="lg:sticky lg:top-6 lg:col-start-2 lg:row-span-2 lg:row-start-1"
      >
        <div className="space-y-4">
          <TaskFields orgId={orgId} task={task} saver={saver} canEdit={canWrite} />
          <WatchButton orgId={orgId} taskId={task.id} />
          {canWrite ? (
            <div className="flex flex-wrap items-start gap-2">
              <MoveToProjectButton orgId={orgId} task={task} />
              <DeleteTaskButton orgId={orgId} task={task} />
            </div>
          ) : null}
        </div>
      </aside>
      <div className="min-w-0 space-y-8 lg:col-start-1">
        <TaskDescription orgId={orgId} task={task} saver={saver} canEdit={canWrite} />
        <Subtasks orgId={orgId} task={task} canEdit={canWrite} />
        <Relations orgId={orgId} taskId={task.id} canEdit={canWrite} />
        <Attachments
          orgId={orgId}
          taskId={task.id}
          myUserId={myUserId}
          canAttach={canAttach}
          canManage={canManageAttachments}
        />
        <Comments
          orgId={orgId}
          taskId={task.id}
          myUserId={myUserId}
          canWrite={canWrite}
          canModerate={canModerate}
        />
        <TaskHistory orgId={orgId} taskId={task.id} canRead={canReadHistory} />
      </div>
    </div>
  );
}
