import { MENTION_PATTERN } from "@tesseract/validators/constants";
import { describe, expect, it } from "vitest";
import { insertMention, matchMembers, mentionQueryAt } from "./mentions.ts";

const members = [
  { userId: "1", name: "Ada Lovelace", email: "ada@example.com" },
  { userId: "2", name: "Grace Hopper", email: "grace@example.com" },
  { userId: "3", name: "Alan Turing", email: "alan@example.com" },
];

describe("mention autocomplete", () => {
  it("finds the @word before the caret, not an address inside a word", () => {
    expect(mentionQueryAt("Hi @ad", 6)).toEqual({ start: 3, query: "ad" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("(@gr", 4)).toEqual({ start: 1, query: "gr" });
    expect(mentionQueryAt("mail ada@example.com", 20)).toBeNull();
    expect(mentionQueryAt("Hi @ada done", 12)).toBeNull();
  });

  it("matches names and addresses, names starting with the query first", () => {
    expect(matchMembers(members, "a").map((m) => m.userId)).toEqual(["1", "3", "2"]);
    expect(matchMembers(members, "grace@").map((m) => m.userId)).toEqual(["2"]);
    expect(matchMembers(members, "zz")).toEqual([]);
  });

  it("inserts a mention the API resolves", () => {
    const { text, caret } = insertMention("Hi @ad, see", 3, 6, "ada@example.com");
    expect(text).toBe("Hi @ada@example.com , see");
    expect(caret).toBe(20);
    expect([...text.matchAll(MENTION_PATTERN)].map((m) => m[1])).toEqual(["ada@example.com"]);
  });
});
