import type { ReactNode } from "react";
import { useId } from "react";

/** How inputs and selects look, without their width. */
export const controlClasses =
  "rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 disabled:bg-zinc-50 disabled:text-zinc-500 aria-[invalid=true]:border-rose-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:disabled:bg-zinc-900 dark:aria-[invalid=true]:border-rose-400";

export const inputClasses = `block w-full ${controlClasses}`;

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-rose-700 dark:text-rose-300">
      {children}
    </p>
  );
}

/** What a control needs to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldProps {
  id?: string | undefined;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  /** Keeps the label for screen readers only (when a heading already names the field). */
  hideLabel?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A label, a control, and a hint and error that are announced with the control. */
export function Field({
  id,
  label,
  hint,
  error,
  className = "",
  hideLabel = false,
  children,
}: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={controlId} className={hideLabel ? "sr-only" : "block text-sm font-medium"}>
        {label}
      </label>
      {children({
        id: controlId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
