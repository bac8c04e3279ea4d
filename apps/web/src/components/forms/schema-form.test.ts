import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SchemaForm } from "./schema-form.tsx";
import type { FormErrors } from "./use-form-errors.ts";

const formState = (errors: FormErrors) => ({ errors, submitForm: () => () => undefined });

describe("SchemaForm", () => {
  it("leaves checking to the schema and puts the API's answer to the form above its fields", () => {
    const html = renderToStaticMarkup(
      createElement(
        SchemaForm,
        {
          form: formState({ fields: {}, form: "Wrong email or password.", code: "UNAUTHORIZED" }),
          schema: "signInInput",
          onValid: () => undefined,
        },
        createElement("input", { name: "email" }),
      ),
    );
    expect(html).toMatch(
      /^<form noValidate="" class="space-y-4" method="post"><div role="alert" data-testid="form-error"[^>]*><div class="">Wrong email or password\.<\/div><\/div><input name="email"\/><\/form>$/,
    );
  });

  it("posts its fields, so a submit before hydration never puts them in the URL", () => {
    const html = renderToStaticMarkup(
      createElement(
        SchemaForm,
        {
          form: formState({ fields: {}, form: null, code: "BAD_REQUEST" }),
          schema: "signInInput",
          onValid: () => undefined,
        },
        createElement("input", { name: "password", type: "password" }),
      ),
    );
    expect(html).toMatch(/^<form [^>]*method="post"/);
  });

  it("shows no alert while the form has no error of its own", () => {
    const html = renderToStaticMarkup(
      createElement(SchemaForm, {
        form: formState({
          fields: { email: "Enter your email." },
          form: null,
          code: "BAD_REQUEST",
        }),
        schema: "signInInput",
        onValid: () => undefined,
        className: "grid",
      }),
    );
    expect(html).toBe('<form noValidate="" class="grid" method="post"></form>');
  });
});
