/**
 * Text folding shared by search and matching (after Gephi Lite's search): NFD, combining marks stripped, lower case,
 * so "Puyol-Antón", "PUYOL-ANTON" and "puyol-anton" are one string. Also folds letters NFD does not decompose.
 */
const EXTRA: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", þ: "th", ł: "l", ı: "i" };

export function normalizeText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/g, (c) => EXTRA[c] ?? c);
}

/** Words of a folded string: runs of letters and digits (hyphens, dots and punctuation split). */
export function words(s: string): string[] {
  return normalizeText(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}
