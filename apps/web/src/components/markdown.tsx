import { createContext, useContext, useMemo, type ComponentProps } from "react";
import ReactMarkdown from "react-markdown";
import type { Components, ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";
import { useHydrated } from "~/lib/use-hydrated.ts";

/** The list item a task-list box sits in: where it starts in the source, and what it says. */
interface TaskItem {
  offset: number | undefined;
  label: string;
}
const TaskItemContext = createContext<TaskItem | null>(null);

/** Ticks or clears the box of the task-list item starting at `offset` in the markdown. */
type ToggleTask = (offset: number) => void;
const ToggleContext = createContext<ToggleTask | undefined>(undefined);

/** An item's own text, without its sub-lists: the name of its box. */
function ownText(node: {
  type: string;
  value?: string;
  tagName?: string;
  children?: unknown[];
}): string {
  if (node.type === "text") return node.value ?? "";
  if (node.tagName === "ul" || node.tagName === "ol") return "";
  return ((node.children ?? []) as (typeof node)[]).map(ownText).join("");
}

function TaskListItem({ node, children, ...props }: ComponentProps<"li"> & ExtraProps) {
  const item = useMemo(
    () => ({
      offset: node?.position?.start.offset,
      label: node ? ownText(node).trim().slice(0, 120) || "Task" : "Task",
    }),
    [node],
  );
  return (
    <li {...props}>
      <TaskItemContext value={item}>{children}</TaskItemContext>
    </li>
  );
}

function TaskBox({ node: _, ...props }: ComponentProps<"input"> & ExtraProps) {
  const item = useContext(TaskItemContext);
  const toggle = useContext(ToggleContext);
  const hydrated = useHydrated();
  if (props.type !== "checkbox") return <input {...props} />;
  const offset = item?.offset;
  const canToggle = toggle !== undefined && offset !== undefined;
  // Disabled in the server's HTML too: a box ticked before the page hydrates would show a change
  // that was never saved.
  const enabled = canToggle && hydrated;
  return (
    <input
      type="checkbox"
      aria-label={item?.label ?? "Task"}
      checked={Boolean(props.checked)}
      disabled={!enabled}
      readOnly={!enabled}
      data-task-offset={canToggle ? offset : undefined}
      onChange={
        enabled
          ? () => {
              toggle(offset);
            }
          : undefined
      }
    />
  );
}

/**
 * Markdown (GitHub-flavoured: tables, task lists, strikethrough, autolinks) as React elements.
 * Raw HTML in the text is not rendered (no rehype-raw), and react-markdown's default URL filter
 * drops `javascript:` and other unsafe link targets.
 */
const components: Components = {
  a: ({ node: _, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
  img: ({ node: _, alt }) => <span>{alt ? `[image: ${alt}]` : "[image]"}</span>,
  // A wide table scrolls on its own (and by keyboard) instead of widening the page.
  table: ({ node: _, ...props }) => (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  ),
  li: TaskListItem,
  input: TaskBox,
};

const remarkPlugins = [remarkGfm];

export function Markdown({
  children,
  className = "",
  onToggleTask,
}: {
  children: string;
  className?: string;
  /** Makes task-list boxes clickable; without it they show their state only. */
  onToggleTask?: ToggleTask;
}) {
  return (
    <div className={`markdown ${className}`}>
      <ToggleContext value={onToggleTask}>
        <ReactMarkdown remarkPlugins={remarkPlugins} components={components}>
          {children}
        </ReactMarkdown>
      </ToggleContext>
    </div>
  );
}
