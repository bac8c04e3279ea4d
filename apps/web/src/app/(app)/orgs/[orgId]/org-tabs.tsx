"use client";

import type { Route } from "next";
import { IntentLink } from "~/components/intent-link.tsx";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

interface Tab {
  href: string;
  label: string;
  /** Pages under other paths that belong to this tab. */
  owns?: string[];
}

export function OrgTabs({ orgId, canReadActivity }: { orgId: string; canReadActivity: boolean }) {
  const pathname = usePathname();
  const base = `/orgs/${orgId}`;
  const tabs: Tab[] = [
    { href: base, label: "Overview" },
    { href: `${base}/my-issues`, label: "My Issues" },
    // A project's board and list, and a task's page, are all under Projects.
    { href: `${base}/projects`, label: "Projects", owns: [`${base}/projects/`, `${base}/tasks/`] },
    { href: `${base}/members`, label: "Members" },
    ...(canReadActivity ? [{ href: `${base}/activity`, label: "Activity" }] : []),
    { href: `${base}/settings`, label: "Settings" },
  ];
  const isCurrent = ({ href, owns = [] }: Tab) =>
    pathname === href || owns.some((prefix) => pathname.startsWith(prefix));
  const navRef = useRef<HTMLElement>(null);
  // On a narrow screen the row scrolls; keep the current tab in view after navigating.
  useEffect(() => {
    navRef.current
      ?.querySelector('[aria-current="page"]')
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return (
    <nav
      ref={navRef}
      aria-label="Organization"
      className="-mx-4 overflow-x-auto px-4 [scrollbar-width:thin] sm:mx-0 sm:px-0"
    >
      <ul className="flex min-w-max gap-0 border-b border-zinc-200 sm:gap-1 dark:border-zinc-800">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <IntentLink
              href={tab.href as Route}
              aria-current={isCurrent(tab) ? "page" : undefined}
              className="-mb-px block border-b-2 border-transparent px-2.5 py-2 text-sm whitespace-nowrap sm:px-3 text-zinc-600 transition-colors hover:border-zinc-300 hover:text-zinc-900 aria-[current=page]:border-indigo-600 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100 dark:aria-[current=page]:border-indigo-400 dark:aria-[current=page]:text-zinc-50"
            >
              {tab.label}
            </IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
