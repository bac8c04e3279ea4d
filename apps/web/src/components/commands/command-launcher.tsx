"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { isTypingTarget } from "~/components/use-shortcut.ts";

// Neither is on screen until asked for: cmdk and the lists load on the first Ctrl+K or ?.
const CommandPalette = dynamic(
  () => import("./command-palette.tsx").then((module) => module.CommandPalette),
  { ssr: false },
);
const ShortcutsDialog = dynamic(
  () => import("./shortcuts-dialog.tsx").then((module) => module.ShortcutsDialog),
  { ssr: false },
);

type Open = "palette" | "shortcuts" | null;

/**
 * Ctrl+K (⌘K on a Mac) opens the command palette anywhere in the signed-in app, even while
 * typing; `?` lists the shortcuts, unless typing or another dialog is open.
 */
export function CommandLauncher() {
  const [open, setOpen] = useState<Open>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const isPaletteKey =
        event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (isPaletteKey) {
        event.preventDefault();
        setOpen((current) => (current === "palette" ? null : "palette"));
        return;
      }
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || document.querySelector("dialog[open]")) return;
      event.preventDefault();
      setOpen("shortcuts");
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  const close = () => {
    setOpen(null);
  };
  return (
    <>
      {open === "palette" ? (
        <CommandPalette
          onClose={close}
          onShowShortcuts={() => {
            setOpen("shortcuts");
          }}
        />
      ) : null}
      {open === "shortcuts" ? <ShortcutsDialog onClose={close} /> : null}
    </>
  );
}
