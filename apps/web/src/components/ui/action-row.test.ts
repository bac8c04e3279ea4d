import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@tesseract/api";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActionRow } from "./action-row.tsx";

const revoke = { label: "Revoke", subject: "deploy", pending: false, onClick: () => undefined };
const render = (props: Partial<Parameters<typeof ActionRow>[0]>) =>
  renderToStaticMarkup(
    createElement(ActionRow, {
      testId: "token-deploy",
      error: null,
      action: revoke,
      children: createElement("p", null, "deploy"),
      ...props,
    }),
  );

describe("ActionRow", () => {
  it("names its action after the row, for screen readers", () => {
    const html = render({});
    expect(html).toMatch(
      /^<li data-testid="token-deploy" class="[^"]*"><div class="min-w-0"><p>deploy<\/p><\/div><button/,
    );
    expect(html).toMatch(/>Revoke<span class="sr-only"> deploy<\/span><\/button><\/li>$/);
  });

  it("is busy while the action runs", () => {
    expect(render({ action: { ...revoke, pending: true } })).toMatch(
      /<button type="button" disabled="" aria-busy="true"/,
    );
  });

  it("says why the action failed, under the row's text", () => {
    const error = TRPCClientError.from<AppRouter>({
      error: {
        message: "You cannot revoke this token.",
        code: -32603,
        data: { code: "FORBIDDEN", httpStatus: 403 },
      },
    });
    const html = render({ error, textClassName: "min-w-0 space-y-0.5" });
    expect(html).toContain(
      '<div class="min-w-0 space-y-0.5"><p>deploy</p><p role="alert" class="text-sm text-rose-700 dark:text-rose-300">You cannot revoke this token.</p></div>',
    );
  });

  it("offers no button where the row has no action", () => {
    expect(render({ action: null })).not.toContain("<button");
  });
});
