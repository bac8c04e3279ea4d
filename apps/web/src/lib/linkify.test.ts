import { describe, expect, it } from "vitest";
import { linkify } from "./linkify.ts";

describe("linkify", () => {
  it("finds http and https links between text", () => {
    expect(linkify("Open:\n\nhttp://localhost:3000/verify-email?token=abc_-1\n\nThanks.")).toEqual([
      { kind: "text", text: "Open:\n\n" },
      { kind: "link", href: "http://localhost:3000/verify-email?token=abc_-1" },
      { kind: "text", text: "\n\nThanks." },
    ]);
  });

  it("leaves trailing punctuation and other schemes as text", () => {
    expect(linkify("See https://a.example/x. Or javascript:alert(1)")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", href: "https://a.example/x" },
      { kind: "text", text: ". Or javascript:alert(1)" },
    ]);
  });

  it("returns plain text untouched", () => {
    expect(linkify("no links")).toEqual([{ kind: "text", text: "no links" }]);
    expect(linkify("")).toEqual([]);
  });
});
