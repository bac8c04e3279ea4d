import type { Route } from "next";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { LabelChip, PriorityBadge, StatusBadge } from "~/components/tasks/task-badges.tsx";
import type { TaskItem } from "~/components/tasks/types.ts";
import { formatDueDate, isOverdue, priorityLabels } from "~/lib/tasks.ts";
import { IntentLink } from "~/components/intent-link.tsx";

const cell = "px-3 py-2.5 align-top";

export function TaskRow({
  orgId,
  task,
  today,
  dateColumn,
  selection,
}: {
  orgId: string;
  task: TaskItem;
  today: string;
  dateColumn: "created" | "updated";
  /** Present when the row can be selected for a bulk action. */
  selection?: { isSelected: boolean; onToggle: (withRange: boolean) => void } | undefined;
}) {
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
    </tr>
  );
}
