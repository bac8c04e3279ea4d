import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { nodeVersionProblem, stripsTypes, TYPE_STRIPPING_FROM } from "../src/require-node.js";

const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as {
    engines?: { node?: string };
    scripts?: Record<string, string>;
  };
const root = readJson("../../../package.json");
const server = readJson("../package.json");
const nvmrc = readFileSync(new URL("../../../.nvmrc", import.meta.url), "utf8").trim();

describe("supported Node versions", () => {
  const engines = root.engines?.node ?? "";

  it("engines names a range this Node satisfies, as does .nvmrc", () => {
    expect(semver.validRange(engines)).not.toBeNull();
    expect(semver.satisfies(process.versions.node, engines)).toBe(true);
    expect(semver.satisfies(`${nvmrc}.0.0`, engines)).toBe(true);
    expect(server.engines?.node).toBe(engines);
  });

  it("engines admits exactly the releases that run .ts files by type stripping", () => {
    const versions = [
      "20.19.0",
      "22.12.0",
      "22.17.1",
      "22.18.0",
      "23.5.0",
      "23.6.0",
      "24.0.0",
      "25.2.1",
    ];
    for (const version of versions) {
      expect(semver.satisfies(version, engines), version).toBe(stripsTypes(version));
    }
    for (const first of TYPE_STRIPPING_FROM) {
      const before = semver.parse(first)!;
      expect(semver.satisfies(first, engines), first).toBe(true);
      expect(semver.satisfies(`${before.major}.${before.minor - 1}.99`, engines), first).toBe(
        false,
      );
    }
  });

  it("says which Node to install instead of failing on a .ts extension", () => {
    expect(nodeVersionProblem("22.12.0")).toMatch(
      /needs Node 24 \(or 22\.18 or later\).*Node 22\.12\.0/,
    );
    expect(nodeVersionProblem(process.versions.node)).toBeUndefined();
  });

  it("runs the check before loading any TypeScript in dev and start", () => {
    for (const script of ["dev", "start"]) {
      expect(server.scripts?.[script], script).toMatch(
        /node --import \.\/src\/require-node\.js .*src\/main\.ts/,
      );
    }
  });
});
