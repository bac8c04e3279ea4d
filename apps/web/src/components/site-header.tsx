import Link from "next/link";
import { getMe } from "~/trpc/session.ts";
import { AccountMenu } from "./account-menu.tsx";
import { IntentLink } from "./intent-link.tsx";
import { NavLinks } from "./nav-links.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { OrgSwitcher } from "./org-switcher.tsx";
import { ThemeSwitcher } from "./theme-switcher.tsx";

const authLinkClasses =
  "rounded-md px-2.5 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-50";

export async function SiteHeader() {
  // The header must render even when the API cannot answer (the status page says why).
  const me = await getMe().catch(() => null);
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex max-w-5xl flex-wrap in-[body:has(main[data-wide],main_[data-wide])]:max-w-7xl items-center justify-between gap-x-3 gap-y-2 px-4 py-3 sm:px-6">
        <div className="flex min-w-0 items-center gap-2 sm:gap-4">
          <IntentLink
            href={me ? "/orgs" : "/"}
            className="flex items-center gap-2 rounded-md font-semibold tracking-tight text-zinc-900 dark:text-zinc-50"
          >
            {/* The mark's letter is drawn by CSS so the link's name is exactly its words. */}
            <span
              aria-hidden="true"
              className="grid size-6 place-items-center rounded-md bg-indigo-600 text-xs text-white before:content-['T']"
            />
            <span className="sr-only sm:not-sr-only">Tesseract</span>
            <span className="sr-only"> home</span>
          </IntentLink>
          {me ? (
            <OrgSwitcher organizations={me.organizations} />
          ) : (
            <nav aria-label="Main">
              <NavLinks />
            </nav>
          )}
        </div>
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          {me ? (
            <>
              <NotificationBell />
              <AccountMenu user={me.user} />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={authLinkClasses}>
                Sign in
              </Link>
              <Link
                href="/sign-up"
                className="rounded-md bg-indigo-600 px-2.5 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
              >
                Sign up
              </Link>
            </>
          )}
          <ThemeSwitcher />
        </div>
      </div>
    </header>
  );
}
