import type { InputHTMLAttributes, ReactNode } from "react";
import { Field, inputClasses } from "./field.tsx";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled input whose hint and error are announced with it. */
export function TextField({
  name,
  label,
  hint,
  error,
  id,
  className = "",
  ...props
}: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} name={name} className={inputClasses} {...props} />}
    </Field>
  );
}
