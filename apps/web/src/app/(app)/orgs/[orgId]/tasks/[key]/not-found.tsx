"use client";

import type { Route } from "next";
import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonClasses } from "~/components/ui/button.tsx";

export default function TaskNotFound() {
  const { orgId } = useParams<{ orgId: string }>();
  return (
    <div className="mx-auto max-w-md space-y-4 py-10 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Task not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        No task here has that key. It may have been deleted, or the link has a typo.
      </p>
      <Link href={`/orgs/${orgId}/projects` as Route} className={buttonClasses("secondary")}>
        All projects
      </Link>
    </div>
  );
}
