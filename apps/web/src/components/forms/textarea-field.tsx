import type { ReactNode, TextareaHTMLAttributes } from "react";
import { Field, inputClasses } from "./field.tsx";

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
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      className={className}
      hideLabel={hideLabel}
    >
      {(control) => (
        <textarea
          {...control}
          name={name}
          rows={rows}
          className={`${inputClasses} resize-y leading-relaxed`}
          {...props}
        />
      )}
    </Field>
  );
}
