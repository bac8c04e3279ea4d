import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { apiErrorCode } from "~/lib/api-error.ts";
import { can } from "~/lib/roles.ts";
import { requireOrg } from "~/trpc/org.ts";
import { requireProject } from "~/trpc/project.ts";
import { api, HydrateClient, prefetchOrThrow } from "~/trpc/server.ts";
import { requireMe } from "~/trpc/session.ts";
import { COMMENTS_PAGE_SIZE, HISTORY_PAGE_SIZE } from "./page-sizes.ts";
import { TaskView } from "./task-view.tsx";

const TASK_KEY = /^[a-z][a-z0-9]{1,9}-\d{1,9}$/i;

/** The task of this page (one `task.get` per request); unknown or malformed is a 404. */
const getTask = cache(async (orgId: string, ref: string) => {
  await requireOrg(orgId);
  try {
    return await api.task.get({ orgId, ref });
  } catch (error) {
    const code = apiErrorCode(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
});

export async function generateMetadata({
  params,
}: PageProps<"/orgs/[orgId]/tasks/[key]">): Promise<Metadata> {
  const { orgId, key } = await params;
  const task = await getTask(orgId, decodeURIComponent(key));
  return { title: `${task.key} ${task.title}` };
}

export default async function TaskPage({ params }: PageProps<"/orgs/[orgId]/tasks/[key]">) {
  const { orgId, key } = await params;
  const ref = decodeURIComponent(key);
  if (TASK_KEY.test(ref) && ref !== ref.toUpperCase()) {
    redirect(`/orgs/${orgId}/tasks/${ref.toUpperCase()}` as Route);
  }
  const [me, org] = await Promise.all([requireMe(), requireOrg(orgId)]);
  const task = await getTask(org.id, ref);
  const project = await requireProject(org.id, task.key.split("-")[0] ?? "");
  const canReadHistory = can(org.role, "task.read");
  await prefetchOrThrow(
    api.task.get.prefetch({ orgId: org.id, ref }),
    api.member.list.prefetch({ orgId: org.id }),
    api.comment.list.prefetchInfinite({
      orgId: org.id,
      taskId: task.id,
      limit: COMMENTS_PAGE_SIZE,
    }),
    ...(canReadHistory
      ? [
          api.task.activity.prefetchInfinite({
            orgId: org.id,
            taskId: task.id,
            limit: HISTORY_PAGE_SIZE,
          }),
        ]
      : []),
  );

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href={`/orgs/${org.id}/projects` as Route} className="hover:underline">
          Projects
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/orgs/${org.id}/projects/${project.key}` as Route} className="hover:underline">
          {project.name}
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="font-mono">{task.key}</span>
      </nav>
      <HydrateClient>
        <TaskView
          orgId={org.id}
          taskRef={ref}
          myUserId={me.user.id}
          canWrite={can(org.role, "task.write") && can(org.role, "comment.write")}
          canModerate={can(org.role, "comment.moderate")}
          canReadHistory={canReadHistory}
          canAttach={can(org.role, "attachment.write")}
          canManageAttachments={can(org.role, "attachment.manage")}
        />
      </HydrateClient>
    </div>
  );
}
