import type { Database, Kysely } from "@tesseract/db";
import { MENTION_PATTERN } from "@tesseract/validators/constants";

/** More mentions than this in one text are not resolved (a list of people, not a message). */
const MAX_MENTIONS = 50;

/** The addresses a text @mentions, lower-cased, each once, at most MAX_MENTIONS. */
export function mentionedEmails(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION_PATTERN)) {
    found.add(match[1]!.toLowerCase());
    if (found.size >= MAX_MENTIONS) break;
  }
  return [...found];
}

/**
 * The members of this organization a text @mentions. An address that belongs to no member —
 * someone of another organization, or nobody — resolves to no one, and says nothing about
 * whether such an account exists.
 */
export async function mentionedMembers(
  db: Kysely<Database>,
  orgId: string,
  text: string,
): Promise<string[]> {
  const emails = mentionedEmails(text);
  if (emails.length === 0) return [];
  const rows = await db
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .select("u.id")
    .where("m.org_id", "=", orgId)
    .where((eb) => eb(eb.fn("lower", ["u.email"]), "in", emails))
    .execute();
  return rows.map((r) => r.id);
}

/** The members `after` mentions that `before` did not (an edit notifies only those). */
export async function newlyMentionedMembers(
  db: Kysely<Database>,
  orgId: string,
  before: string,
  after: string,
): Promise<string[]> {
  const earlier = new Set(await mentionedMembers(db, orgId, before));
  return (await mentionedMembers(db, orgId, after)).filter((id) => !earlier.has(id));
}
