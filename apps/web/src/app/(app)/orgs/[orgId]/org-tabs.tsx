"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function OrgTabs({ orgId, canReadActivity }: { orgId: string; canReadActivity: boolean }) {
  const pathname = usePathname();
  const base = `/orgs/${orgId}`;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/members`, label: "Members" },
    ...(canReadActivity ? [{ href: `${base}/activity`, label: "Activity" }] : []),
    { href: `${base}/settings`, label: "Settings" },
  ];
  return (
    <nav aria-label="Organization" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {tabs.map(({ href, label }) => (
          <li key={href}>
            <Link
              href={href as Route}
              aria-current={pathname === href ? "page" : undefined}
              className="-mb-px block border-b-2 border-transparent px-3 py-2 text-sm text-zinc-600 transition-colors hover:border-zinc-300 hover:text-zinc-900 aria-[current=page]:border-indigo-600 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100 dark:aria-[current=page]:border-indigo-400 dark:aria-[current=page]:text-zinc-50"
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
