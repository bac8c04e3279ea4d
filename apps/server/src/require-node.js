import process from "node:process";

// Preloaded with `node --import ./src/require-node.js src/main.ts`. Plain JavaScript on purpose:
// on a Node too old to strip types, loading main.ts fails with ERR_UNKNOWN_FILE_EXTENSION, which
// says nothing about Node. This runs first and says what to install instead.

/** The first releases that run `.ts` files by type stripping without a flag. Keep in step with "engines". */
export const TYPE_STRIPPING_FROM = ["22.18.0", "23.6.0"];

/**
 * Whether this Node runs `.ts` files as they are (type stripping on by default): 22.18+ on the
 * 22 line, 23.6+, and every release from 24 on.
 * @param {string} version a Node version such as "22.12.0" (no leading "v")
 * @returns {boolean}
 */
export function stripsTypes(version) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major === 22) return minor >= 18;
  if (major === 23) return minor >= 6;
  return major >= 24;
}

/**
 * The message shown on an unsupported Node, or undefined when this one is fine.
 * @param {string} version
 * @returns {string | undefined}
 */
export function nodeVersionProblem(version) {
  if (stripsTypes(version)) return undefined;
  return (
    `Tesseract needs Node 24 (or 22.18 or later): it runs its TypeScript sources directly, which ` +
    `Node ${version} cannot do. Install Node 24 (see .nvmrc) and try again.\n`
  );
}

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(problem);
  process.exit(1);
}
