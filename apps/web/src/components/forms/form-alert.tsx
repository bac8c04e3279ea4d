import { Alert } from "~/components/ui/alert.tsx";
import type { FormErrors } from "./use-form-errors.ts";

/** The API's answer to a whole form (wrong password, no permission, too many attempts…). */
export function FormAlert({ errors }: { errors: FormErrors }) {
  if (!errors.form) return null;
  return (
    <Alert tone="error" testId="form-error">
      {errors.form}
    </Alert>
  );
}
