"use client";

import type * as Validators from "@tesseract/validators";
import { useEffect } from "react";
import type { z } from "zod";

/**
 * The API's own input schemas, for checking a form before it is sent. They are zod (tens of KiB
 * compressed), so they load once the page is up rather than with it: no page waits for them to
 * show or to respond, and the API checks every input again anyway.
 */
type Schemas = typeof Validators;

/** The names of the schemas forms use: `"signInInput"`, `"createTaskInput"`… */
export type SchemaName = {
  [K in keyof Schemas]: Schemas[K] extends z.ZodType ? K : never;
}[keyof Schemas];

export type SchemaOutput<K extends SchemaName> = z.output<Schemas[K]>;

let loaded: Schemas | undefined;
let loading: Promise<Schemas> | undefined;

function loadSchemas(): Promise<Schemas> {
  loading ??= import("@tesseract/validators").then((module) => (loaded = module));
  return loading;
}

/**
 * Loads the schemas, when the browser is next idle, once the person presses a pointer or a key
 * on the page, so a form has them by the time it is sent. Not before: building every schema is
 * one task of tens of milliseconds (several times that on a phone), and run while a page loads
 * it would hold up whatever the person does first. Not on focus either: a page that moves focus
 * itself (a dialog opening) is not the person typing, and a field is reached by a key or a
 * pointer anyway. (Not `navigator.userActivation`, which browser automation sets by itself.)
 */
export function usePreloadSchemas(): void {
  useEffect(() => {
    const listening = new AbortController();
    let idle = 0;
    const preload = () => {
      listening.abort();
      idle = requestIdleCallback(() => void loadSchemas());
    };
    for (const type of ["pointerdown", "keydown"])
      addEventListener(type, preload, { capture: true, signal: listening.signal });
    return () => {
      listening.abort();
      cancelIdleCallback(idle);
    };
  }, []);
}

/** One schema, loading them all first if they have not arrived yet. */
export async function getSchema(name: SchemaName): Promise<z.ZodType> {
  const schemas = await loadSchemas();
  return schemas[name];
}

/**
 * One schema if they have arrived, for checks that must answer at once (an edit in place);
 * without them the value goes to the API as it is, which checks it and says what is wrong.
 */
export function loadedSchema(name: SchemaName): z.ZodType | undefined {
  if (!loaded) void loadSchemas();
  return loaded?.[name];
}
