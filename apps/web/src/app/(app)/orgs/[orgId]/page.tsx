import type { Metadata, Route } from "next";
import Link from "next/link";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { can, roleDescriptions, roleLabels } from "~/lib/roles.ts";
import { requireOrg } from "~/trpc/org.ts";

export async function generateMetadata({ params }: PageProps<"/orgs/[orgId]">): Promise<Metadata> {
  const org = await requireOrg((await params).orgId);
  return { title: org.name };
}

export default async function OrgOverviewPage({ params }: PageProps<"/orgs/[orgId]">) {
  const org = await requireOrg((await params).orgId);
  const base = `/orgs/${org.id}`;
  const shortcuts = [
    {
      href: `${base}/projects`,
      title: "Projects",
      body: can(org.role, "project.write")
        ? "Plan work on boards and lists, and create projects."
        : "See the projects and their tasks.",
    },
    {
      href: `${base}/members`,
      title: "Members",
      body: can(org.role, "member.invite")
        ? "See who is here, invite people and manage roles."
        : "See who is in this organization.",
    },
    {
      href: "/account#tokens",
      title: "API tokens",
      body: "Call the API from scripts as this organization.",
    },
    ...(can(org.role, "activity.read")
      ? [{ href: `${base}/activity`, title: "Activity", body: "Who did what, and when." }]
      : []),
  ];

  return (
    <div className="space-y-8">
      <PageHeader title={org.name} description="Projects, tasks and the people who work on them." />
      <dl className="grid gap-x-6 gap-y-4 rounded-xl border border-zinc-200 p-4 sm:grid-cols-3 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900/40">
        <div className="min-w-0">
          <dt className="text-sm text-zinc-500 dark:text-zinc-400">Your role</dt>
          <dd className="mt-0.5 text-sm font-medium">
            {roleLabels[org.role]}
            <span className="block font-normal text-zinc-500 dark:text-zinc-400">
              {roleDescriptions[org.role]}
            </span>
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-sm text-zinc-500 dark:text-zinc-400">Slug</dt>
          <dd className="mt-0.5 truncate font-mono text-sm">{org.slug}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-sm text-zinc-500 dark:text-zinc-400">Created</dt>
          <dd className="mt-0.5 text-sm font-medium">
            <LocalTime date={org.createdAt} dateOnly />
          </dd>
        </div>
      </dl>
      <ul className="grid gap-3 sm:grid-cols-2">
        {shortcuts.map(({ href, title, body }) => (
          <li key={href}>
            <Link
              href={href as Route}
              className="block h-full rounded-xl border border-zinc-200 p-4 transition-colors hover:border-indigo-300 hover:bg-indigo-50/40 dark:border-zinc-800 dark:hover:border-indigo-500/40 dark:hover:bg-indigo-500/5"
            >
              <p className="font-medium">{title}</p>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{body}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
