import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { SaveForm } from "./save-form.tsx";

// SaveForm refreshes the page once saved; outside Next there is no router to render with.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const form = {
  errors: { fields: {}, form: null, code: null },
  submitForm: () => () => undefined,
  reset: () => undefined,
};
const idle = {
  mutate: () => undefined,
  reset: () => undefined,
  isPending: false,
  isSuccess: false,
};

describe("SaveForm", () => {
  const render = (mutation: typeof idle) =>
    renderToStaticMarkup(
      createElement(SaveForm, {
        form,
        schema: "updateProfileInput",
        mutation,
        submitLabel: "Save profile",
        children: createElement("input", { name: "name" }),
      }),
    );

  it("says Saved. above the fields once saved", () => {
    const html = render({ ...idle, isSuccess: true });
    expect(html).toMatch(
      /<form[^>]*><div role="status"[^>]*><div class="">Saved\.<\/div><\/div><input/,
    );
    expect(html).toMatch(/>Save profile<\/button><\/form>$/);
  });

  it("says Saving… while it saves, and nothing before", () => {
    expect(render({ ...idle, isPending: true })).toMatch(/Saving…<\/button><\/form>$/);
    expect(render(idle)).not.toContain("Saved.");
  });
});
