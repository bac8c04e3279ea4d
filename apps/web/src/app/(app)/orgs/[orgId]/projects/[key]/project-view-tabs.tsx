"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Board or list: two views of the same project's tasks; and its workflow (the board's columns). */
export function ProjectViewTabs({ base }: { base: string }) {
  const pathname = usePathname();
  const views = [
    { href: base, label: "Board" },
    { href: `${base}/list`, label: "List" },
    { href: `${base}/workflow`, label: "Workflow" },
  ];
  return (
    <nav aria-label="Project views">
      <ul className="inline-flex rounded-lg border border-zinc-200 bg-zinc-50 p-0.5 dark:border-zinc-800 dark:bg-zinc-900">
        {views.map(({ href, label }) => (
          <li key={href}>
            <Link
              href={href as Route}
              aria-current={pathname === href ? "page" : undefined}
              className="block rounded-md px-3 py-1 text-sm text-zinc-600 hover:text-zinc-900 aria-[current=page]:bg-white aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 aria-[current=page]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-zinc-50"
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
