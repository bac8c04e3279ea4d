"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { insertMention, matchMembers, mentionQueryAt } from "~/lib/mentions.ts";
import { trpc } from "~/trpc/react.tsx";

/**
 * @mention autocomplete for a textarea: typing `@` lists the organization's members (name or
 * address filters them); ↑/↓ choose, Enter or Tab insert `@address`, Escape closes. The
 * textarea keeps focus and points at the active option (aria-activedescendant), so screen
 * readers follow the choice.
 */
export function useMentionAutocomplete({
  orgId,
  value,
  onChange,
  inputId,
}: {
  /** Undefined turns the autocomplete off. */
  orgId: string | undefined;
  value: string;
  onChange: (value: string) => void;
  inputId: string;
}) {
  const listboxId = useId();
  const [trigger, setTrigger] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const members = trpc.member.list.useQuery(
    { orgId: orgId ?? "" },
    { enabled: orgId !== undefined && trigger !== null, staleTime: 60_000 },
  );
  const suggestions = trigger && members.data ? matchMembers(members.data, trigger.query) : [];
  const isOpen = trigger !== null;
  const current = Math.min(active, Math.max(0, suggestions.length - 1));

  const update = (element: HTMLTextAreaElement) => {
    if (orgId === undefined) return;
    const next = mentionQueryAt(element.value, element.selectionStart);
    setTrigger((previous) => {
      if (next?.query !== previous?.query || next?.start !== previous?.start) setActive(0);
      return next;
    });
  };
  const close = () => {
    setTrigger(null);
  };
  const choose = (index: number) => {
    const member = suggestions[index];
    const element = document.getElementById(inputId);
    if (!member || !trigger || !(element instanceof HTMLTextAreaElement)) return;
    const inserted = insertMention(value, trigger.start, element.selectionStart, member.email);
    onChange(inserted.text);
    setTrigger(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(inserted.caret, inserted.caret);
    });
  };
  /** Handles the key when the list is open; true when it did (the editor then ignores it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!isOpen) return false;
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
      return true;
    }
    if (suggestions.length === 0) return false;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      setActive((current + move + suggestions.length) % suggestions.length);
      return true;
    }
    if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
      event.preventDefault();
      choose(current);
      return true;
    }
    return false;
  };
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  const listbox = isOpen ? (
    <div className="absolute top-full right-0 left-0 z-20 mt-1 overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
      {members.isPending ? (
        <p className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">Loading members…</p>
      ) : members.isError ? (
        <p className="px-3 py-2 text-sm text-rose-700 dark:text-rose-300">
          Members could not be loaded.
        </p>
      ) : suggestions.length === 0 ? (
        <p className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">No member matches.</p>
      ) : null}
      <ul
        id={listboxId}
        role="listbox"
        aria-label="Mention a member"
        className={suggestions.length > 0 ? "py-1" : "hidden"}
      >
        {suggestions.map((member, index) => (
          <li
            key={member.userId}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className="flex cursor-pointer items-baseline gap-2 px-3 py-1.5 text-sm aria-selected:bg-indigo-50 aria-selected:text-indigo-900 dark:aria-selected:bg-indigo-500/20 dark:aria-selected:text-indigo-100"
            // Keeps the focus in the textarea, which a click would take away.
            onMouseDown={(event) => {
              event.preventDefault();
            }}
            onClick={() => {
              choose(index);
            }}
          >
            <span className="font-medium">{member.name}</span>
            <span className="truncate text-xs text-zinc-500 dark:text-zinc-400">
              {member.email}
            </span>
          </li>
        ))}
      </ul>
    </div>
  ) : null;

  return {
    update,
    close,
    onKeyDown,
    listbox,
    inputProps:
      orgId === undefined
        ? {}
        : {
            "aria-autocomplete": "list" as const,
            "aria-controls": isOpen && suggestions.length > 0 ? listboxId : undefined,
            "aria-activedescendant":
              isOpen && suggestions.length > 0 ? optionId(current) : undefined,
          },
  };
}
