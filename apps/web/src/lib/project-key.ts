/**
 * A short key suggested from a project's name: "Engineering" → "ENG", "Mobile App" → "MA",
 * "Q3 roadmap" → "QR". It always fits the key rule (2–10 letters or digits, a letter first)
 * or is empty when the name has too few letters.
 */
export function suggestProjectKey(name: string): string {
  const words = name
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const firstLetter = words.findIndex((word) => /^[A-Z]/.test(word));
  if (firstLetter === -1) return "";
  const usable = words.slice(firstLetter);
  const key =
    usable.length === 1
      ? usable[0]!.slice(0, 3)
      : usable
          .map((word) => word[0])
          .join("")
          .slice(0, 4);
  if (key.length >= 2) return key;
  return usable.join("").slice(0, 3).length >= 2 ? usable.join("").slice(0, 3) : "";
}
