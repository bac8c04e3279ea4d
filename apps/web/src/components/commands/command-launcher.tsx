"use client";

import type { ComponentType } from "react";
import { useEffect, useState } from "react";
import { isTypingTarget } from "~/components/use-shortcut.ts";

type Palette = ComponentType<{ onClose: () => void; onShowShortcuts: () => void }>;
type Shortcuts = ComponentType<{ onClose: () => void }>;

type Open = "palette" | "shortcuts" | null;

/**
 * Ctrl+K (⌘K on a Mac) opens the command palette anywhere in the signed-in app, even while
 * typing; `?` lists the shortcuts, unless typing or another dialog is open.
 */
export function CommandLauncher() {
  const [open, setOpen] = useState<Open>(null);
  // Neither is in any page's first load: cmdk and the lists load on the first Ctrl+K or ?.
  const [Palette, setPalette] = useState<Palette | null>(null);
  const [Shortcuts, setShortcuts] = useState<Shortcuts | null>(null);
  useEffect(() => {
    if (open === "palette" && !Palette)
      void import("./command-palette.tsx").then((module) => {
        setPalette(() => module.CommandPalette);
      });
    if (open === "shortcuts" && !Shortcuts)
      void import("./shortcuts-dialog.tsx").then((module) => {
        setShortcuts(() => module.ShortcutsDialog);
      });
  }, [open, Palette, Shortcuts]);
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
      {open === "palette" && Palette ? (
        <Palette
          onClose={close}
          onShowShortcuts={() => {
            setOpen("shortcuts");
          }}
        />
      ) : null}
      {open === "shortcuts" && Shortcuts ? <Shortcuts onClose={close} /> : null}
    </>
  );
}
