"use client";

import { useCallback, useEffect, useRef, useState, type SubmitEvent } from "react";
import type { z } from "zod";
import type { ApiErrorCode } from "~/lib/api-error.ts";
import { describeApiError } from "~/lib/api-error.ts";
import type { SchemaName, SchemaOutput } from "./schemas.ts";
import { getSchema, usePreloadSchemas } from "./schemas.ts";

export interface FormErrors {
  /** The first problem of each field, from the shared zod schema or the API's answer. */
  fields: Record<string, string>;
  /** A problem with the form as a whole (the API's message). */
  form: string | null;
  code: ApiErrorCode | null;
}

const noErrors: FormErrors = { fields: {}, form: null, code: null };

function firstIssues(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Field and form errors for one form: `validate` runs the same zod schema the API uses before
 * anything is sent (named, since the schemas load after the page: see schemas.ts), and `fail`
 * shows what the API answered (its field errors, or its message).
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  usePreloadSchemas();
  // The check answers after the schemas load, so the first field to fix takes the focus once
  // its errors are on screen (after the render they cause), not on the next frame.
  const focusAfterRender = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    const form = focusAfterRender.current;
    focusAfterRender.current = null;
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const validate = useCallback(
    async <K extends SchemaName>(name: K, values: unknown): Promise<SchemaOutput<K> | null> => {
      const result = (await getSchema(name)).safeParse(values);
      if (result.success) {
        setErrors(noErrors);
        return result.data as SchemaOutput<K>;
      }
      setErrors({ fields: firstIssues(result.error), form: null, code: "BAD_REQUEST" });
      return null;
    },
    [],
  );

  /** Checks `values`, then sends them, or gives the first field to fix the focus. */
  const check = useCallback(
    <K extends SchemaName>(
      name: K,
      values: unknown,
      form: HTMLFormElement | null,
      send: (input: SchemaOutput<K>) => void,
    ) => {
      focusAfterRender.current = form;
      void validate(name, values).then((input) => {
        if (!input) return;
        focusAfterRender.current = null;
        send(input);
      });
    },
    [validate],
  );

  const fail = useCallback((error: unknown) => {
    const { code, message, fieldErrors } = describeApiError(error);
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    setErrors({ fields: fieldErrors, form: hasFieldErrors ? null : message, code });
  }, []);

  const reset = useCallback(() => {
    setErrors(noErrors);
  }, []);

  /**
   * An onSubmit handler: the input `toInput` makes of the form's fields (the fields themselves
   * unless told) is checked with the shared schema and sent, or the first field to fix gets the
   * focus.
   */
  const submitForm = useCallback(
    <K extends SchemaName>(
      name: K,
      send: (input: SchemaOutput<K>) => void,
      toInput: (fields: FormFields) => unknown = (fields) => fields,
    ) =>
      (event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        check(name, toInput(formValues(event.currentTarget)), event.currentTarget, send);
      },
    [check],
  );

  return { errors, validate, check, fail, reset, submitForm };
}

/** One form's errors and checks, as `useFormErrors` gives them. */
export type FormErrorsState = ReturnType<typeof useFormErrors>;

/** A form's text fields by name. */
export type FormFields = Record<string, string>;

/** A form's text fields by name (FormData holds only strings for these forms). */
export function formValues(form: HTMLFormElement): FormFields {
  const values: FormFields = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string") values[name] = value;
  }
  return values;
}
