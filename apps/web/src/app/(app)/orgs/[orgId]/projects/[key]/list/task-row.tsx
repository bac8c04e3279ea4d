import type { Route } from "next";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { LabelChip, PriorityBadge, StatusBadge } from "~/components/tasks/task-badges.tsx";
import type { TaskItem } from "~/components/tasks/types.ts";
import { formatDueDate, isOverdue, priorityLabels } from "~/lib/tasks.ts";
import { IntentLink } from "~/components/intent-link.tsx";
import { useHydrated } from "~/lib/use-hydrated.ts";

const cell = "px-3 py-2.5 align-top";

export function TaskRow({
  orgId,
  task,
  today,
  dateColumn,
  selection,
  onDelete,
}: {
  orgId: string;
  task: TaskItem;
  today: string;
  dateColumn: "created" | "updated";
  /** Present when the row can be selected for a bulk action. */
  selection?: { isSelected: boolean; onToggle: (withRange: boolean) => void } | undefined;
  /** Present when the task can be deleted (an undo follows). */
  onDelete?: ((task: TaskItem) => void) | undefined;
}) {
  const hydrated = useHydrated();
  const overdue = isOverdue(task.dueDate, task.status, today);
  return (
    <tr
      data-testid={`row-${task.key}`}
      aria-selected={selection ? selection.isSelected : undefined}
      className={`hover:bg-zinc-50 dark:hover:bg-zinc-900/60 ${selection?.isSelected ? "bg-sky-50 dark:bg-sky-950/40" : ""}`}
    >
      {selection ? (
        <td className={cell}>
          <input
            type="checkbox"
            aria-label={`Select ${task.key}`}
            checked={selection.isSelected}
            // Disabled in the server's HTML: a box ticked before hydration would select nothing.
            disabled={!hydrated}
            // onClick, not onChange: the shift key (select a range) is only on the mouse event.
            onClick={(event) => {
              selection.onToggle(event.shiftKey);
            }}
            onChange={() => undefined}
            className="size-4 rounded border-zinc-300 dark:border-zinc-700"
          />
        </td>
      ) : null}
      <td
        className={`${cell} font-mono text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400`}
      >
        {task.key}
      </td>
      <td className={`${cell} min-w-0`}>
        <IntentLink
          href={`/orgs/${orgId}/tasks/${task.key}` as Route}
          className="font-medium break-words text-zinc-900 hover:underline hover:underline-offset-2 dark:text-zinc-100"
        >
          {task.title}
        </IntentLink>
        {/* On a narrow screen the hidden columns' facts follow the title. */}
        <p className="mt-0.5 text-xs text-zinc-500 md:hidden dark:text-zinc-400">
          {task.statusName}
          {task.priority !== "none" ? ` · ${priorityLabels[task.priority]}` : ""}
          {task.assigneeName ? ` · ${task.assigneeName}` : ""}
        </p>
        {task.labels.length > 0 ? (
          <div className="mt-1 flex flex-wrap gap-1">
            {task.labels.map((label) => (
              <LabelChip key={label.id} label={label} />
            ))}
          </div>
        ) : null}
      </td>
      <td className={`${cell} hidden md:table-cell`}>
        <StatusBadge status={task.status} name={task.statusName} />
      </td>
      <td className={`${cell} hidden md:table-cell`}>
        {task.priority === "none" ? (
          <span className="text-zinc-500 dark:text-zinc-400">—</span>
        ) : (
          <PriorityBadge priority={task.priority} />
        )}
      </td>
      <td className={`${cell} hidden text-zinc-700 lg:table-cell dark:text-zinc-300`}>
        {task.assigneeName ?? <span className="text-zinc-500 dark:text-zinc-400">Unassigned</span>}
      </td>
      <td
        className={`${cell} hidden whitespace-nowrap tabular-nums sm:table-cell ${
          overdue
            ? "font-medium text-rose-700 dark:text-rose-300"
            : "text-zinc-700 dark:text-zinc-300"
        }`}
      >
        {task.dueDate ? (
          formatDueDate(task.dueDate)
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">—</span>
        )}
      </td>
      <td
        className={`${cell} hidden whitespace-nowrap text-zinc-500 xl:table-cell dark:text-zinc-400`}
      >
        <LocalTime date={dateColumn === "created" ? task.createdAt : task.updatedAt} dateOnly />
      </td>
      {onDelete ? (
        <td className={`${cell} text-right`}>
          <button
            type="button"
            aria-label={`Delete ${task.key}`}
            title="Delete (it can be undone)"
            onClick={() => {
              onDelete(task);
            }}
            className="rounded-md p-1 text-zinc-500 hover:bg-rose-50 hover:text-rose-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:bg-rose-500/10 dark:hover:text-rose-300"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
              <path
                fillRule="evenodd"
                d="M8.75 1A2.75 2.75 0 0 0 6 3.75v.443c-.795.077-1.584.176-2.365.298a.75.75 0 1 0 .23 1.482l.149-.022.841 10.518A2.75 2.75 0 0 0 7.596 19h4.807a2.75 2.75 0 0 0 2.742-2.53l.841-10.52.149.023a.75.75 0 0 0 .23-1.482A41.03 41.03 0 0 0 14 4.193V3.75A2.75 2.75 0 0 0 11.25 1h-2.5ZM10 4c.84 0 1.673.025 2.5.075V3.75c0-.69-.56-1.25-1.25-1.25h-2.5c-.69 0-1.25.56-1.25 1.25v.325C8.327 4.025 9.16 4 10 4ZM8.58 7.72a.75.75 0 0 0-1.5.06l.3 7.5a.75.75 0 1 0 1.5-.06l-.3-7.5Zm4.34.06a.75.75 0 1 0-1.5-.06l-.3 7.5a.75.75 0 1 0 1.5.06l.3-7.5Z"
                clipRule="evenodd"
              />
            </svg>
          </button>
        </td>
      ) : null}
    </tr>
  );
}
