import type { FormHTMLAttributes, Ref } from "react";
import { FormAlert } from "./form-alert.tsx";
import type { SchemaName, SchemaOutput } from "./schemas.ts";
import type { FormErrorsState, FormFields } from "./use-form-errors.ts";

export interface SchemaFormProps<K extends SchemaName> extends Omit<
  FormHTMLAttributes<HTMLFormElement>,
  "onSubmit" | "noValidate"
> {
  /** The form's errors and checks: what `useFormErrors()` gave. */
  form: Pick<FormErrorsState, "errors" | "submitForm">;
  /** The shared schema the API checks this input with, checked here first. */
  schema: K;
  /** The input made of the form's fields (with an id, a mapped value…); the fields by default. */
  toInput?: (fields: FormFields) => unknown;
  /** Sends the checked input: a mutation's `mutate`. */
  onValid: (input: SchemaOutput<K>) => void;
  ref?: Ref<HTMLFormElement>;
}

/**
 * A form checked with the API's own schema before it is sent, the browser's checks off so every
 * message is the schema's (or the API's): a problem with the whole form shows above the fields,
 * and the first field to fix takes the focus (see useFormErrors).
 *
 * Its method is POST: submitted before the page has hydrated, the browser sends the fields in
 * a body to the page itself (which renders again), never in the URL, where a password would
 * land in history, proxies' access logs and the server's request log.
 */
export function SchemaForm<K extends SchemaName>({
  form,
  schema,
  toInput,
  onValid,
  className = "space-y-4",
  children,
  ...props
}: SchemaFormProps<K>) {
  return (
    <form
      method="post"
      noValidate
      className={className}
      {...props}
      onSubmit={form.submitForm(schema, onValid, toInput)}
    >
      <FormAlert errors={form.errors} />
      {children}
    </form>
  );
}
