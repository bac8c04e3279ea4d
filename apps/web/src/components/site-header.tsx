import Link from "next/link";
import { NavLinks } from "./nav-links.tsx";
import { ThemeSwitcher } from "./theme-switcher.tsx";

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-3 sm:gap-6">
          <Link
            href="/"
            aria-label="Tesseract home"
            className="flex items-center gap-2 rounded-md font-semibold tracking-tight text-zinc-900 dark:text-zinc-50"
          >
            <span
              aria-hidden="true"
              className="grid size-6 place-items-center rounded-md bg-indigo-600 text-xs text-white"
            >
              T
            </span>
            Tesseract
          </Link>
          <nav aria-label="Main">
            <NavLinks />
          </nav>
        </div>
        <ThemeSwitcher />
      </div>
    </header>
  );
}
