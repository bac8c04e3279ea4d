import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The shape every feature keeps (README, "Architecture"): routers parse, check and make one
// domain call; domain functions hold the queries, take the executor first and never the request.

const QUERY =
  /\b(selectFrom|insertInto|updateTable|deleteFrom|selectAll|replaceInto|mergeInto)\(|\bsql`/g;
const OPENS_TRANSACTION = /\.(transaction|startTransaction|connection)\(\)/g;
const REQUEST = /from "\.\.\/(context|trpc)\.ts"|enforceRateLimits|services\.mailer/g;

function sources(folder: string, keep: (name: string) => boolean): [string, string][] {
  const dir = new URL(`./${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && keep(name))
    .map((name) => [`${folder}/${name}`, readFileSync(new URL(name, dir), "utf8")]);
}

/** Each file's matches of `pattern`, for files that have any. */
function offenders(files: [string, string][], pattern: RegExp): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [file, text] of files) {
    const matches = [...text.matchAll(pattern)].map((m) => m[0]);
    if (matches.length > 0) found[file] = matches;
  }
  return found;
}

const routers = sources("router", (name) => !name.endsWith("-fixture.ts"));
const domain = sources("domain", () => true);

describe("architecture", () => {
  it("finds a query, an opened transaction and a request dependency where they are written", () => {
    const sample: [string, string][] = [
      [
        "sample.ts",
        'await db.selectFrom("users").execute(); db.transaction(); from "../context.ts"',
      ],
    ];
    expect(offenders(sample, QUERY)).toEqual({ "sample.ts": ["selectFrom("] });
    expect(offenders(sample, OPENS_TRANSACTION)).toEqual({ "sample.ts": [".transaction()"] });
    expect(offenders(sample, REQUEST)).toEqual({ "sample.ts": ['from "../context.ts"'] });
  });

  it("keeps every query out of the routers", () => {
    expect(routers.length).toBeGreaterThan(5);
    expect(offenders(routers, QUERY)).toEqual({});
  });

  it("lets only procedures open transactions: domain functions run in the one they are given", () => {
    expect(domain.length).toBeGreaterThan(5);
    expect(offenders(domain, OPENS_TRANSACTION)).toEqual({});
  });

  it("opens a procedure's transaction through runTransaction or transact, which rerun it on a deadlock", () => {
    // A raw db.transaction() would answer a deadlock or serialization failure with 409 at once
    // instead of running the work again (transact.ts).
    expect(offenders(routers, OPENS_TRANSACTION)).toEqual({});
  });

  it("keeps the request out of the domain: no Context, rate limits or mailer", () => {
    expect(offenders(domain, REQUEST)).toEqual({});
  });
});
