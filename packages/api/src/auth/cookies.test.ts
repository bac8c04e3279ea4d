import { describe, expect, it } from "vitest";
import { readCookie } from "./cookies.ts";

/** The reading readCookie keeps: split on `;`, name before the first `=`, value decoded. */
function reference(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const HEADERS = [
  undefined,
  "",
  "sid=abc",
  " sid = abc ; other=1",
  "other=1; sid=a%20b",
  "other=1;sid=a%ZZ;sid=second",
  "=sid; sid=x",
  "sidx=1; xsid=2; sid=3",
  "sid",
  "sid=",
  "sid=a=b; sid=c",
  "a=1;;;sid=v;",
  "a=1; b; sid=%E2%9C%93",
  "x=;sid=last",
  "a=b=c;sid",
];

describe("readCookie", () => {
  it("reads a cookie as splitting the header would", () => {
    for (const header of HEADERS) {
      for (const name of ["sid", "other", "a", "b", "x"])
        expect(readCookie(header, name), `${name} in ${header}`).toBe(reference(header, name));
    }
  });

  it("reads random headers as splitting them would", () => {
    const pieces = ["sid", "a", "=", ";", " ", "%", "%41", "%E2%9C%93", "v", "sid="];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 2_000; i++) {
      let header = "";
      for (let n = next() % 12; n > 0; n--) header += pieces[next() % pieces.length]!;
      expect(readCookie(header, "sid"), header).toBe(reference(header, "sid"));
    }
  });
});
