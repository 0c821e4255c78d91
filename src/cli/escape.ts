/**
 * Text from the inputs (file names, quoted lines) made safe to print on a terminal: control characters would move
 * the cursor, clear the screen or break the summary table (a newline in a file name), and bidi controls such as
 * U+202E (right-to-left override) would make "evil\u202Etxt.exe" read as "evilexe.txt". Each becomes a visible escape
 * (`\n`, `\t`, `\r`, `\u001B`, `\u202E`); everything else, accents and non-Latin scripts included, prints as is.
 * Used for everything the CLI writes to stderr; the graph file keeps the data exactly as read.
 */

// C0 controls, DEL, C1 controls; the Arabic letter mark, LRM/RLM, the bidi embeddings, overrides and isolates; the
// line and paragraph separators; unpaired surrogates (a terminal would print them as U+FFFD, hiding what they were).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function escapeForTerminal(s: string): string {
  return s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}
