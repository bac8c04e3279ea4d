"use client";

import { TASK_KEY_PATTERN } from "@tesseract/validators/constants";
import { Command } from "cmdk";
import type { Route } from "next";
import { useParams, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useEffect, useRef, useState } from "react";
import { HighlightedText } from "~/components/highlighted-text.tsx";
import { CreateTaskDialog } from "~/components/tasks/create-task-dialog.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";
import { usePageCommands } from "./page-commands.ts";
import { ShortcutKeys } from "./shortcut-keys.tsx";

const SEARCH_DELAY_MS = 200;

function useDebounced(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delayMs]);
  return settled;
}

/** Whether every word typed appears in the text (case-insensitive). */
function matches(query: string, text: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

interface Project {
  id: string;
  key: string;
  name: string;
}

const itemClasses =
  "flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2 text-sm text-zinc-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900 dark:text-zinc-200 dark:data-[selected=true]:bg-indigo-500/20 dark:data-[selected=true]:text-indigo-100";
const groupClasses =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-zinc-500 dark:[&_[cmdk-group-heading]]:text-zinc-400";

function Item({
  value,
  onSelect,
  children,
  shortcut,
}: {
  value: string;
  onSelect: () => void;
  children: ReactNode;
  shortcut?: readonly string[] | undefined;
}) {
  return (
    <Command.Item value={value} onSelect={onSelect} className={itemClasses}>
      <span className="min-w-0 truncate">{children}</span>
      {shortcut ? <ShortcutKeys keys={shortcut} /> : null}
    </Command.Item>
  );
}

/**
 * The command palette (Ctrl/⌘K): the current page's actions, tasks by key or by words, projects,
 * pages, and creating a task. Loaded on first use (see CommandLauncher). A combobox over a
 * listbox (cmdk); focus returns to where it was when the palette closes.
 */
export function CommandPalette({
  onClose,
  onShowShortcuts,
}: {
  onClose: () => void;
  onShowShortcuts: () => void;
}) {
  const params = useParams<{ orgId?: string; key?: string }>();
  const orgId = params.orgId;
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [choosingProject, setChoosingProject] = useState(false);
  const [creatingIn, setCreatingIn] = useState<Project | null>(null);
  const pageCommands = usePageCommands().filter((command) => command.run);
  const term = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const projects = trpc.project.list.useQuery({ orgId: orgId ?? "" }, { enabled: !!orgId });
  const canSearch = !!orgId && !choosingProject && term.length >= 2;
  const search = trpc.task.search.useQuery(
    { orgId: orgId ?? "", query: term, limit: 8 },
    { enabled: canSearch, retry: false },
  );

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = dialogRef.current;
    dialog?.showModal();
    // showModal focuses the first focusable element, which is cmdk's root, not its input.
    dialog?.querySelector("input")?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const go = (href: string) => {
    onClose();
    router.push(href as Route);
  };
  const run = (action: () => void) => {
    onClose();
    action();
  };

  if (creatingIn && orgId)
    return (
      <CreateTaskDialog
        orgId={orgId}
        projectId={creatingIn.id}
        projectKey={creatingIn.key}
        open
        onClose={onClose}
        onCreated={(key) => {
          go(`/orgs/${orgId}/tasks/${key}`);
        }}
      />
    );

  const trimmed = query.trim();
  const taskKey = TASK_KEY_PATTERN.test(trimmed.toUpperCase()) ? trimmed.toUpperCase() : null;
  const base = orgId ? `/orgs/${orgId}` : null;
  const pages = [
    ...(base
      ? [
          { label: "Projects", href: `${base}/projects` },
          { label: "My Issues", href: `${base}/my-issues` },
          { label: "Inbox", href: `${base}/inbox` },
          { label: "Members", href: `${base}/members` },
          { label: "Activity", href: `${base}/activity` },
          { label: "Organization settings", href: `${base}/settings` },
        ]
      : []),
    { label: "Organizations", href: "/orgs" },
    { label: "Account", href: "/account" },
  ].filter((page) => matches(trimmed, `Go to ${page.label}`));
  const allProjects: Project[] = projects.data ?? [];
  // The current project first: "create a task" most often means here.
  const orderedProjects = [...allProjects].sort(
    (a, b) =>
      Number(b.key === params.key?.toUpperCase()) - Number(a.key === params.key?.toUpperCase()),
  );
  const shownProjects = orderedProjects.filter((p) => matches(trimmed, `${p.name} ${p.key}`));
  const shownCommands = pageCommands.filter((command) => matches(trimmed, command.label));
  const actions = [
    ...(orgId && allProjects.length > 0
      ? [
          {
            id: "create-task",
            label: "Create task…",
            run: () => {
              setChoosingProject(true);
              setQuery("");
            },
          },
        ]
      : []),
    {
      id: "shortcuts",
      label: "Keyboard shortcuts",
      shortcut: ["?"],
      run: () => {
        onShowShortcuts();
      },
    },
  ].filter((action) => matches(trimmed, action.label));
  const isSearching = canSearch && (search.isFetching || term !== query.trim());

  return (
    <dialog
      ref={dialogRef}
      aria-label="Command palette"
      data-testid="command-palette"
      onCancel={(event) => {
        event.preventDefault();
        if (choosingProject) setChoosingProject(false);
        else onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog itself, outside its content) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
      className="mx-auto mt-[12vh] w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <Command label="Command palette" shouldFilter={false} loop>
        <Command.Input
          value={query}
          onValueChange={setQuery}
          placeholder={
            choosingProject
              ? "Create a task in which project?"
              : "Type a command, a project, or a task (ENG-42)…"
          }
          className="w-full border-b border-zinc-200 bg-transparent px-4 py-3 text-base outline-none placeholder:text-zinc-400 dark:border-zinc-800 dark:placeholder:text-zinc-500"
        />
        <Command.List className="max-h-[min(60vh,26rem)] overflow-y-auto p-1.5">
          <Command.Empty className="px-3 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
            {isSearching ? "Searching…" : "Nothing matches."}
          </Command.Empty>
          {choosingProject ? (
            <Command.Group heading="Create a task in" className={groupClasses}>
              {shownProjects.map((project) => (
                <Item
                  key={project.id}
                  value={`create:${project.id}`}
                  onSelect={() => {
                    setCreatingIn(project);
                  }}
                >
                  {project.name}{" "}
                  <span className="text-zinc-500 dark:text-zinc-400">{project.key}</span>
                </Item>
              ))}
            </Command.Group>
          ) : (
            <>
              {taskKey && base ? (
                <Item
                  value={`open:${taskKey}`}
                  onSelect={() => {
                    go(`${base}/tasks/${taskKey}`);
                  }}
                >
                  Open task <span className="font-mono">{taskKey}</span>
                </Item>
              ) : null}
              {shownCommands.length > 0 ? (
                <Command.Group heading="This page" className={groupClasses}>
                  {shownCommands.map((command) => (
                    <Item
                      key={command.id}
                      value={`page:${command.id}`}
                      shortcut={command.shortcut}
                      onSelect={() => {
                        run(command.run!);
                      }}
                    >
                      {command.label}
                    </Item>
                  ))}
                </Command.Group>
              ) : null}
              {canSearch ? (
                <Command.Group heading="Tasks" className={groupClasses}>
                  {isSearching ? (
                    <Command.Loading>
                      <p className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">
                        Searching tasks…
                      </p>
                    </Command.Loading>
                  ) : search.error ? (
                    <p role="alert" className="px-3 py-2 text-sm text-rose-700 dark:text-rose-300">
                      {describeApiError(search.error).message}
                    </p>
                  ) : search.data?.length === 0 ? (
                    <p className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">
                      No tasks match “{term}”.
                    </p>
                  ) : null}
                  {!isSearching
                    ? search.data?.map((hit) => (
                        <Item
                          key={hit.id}
                          value={`task:${hit.id}`}
                          onSelect={() => {
                            go(`${base}/tasks/${hit.key}`);
                          }}
                        >
                          <span className="mr-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">
                            {hit.key}
                          </span>
                          <HighlightedText parts={hit.title} />
                        </Item>
                      ))
                    : null}
                </Command.Group>
              ) : null}
              {shownProjects.length > 0 ? (
                <Command.Group heading="Projects" className={groupClasses}>
                  {shownProjects.map((project) => (
                    <Item
                      key={project.id}
                      value={`project:${project.id}`}
                      onSelect={() => {
                        go(`${base}/projects/${project.key}`);
                      }}
                    >
                      {project.name}{" "}
                      <span className="text-zinc-500 dark:text-zinc-400">{project.key}</span>
                    </Item>
                  ))}
                </Command.Group>
              ) : null}
              {pages.length > 0 ? (
                <Command.Group heading="Go to" className={groupClasses}>
                  {pages.map((page) => (
                    <Item
                      key={page.href}
                      value={`go:${page.href}`}
                      onSelect={() => {
                        go(page.href);
                      }}
                    >
                      {page.label}
                    </Item>
                  ))}
                </Command.Group>
              ) : null}
              {actions.length > 0 ? (
                <Command.Group heading="Actions" className={groupClasses}>
                  {actions.map((action) => (
                    <Item
                      key={action.id}
                      value={`action:${action.id}`}
                      shortcut={"shortcut" in action ? action.shortcut : undefined}
                      onSelect={action.run}
                    >
                      {action.label}
                    </Item>
                  ))}
                </Command.Group>
              ) : null}
            </>
          )}
        </Command.List>
      </Command>
    </dialog>
  );
}
