"use client";

import type { Route } from "next";
import { IntentLink } from "./intent-link.tsx";
import { usePathname } from "next/navigation";

const links: { href: Route; label: string }[] = [
  { href: "/", label: "Home" },
  { href: "/status", label: "Status" },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-0.5 sm:gap-1">
      {links.map(({ href, label }) => {
        const isCurrent = pathname === href;
        return (
          <li key={href}>
            <IntentLink
              href={href}
              aria-current={isCurrent ? "page" : undefined}
              className="rounded-md px-2 py-1.5 sm:px-2.5 text-sm text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 aria-[current=page]:bg-zinc-100 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100 dark:aria-[current=page]:bg-zinc-800/60 dark:aria-[current=page]:text-zinc-50"
            >
              {label}
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}
