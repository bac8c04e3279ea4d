import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./downloads.ts";

describe("attachmentDisposition", () => {
  it("keeps a plain name as it is, in both parameters", () => {
    expect(attachmentDisposition("ENG-tasks-2026-11-29.csv")).toBe(
      `attachment; filename="ENG-tasks-2026-11-29.csv"; filename*=UTF-8''ENG-tasks-2026-11-29.csv`,
    );
  });

  it("never lets a name end the header value or add a parameter", () => {
    const value = attachmentDisposition('evil";\r\nX-Injected: 1; filename=a.html');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toBe(
      `attachment; filename="evil____X-Injected_ 1_ filename_a.html"; filename*=UTF-8''evil%22%3B%0D%0AX-Injected%3A%201%3B%20filename%3Da.html`,
    );
  });

  it("carries a non-ASCII name percent-encoded as UTF-8", () => {
    expect(attachmentDisposition("Überblick (1).json")).toBe(
      `attachment; filename="_berblick _1_.json"; filename*=UTF-8''%C3%9Cberblick%20%281%29.json`,
    );
  });
});
