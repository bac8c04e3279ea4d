"use client";

import type { Route } from "next";
import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonClasses } from "~/components/ui/button.tsx";

export default function ProjectNotFound() {
  const { orgId } = useParams<{ orgId: string }>();
  return (
    <div className="mx-auto max-w-md space-y-4 py-10 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Project not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        There is no project with that key here. It may have been renamed or deleted.
      </p>
      <Link href={`/orgs/${orgId}/projects` as Route} className={buttonClasses("secondary")}>
        All projects
      </Link>
    </div>
  );
}
