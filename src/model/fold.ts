/**
 * The project's one letter folding, for matching and search alike: lower case, diacritics removed (NFD, combining
 * marks stripped) and the letters NFD does not decompose mapped to ASCII, so "Puyol-Antón", "PUYOL-ANTON" and
 * "puyol-anton" are one string, and "Søren Łukasz" matches "Soren Lukasz". Punctuation is kept: callers that compare
 * words turn it into spaces themselves.
 */
const SPECIAL: Record<string, string> = {
  ø: "o", Ø: "O", ł: "l", Ł: "L", đ: "d", Đ: "D", ð: "d", Ð: "D", þ: "th", Þ: "Th", ß: "ss",
  æ: "ae", Æ: "Ae", œ: "oe", Œ: "Oe", ı: "i", ħ: "h", Ħ: "H",
};

export function foldText(s: string): string {
  // Fast path: plain ASCII needs only lower-casing (most names in most inputs).
  if (!/[^ -~]/.test(s)) return s.toLowerCase();
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[øØłŁđĐðÐþÞßæÆœŒıħĦ]/g, (c) => SPECIAL[c] ?? c)
    .toLowerCase();
}
