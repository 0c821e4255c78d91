/**
 * Damage as real files have it, applied to a text: lines lost, doubled, swapped, joined or glued; text after a line;
 * junk lines that look like another format's structure; a file cut mid-way; bytes that are not what they should be
 * (NUL, U+FFFD, bidi overrides, combining marks, lone surrogates, BOMs, CR-only line ends); very long lines and
 * bylines; markup and prototype-key names. The probe (10,800 mutated inputs) used the same kinds.
 */
import fc from "fast-check";

export type Mutation =
  | { kind: "delete" | "duplicate" | "join" | "glue" | "truncate-line"; at: number; cut?: number }
  | { kind: "swap"; at: number; other: number }
  | { kind: "insert" | "append"; at: number; text: string }
  | { kind: "char"; at: number; text: string }
  | { kind: "truncate-file"; cut: number }
  | { kind: "cr-only" | "crlf" | "bom-inside" };

// Lines that look like structure of some format, and text people paste by mistake.
const JUNK_LINES = [
  "zqxj wibble", "", "Created: 2023-01-01", "arXiv:2301.00001", "arXiv:2301.00001 junk", "arXiv: see below", "CVJun 3, 2022",
  "CVJun 31, 2022", "h-index5", "49papers", "new", "Mar 11", "Anna Bell, Carl Dunn", "· uni", "et al.", "A Title Of Some Sort",
  "This is a sentence.", "action,name,other", "<script>alert(1)</script>", "__proto__", "constructor, toString, hasOwnProperty",
  "=HYPERLINK(\"http://x\")", "\u202Eevil\u202C", "Ünïcödé Nàmé, Ćędzyński", "\u0000", "20 pages",
];
// Characters that are not what they should be.
const CHARS = ["\u0000", "\uFFFD", "\u202E", "\u200F", "\u0301", "\uD800", "\uDC00", "\uFEFF", "\r", "\n", "\t", "é", "·", ",", "$", "\\", "{", "\u00A0", "\u2028", "😀"];

/** A long line of one of the patterns that made readers slow (glued capitals, a stemmer worst case, '@' runs, bylines). */
export const longLine = fc.tuple(fc.constantFrom("glued", "stem", "at", "byline", "spaces", "random"), fc.integer({ min: 1_000, max: 120_000 })).map(([pattern, n]) => {
  switch (pattern) {
    case "glued": return "aB".repeat(Math.min(n / 2, 600)) + "Lena Maier-Hein, ".repeat(Math.ceil(n / 17));
    case "stem": return "b".repeat(n) + "ed";
    case "at": return "a".repeat(n / 2) + "@" + "b".repeat(n / 2);
    case "byline": return Array.from({ length: Math.ceil(n / 16) }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))} Surname${i % 97}`).join(", ");
    case "spaces": return "word ".repeat(Math.ceil(n / 5));
    default: return Array.from({ length: n }, (_, i) => "aB, .·$\\{é"[(i * 7919) % 11]).join("");
  }
});

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete", "duplicate", "join", "glue", "truncate-line"), at: fc.nat(), cut: fc.nat() }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant("swap"), at: fc.nat(), other: fc.nat() }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constantFrom("insert", "append"), at: fc.nat(), text: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...JUNK_LINES) }, { weight: 1, arbitrary: longLine }) }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant("char"), at: fc.nat(), text: fc.constantFrom(...CHARS) }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant("truncate-file"), cut: fc.nat() }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constantFrom("cr-only", "crlf", "bom-inside") }) as fc.Arbitrary<Mutation>,
);

/** Mutations that keep every line where it was (same line count, only the content of one line changes). */
export const inPlaceMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate-line"), at: fc.nat(), cut: fc.nat() }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant("append"), at: fc.nat(), text: fc.constantFrom(...JUNK_LINES.filter((j) => !/[\r\n\u2028]/.test(j) && j !== "")) }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant("char"), at: fc.nat(), text: fc.constantFrom(...CHARS.filter((c) => !/[\r\n]/.test(c))) }) as fc.Arbitrary<Mutation>,
);

export function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const i = "at" in m ? m.at % Math.max(1, lines.length) : 0;
  switch (m.kind) {
    case "delete": lines.splice(i, 1); break;
    case "duplicate": lines.splice(i, 0, lines[i] ?? ""); break;
    case "join": lines.splice(i, 2, `${lines[i] ?? ""} ${lines[i + 1] ?? ""}`); break;
    case "glue": lines.splice(i, 2, `${lines[i] ?? ""}${lines[i + 1] ?? ""}`); break;
    case "truncate-line": lines[i] = (lines[i] ?? "").slice(0, (m.cut ?? 0) % Math.max(1, (lines[i] ?? "").length)); break;
    case "swap": {
      const j = m.other % Math.max(1, lines.length);
      [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
      break;
    }
    case "insert": lines.splice(i, 0, m.text); break;
    case "append": lines[i] = `${lines[i] ?? ""} ${m.text}`; break;
    case "char": {
      const line = lines[i] ?? "";
      const at = line.length ? (m.at * 31) % line.length : 0;
      lines[i] = line.slice(0, at) + m.text + line.slice(at + 1);
      break;
    }
    case "truncate-file": return text.slice(0, m.cut % Math.max(1, text.length));
    case "cr-only": return text.replace(/\r?\n/g, "\r");
    case "crlf": return text.replace(/\r?\n/g, "\r\n");
    case "bom-inside": return lines.map((l, k) => (k === Math.floor(lines.length / 2) ? "\uFEFF" + l : l)).join("\n");
  }
  return lines.join("\n");
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

export function mutateAll(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(mutate, text);
}
