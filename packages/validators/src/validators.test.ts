import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { TASK_KEY_PATTERN } from "./constants.ts";
import {
  createCommentInput,
  createLabelInput,
  createOrgInput,
  createTaskInput,
  createTokenInput,
  emailSchema,
  getTaskInput,
  isStorableText,
  NUL_MESSAGE,
  roleSchema,
  searchTasksInput,
  signUpInput,
  SURROGATE_MESSAGE,
} from "./index.ts";

const ORG = "7f1c4c8e-7a4e-4b8e-9f0a-2b1f5a1c9d00";

describe("validators", () => {
  it("normalises email addresses", () => {
    expect(emailSchema.parse("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(emailSchema.safeParse("not-an-email").error?.issues[0]?.message).toBe(
      "Enter a valid email address",
    );
  });

  it("explains each bad field of a sign-up", () => {
    const result = signUpInput.safeParse({ email: "x", password: "short", name: "" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path.join("."));
    expect(fields?.sort()).toEqual(["email", "name", "password"]);
  });

  it("knows the roles and bounds token lifetimes", () => {
    expect(roleSchema.options).toEqual(["owner", "admin", "member", "viewer"]);
    const base = { orgId: "7f1c4c8e-7a4e-4b8e-9f0a-2b1f5a1c9d00", name: "ci", role: "member" };
    expect(createTokenInput.safeParse({ ...base, expiresInDays: 400 }).success).toBe(false);
    expect(createTokenInput.safeParse({ ...base, expiresInDays: null }).success).toBe(true);
  });
});

describe("text fields", () => {
  const storedAnywhere = [
    ["a task title", createTaskInput, { orgId: ORG, projectId: ORG, title: "x" }, "title"],
    ["a comment", createCommentInput, { orgId: ORG, taskId: ORG, body: "x" }, "body"],
    ["a name", signUpInput, { email: "a@b.co", password: "long enough pw", name: "x" }, "name"],
    ["an organization name", createOrgInput, { name: "xx" }, "name"],
    ["a search", searchTasksInput, { orgId: ORG, query: "xx" }, "query"],
  ] as const;

  for (const [what, schema, valid, field] of storedAnywhere) {
    it(`refuses NUL and lone surrogates in ${what}, with a clear message`, () => {
      expect(schema.safeParse(valid).success).toBe(true);
      const nul = schema.safeParse({ ...valid, [field]: "ab\u0000cd" });
      expect(nul.error?.issues.map((i) => i.message)).toContain(NUL_MESSAGE);
      const lone = schema.safeParse({ ...valid, [field]: "ab\udfff\ud800cd" });
      expect(lone.error?.issues.map((i) => i.message)).toContain(SURROGATE_MESSAGE);
      expect(schema.safeParse({ ...valid, [field]: "ab 😀 cd" }).success).toBe(true);
    });
  }

  it("refuses them inside label names too", () => {
    expect(createLabelInput.safeParse({ orgId: ORG, name: "ok\u0000" }).success).toBe(false);
    expect(createLabelInput.safeParse({ orgId: ORG, name: "\ud800" }).success).toBe(false);
    expect(createLabelInput.safeParse({ orgId: ORG, name: "ok" }).success).toBe(true);
  });

  it("takes a task's labels by id", () => {
    const base = { orgId: ORG, projectId: ORG, title: "x" };
    expect(createTaskInput.safeParse({ ...base, labelIds: ["bug"] }).success).toBe(false);
    expect(createTaskInput.parse({ ...base, labelIds: [ORG, ORG] }).labelIds).toEqual([ORG]);
  });

  it("tells storable text apart", () => {
    expect(isStorableText("plain 😀")).toBe(true);
    expect(isStorableText("\ud83d")).toBe(false);
    expect(isStorableText("\u0000")).toBe(false);
  });
});

describe("@tesseract/validators/constants", () => {
  it("and /permissions and /wire load no schemas, so a browser bundle takes them without zod", async () => {
    // Every module they load at run time (type-only imports load nothing), followed through.
    const loaded = new Set<string>();
    const follow = async (file: string): Promise<void> => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const text = await readFile(new URL(`./${file}`, import.meta.url), "utf8");
      const sources = text.matchAll(
        /^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\s+from\s+)?"([^"]+)"/gm,
      );
      for (const [, source] of sources) {
        expect(source, `${file} loads ${source}`).toMatch(/^\.\/[\w-]+\.ts$/);
        await follow(source!.slice(2));
      }
    };
    for (const entry of ["constants.ts", "permissions.ts", "wire.ts"]) await follow(entry);
    expect([...loaded].sort()).toEqual(["constants.ts", "permissions.ts", "wire.ts"]);
  });

  it("holds the key patterns the schemas check", () => {
    expect(TASK_KEY_PATTERN.exec("ENG-42")?.slice(1)).toEqual(["ENG", "42"]);
    expect(getTaskInput.parse({ orgId: ORG, ref: "eng-42" }).ref).toBe("ENG-42");
    for (const ref of ["E-1", "ENG-", "ENG-1234567890", "1NG-1"]) {
      expect(TASK_KEY_PATTERN.test(ref)).toBe(false);
      expect(getTaskInput.safeParse({ orgId: ORG, ref }).success).toBe(false);
    }
  });
});
