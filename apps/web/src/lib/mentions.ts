/** A member the comment box can @mention. */
export interface MentionCandidate {
  userId: string;
  name: string;
  email: string;
}

/** The most suggestions shown at once. */
export const MAX_SUGGESTIONS = 8;

/**
 * The `@word` being typed right before the caret, if any: where its `@` starts and what
 * follows it. An `@` inside a word (an email address) starts nothing.
 */
export function mentionQueryAt(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const match = /(?:^|[\s([{])@([^\s@]*(?:@[^\s@]*)?)$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1]!;
  if (query.length > 60) return null;
  return { start: caret - query.length - 1, query };
}

/** Members whose name or address contains the query (names that start with it first). */
export function matchMembers(
  members: readonly MentionCandidate[],
  query: string,
): MentionCandidate[] {
  const q = query.toLowerCase();
  const hits = members.filter(
    (m) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().includes(q),
  );
  const starts = (m: MentionCandidate) => (m.name.toLowerCase().startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b)).slice(0, MAX_SUGGESTIONS);
}

/** The text with `@query` (from `start` to the caret) replaced by the member's mention. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  email: string,
): { text: string; caret: number } {
  const mention = `@${email} `;
  return {
    text: text.slice(0, start) + mention + text.slice(caret),
    caret: start + mention.length,
  };
}
