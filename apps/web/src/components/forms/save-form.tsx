"use client";

import { useRouter } from "next/navigation";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SchemaForm, type SchemaFormProps } from "./schema-form.tsx";
import type { SchemaName, SchemaOutput } from "./schemas.ts";
import type { FormErrorsState } from "./use-form-errors.ts";

/** What saves the form: a tRPC `useMutation` result, whose `onError` shows the API's answer. */
export interface SaveMutation<K extends SchemaName> {
  mutate: (input: SchemaOutput<K>, options: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  isSuccess: boolean;
}

/**
 * A settings form that saves in place. What it saves shows in what the server renders (the
 * header, page titles), so the page renders again once it is saved; the form says "Saved."
 * until the next edit clears that and any error.
 */
export function SaveForm<K extends SchemaName>({
  form,
  mutation,
  submitLabel,
  children,
  ...props
}: Omit<SchemaFormProps<K>, "form" | "onValid" | "onChange"> & {
  form: Pick<FormErrorsState, "errors" | "submitForm" | "reset">;
  mutation: SaveMutation<K>;
  submitLabel: string;
}) {
  const router = useRouter();
  return (
    <SchemaForm
      {...props}
      form={form}
      onValid={(input) => {
        mutation.mutate(input, {
          onSuccess: () => {
            router.refresh();
          },
        });
      }}
      onChange={() => {
        mutation.reset();
        form.reset();
      }}
    >
      {mutation.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
      {children}
      <Button type="submit" pending={mutation.isPending} pendingLabel="Saving…">
        {submitLabel}
      </Button>
    </SchemaForm>
  );
}
