import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { buttonClasses } from "~/components/ui/button.tsx";
import { roleLabels } from "~/lib/roles.ts";
import { requireMe } from "~/trpc/session.ts";

export const metadata: Metadata = { title: "Organizations" };

/** Where signing in lands: the one organization, a choice of several, or onboarding. */
export default async function OrganizationsPage() {
  const { organizations } = await requireMe();
  if (organizations.length === 0) redirect("/onboarding");
  if (organizations.length === 1) redirect(`/orgs/${organizations[0]!.id}` as Route);

  return (
    <div className="space-y-8">
      <PageHeader
        title="Your organizations"
        description="Choose where to work."
        actions={
          <Link href="/onboarding" className={buttonClasses("secondary")}>
            New organization
          </Link>
        }
      />
      <ul className="grid gap-3 sm:grid-cols-2">
        {organizations.map((org) => (
          <li key={org.id}>
            <Link
              href={`/orgs/${org.id}` as Route}
              className="block rounded-xl border border-zinc-200 p-4 transition-colors hover:border-indigo-300 hover:bg-indigo-50/40 dark:border-zinc-800 dark:hover:border-indigo-500/40 dark:hover:bg-indigo-500/5"
            >
              <p className="truncate font-medium">{org.name}</p>
              <p className="text-sm text-zinc-500 dark:text-zinc-400">{roleLabels[org.role]}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
