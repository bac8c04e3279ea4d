"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Me } from "~/trpc/types.ts";
import { SignOutButton } from "./sign-out-button.tsx";
import { Disclosure, disclosureItemClasses } from "./ui/disclosure.tsx";

export function AccountMenu({ user }: { user: Me["user"] }) {
  const pathname = usePathname();
  return (
    <Disclosure
      trigger={
        <>
          {/* The initial is drawn by CSS so the button's name is exactly its words. */}
          <span
            aria-hidden="true"
            data-initial={user.name.slice(0, 1).toUpperCase()}
            className="grid size-6 shrink-0 place-items-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700 before:content-[attr(data-initial)] dark:bg-zinc-700 dark:text-zinc-100"
          />
          <span className="sr-only">Account: </span>
          <span className="sr-only truncate sm:not-sr-only">{user.name}</span>
        </>
      }
      panelClassName="right-0"
    >
      <div className="border-b border-zinc-200 px-2.5 pt-1.5 pb-2.5 dark:border-zinc-800">
        <p className="truncate text-sm font-medium">{user.name}</p>
        <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{user.email}</p>
      </div>
      <ul className="pt-1">
        <li>
          <Link
            href="/account"
            aria-current={pathname === "/account" ? "page" : undefined}
            className={disclosureItemClasses}
          >
            Account settings
          </Link>
        </li>
        {user.isPlatformAdmin ? (
          <li>
            <Link
              href="/admin"
              aria-current={pathname === "/admin" ? "page" : undefined}
              className={disclosureItemClasses}
            >
              Platform admin
            </Link>
          </li>
        ) : null}
        <li>
          <SignOutButton />
        </li>
      </ul>
    </Disclosure>
  );
}
