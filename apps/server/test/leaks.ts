/**
 * Text that must never reach a client: stacks, file paths, SQL, JavaScript and PostgreSQL
 * error messages. Shared by the error-text and fuzz suites.
 */
export const LEAKS: readonly RegExp[] = [
  /at .*\.[cm]?[jt]s:\d+/,
  /node_modules/,
  /\/work\/|\/home\/|\/usr\/|file:\/\//,
  // SQL as a statement has whitespace around its keywords (a slug like "select-from-x" is not SQL).
  /\bselect\s[\s\S]*\sfrom\s/i,
  /\binsert into\b|\bupdate\b\s+"?\w+"?\s+set\b|\bdelete from\b/i,
  /syntax error at/i,
  /invalid input syntax/i,
  /violates .* constraint/i,
  /out of range/i,
  /relation ".*" does not exist/i,
  /unsupported Unicode escape/i,
  /invalid byte sequence/i,
  /Cannot read properties/,
  /Cannot convert/,
  /is not a function/,
  /is not iterable/,
  /is not defined/,
  /Maximum call stack/,
  /Unexpected token/,
  /is not valid JSON/,
  /Unexpected end of JSON/,
  /\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b/,
  /Do not know how to serialize/,
  /\berror: /,
];
