"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { roleLabels } from "~/lib/role-labels.ts";
import type { Me } from "~/trpc/types.ts";
import { Disclosure, disclosureItemClasses } from "./ui/disclosure.tsx";

type Organization = Me["organizations"][number];

/** The organization in the address bar (/orgs/<id>/…), if any. */
function currentOrgId(pathname: string): string | undefined {
  return /^\/orgs\/([^/]+)/.exec(pathname)?.[1];
}

export function OrgSwitcher({ organizations }: { organizations: Organization[] }) {
  const pathname = usePathname();
  const orgId = currentOrgId(pathname);
  const current = organizations.find((org) => org.id === orgId);

  return (
    <Disclosure
      trigger={
        <span className="truncate">
          {/* The button's name starts from what it shows (WCAG 2.5.3). */}
          <span className="sr-only">Switch organization: </span>
          <span data-testid="org-switcher-current">{current?.name ?? "Organizations"}</span>
        </span>
      }
      panelClassName="left-0"
    >
      <nav aria-label="Organizations">
        {organizations.length > 0 ? (
          <ul>
            {organizations.map((org) => (
              <li key={org.id}>
                <Link
                  href={`/orgs/${org.id}` as Route}
                  aria-current={org.id === orgId ? "page" : undefined}
                  className={disclosureItemClasses}
                >
                  <span className="truncate">{org.name}</span>
                  <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
                    {roleLabels[org.role]}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-2.5 py-2 text-sm text-zinc-500 dark:text-zinc-400">
            You are not in any organization yet.
          </p>
        )}
        <div className="mt-1 border-t border-zinc-200 pt-1 dark:border-zinc-800">
          <Link href="/onboarding" className={disclosureItemClasses}>
            New organization
            <span aria-hidden="true">+</span>
          </Link>
        </div>
      </nav>
    </Disclosure>
  );
}
