import type { ReactNode } from "react";
import { describeApiError } from "~/lib/api-error.ts";
import { Button } from "./button.tsx";

export interface RowAction {
  /** What the button says: "Revoke". */
  label: string;
  /**
   * What it acts on, said after the label to screen readers only, so every row's button has a
   * name of its own: "Revoke deploy".
   */
  subject: string;
  pending: boolean;
  onClick: () => void;
}

/**
 * A row of a list on a settings page (a session, a token, an invitation) with one action beside
 * its text; the action's failure is said under the text.
 */
export function ActionRow({
  testId,
  textClassName = "min-w-0",
  error,
  action,
  children,
}: {
  testId: string;
  /** Classes for the text beside the action: it may shrink (`min-w-0`) unless told otherwise. */
  textClassName?: string;
  /** The action's error, or null while it has none. */
  error: unknown;
  /** Null where the row offers nothing (the current session, a revoked token). */
  action: RowAction | null;
  children: ReactNode;
}) {
  return (
    <li
      data-testid={testId}
      className="flex flex-col gap-2 px-3 py-2.5 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className={textClassName}>
        {children}
        {error ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {describeApiError(error).message}
          </p>
        ) : null}
      </div>
      {action ? (
        <Button
          size="sm"
          variant="ghost"
          className="-ml-2.5 self-start sm:ml-0 sm:self-auto"
          pending={action.pending}
          onClick={action.onClick}
        >
          {action.label}
          <span className="sr-only"> {action.subject}</span>
        </Button>
      ) : null}
    </li>
  );
}
