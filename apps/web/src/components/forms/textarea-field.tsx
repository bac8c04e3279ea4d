import type { ReactNode, TextareaHTMLAttributes } from "react";
import { useId } from "react";
import { FieldError, inputClasses } from "./text-field.tsx";

export interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Keeps the label for screen readers only (when a heading already names the field). */
  hideLabel?: boolean;
}

export function TextareaField({
  name,
  label,
  hint,
  error,
  id,
  className = "",
  hideLabel = false,
  rows = 4,
  ...props
}: TextareaFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={fieldId} className={hideLabel ? "sr-only" : "block text-sm font-medium"}>
        {label}
      </label>
      <textarea
        id={fieldId}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`${inputClasses} resize-y leading-relaxed`}
        {...props}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
