import { TASK_KEY_PATTERN } from "@tesseract/validators/constants";
import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { can } from "~/lib/roles.ts";
import { livePosition } from "~/trpc/live-position.ts";
import { requireOrg } from "~/trpc/org.ts";
import { requireProject } from "~/trpc/project.ts";
import { fetchForPage, getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { requireMe } from "~/trpc/session.ts";
import { COMMENTS_PAGE_SIZE, HISTORY_PAGE_SIZE } from "./page-sizes.ts";
import { TaskView } from "./task-view.tsx";

/**
 * The task of this page; unknown or malformed is a 404. The title and the page share it: the
 * request's query cache holds the one `task.get`, which the browser's TaskView hydrates from.
 */
async function getTask(orgId: string, ref: string) {
  const org = await requireOrg(orgId);
  // Before the task is read (its metadata may read it first): the live subscription's start.
  await livePosition(org.id);
  return fetchForPage(getApi().task.get.fetch({ orgId: org.id, ref }), { urlNamesIt: true });
}

export async function generateMetadata({
  params,
}: PageProps<"/orgs/[orgId]/tasks/[key]">): Promise<Metadata> {
  const { orgId, key } = await params;
  const task = await getTask(orgId, decodeURIComponent(key));
  const summary = task.description?.replace(/\s+/g, " ").trim().slice(0, 160);
  return {
    title: `${task.key} ${task.title}`,
    description: summary || `${task.key}: ${task.title}`,
  };
}

export default async function TaskPage({ params }: PageProps<"/orgs/[orgId]/tasks/[key]">) {
  const { orgId, key } = await params;
  const ref = decodeURIComponent(key);
  if (ref !== ref.toUpperCase() && TASK_KEY_PATTERN.test(ref.toUpperCase())) {
    redirect(`/orgs/${orgId}/tasks/${ref.toUpperCase()}` as Route);
  }
  const [me, org] = await Promise.all([requireMe(), requireOrg(orgId)]);
  const task = await getTask(org.id, ref);
  const since = await livePosition(org.id);
  // A key the task had before it moved to another project: the page lives at its current key.
  if (TASK_KEY_PATTERN.test(ref) && task.key !== ref) {
    redirect(`/orgs/${orgId}/tasks/${task.key}` as Route);
  }
  const project = await requireProject(org.id, task.key.split("-")[0] ?? "");
  const canReadHistory = can(org.role, "task.read");
  const api = getApi();
  await loadForPage(
    api.member.list.fetch({ orgId: org.id }),
    api.comment.list.fetchInfinite({
      orgId: org.id,
      taskId: task.id,
      limit: COMMENTS_PAGE_SIZE,
    }),
    ...(canReadHistory
      ? [
          api.task.activity.fetchInfinite({
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
          liveSince={since}
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
