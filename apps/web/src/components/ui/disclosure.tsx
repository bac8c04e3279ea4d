"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useEffect, useId, useRef, useState } from "react";

/**
 * A button that shows and hides a panel of links (the disclosure pattern, not an ARIA menu):
 * Tab moves through the links, Escape or a click elsewhere closes it, as does following a link.
 */
export function Disclosure({
  trigger,
  label,
  children,
  panelClassName = "",
}: {
  trigger: ReactNode;
  /** The button's accessible name when `trigger` is not plain text. */
  label?: string;
  children: ReactNode;
  panelClassName?: string;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const pathname = usePathname();

  // Following a link inside the panel changes the page: close it then.
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setIsOpen(false);
  }

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setIsOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [isOpen]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => {
          setIsOpen((open) => !open);
        }}
        className="flex max-w-[8rem] items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-zinc-700 transition-colors hover:bg-zinc-100 hover:text-zinc-900 aria-expanded:bg-zinc-100 sm:max-w-[16rem] dark:text-zinc-300 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-50 dark:aria-expanded:bg-zinc-800/60"
      >
        {trigger}
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="currentColor"
          className="size-4 shrink-0 opacity-60"
        >
          <path d="M5.2 7.7a.75.75 0 0 1 1.06.02L10 11.7l3.74-3.98a.75.75 0 1 1 1.1 1.02l-4.3 4.57a.75.75 0 0 1-1.1 0l-4.3-4.57a.75.75 0 0 1 .06-1.06Z" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!isOpen}
        className={`absolute z-20 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-xl border border-zinc-200 bg-white p-1.5 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 ${panelClassName}`}
      >
        {children}
      </div>
    </div>
  );
}

export const disclosureItemClasses =
  "flex w-full items-center justify-between gap-2 rounded-lg px-2.5 py-2 text-left text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 aria-[current=page]:font-medium aria-[current=page]:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50 dark:aria-[current=page]:text-white";
