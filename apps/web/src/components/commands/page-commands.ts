"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";

/**
 * What the current page offers the command palette and the shortcuts list: "New task (C)" on a
 * board, "Delete task" on a task page. A command without `run` is a shortcut the page handles
 * itself (the board's arrow keys): listed under `?`, not offered in the palette.
 */
export interface PageCommand {
  id: string;
  label: string;
  /** Keys as shown to people, one entry per key pressed together ("Shift", "↑"). */
  shortcut?: readonly string[];
  run?: () => void;
}

// A module store, not a context: the palette is mounted once, above pages that come and go.
let commands: readonly PageCommand[] = [];
const listeners = new Set<() => void>();

function publish(next: readonly PageCommand[]) {
  commands = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The commands every mounted page part has registered, in mount order. */
export function usePageCommands(): readonly PageCommand[] {
  return useSyncExternalStore(
    subscribe,
    () => commands,
    () => commands,
  );
}

/**
 * Registers a page's commands while the calling component is mounted. Labels and shortcuts are
 * read when `key` changes (pass what they depend on); `run` always calls the latest closure.
 */
export function usePageCommand(command: PageCommand | null): void {
  const latest = useRef(command);
  useEffect(() => {
    latest.current = command;
  });
  const key = command
    ? `${command.id}\u0000${command.label}\u0000${command.shortcut?.join("+") ?? ""}\u0000${command.run ? 1 : 0}`
    : null;
  useEffect(() => {
    const current = latest.current;
    if (!key || !current) return;
    const entry: PageCommand = {
      ...current,
      run: current.run && (() => latest.current?.run?.()),
    };
    publish([...commands, entry]);
    return () => {
      publish(commands.filter((other) => other !== entry));
    };
  }, [key]);
}
