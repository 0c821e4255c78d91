/**
 * The title/byline split as it was before it was made linear (commit 9064be7, src/pipeline/formats/byline.ts), kept
 * verbatim as the oracle the fast version must agree with (test/pipeline/formats/byline-linear.test.ts).
 */
import { cleanName, collapse } from "../../../../src/pipeline/formats/text";

export interface Byline {
  authors: string[];
  /** False when the byline ends in "et al." or was cut. */
  authorsComplete: boolean;
  affiliation: string | null;
  /** The byline was cut mid-way ("Nazanin Maleki et", a trailing comma): some of it is lost. */
  cut: boolean;
}

/**
 * strict: every name starts with a capital (or is an initial) and has 1-5 words; used to find where a byline starts.
 * lenient: any letters, 1-8 words per name; used where position already says "this is the byline".
 */
export type BylineMode = "strict" | "lenient";

const PARTICLES = new Set([
  "van", "von", "de", "del", "della", "der", "den", "di", "da", "dos", "das", "do", "du", "la", "le", "ten", "ter",
  "bin", "ben", "al", "el", "y", "e", "zu", "af", "av",
]);

// A capitalised word: "Maier-Hein", "O'Hanlon", "LaBella", "İbrahim", "D.", "J.-P.". U+FFFD (a byte that was not
// UTF-8) may stand in for a letter: the name is still read, and readDocument warns about the encoding.
const CAPITAL_WORD = /^\p{Lu}[\p{L}\p{M}'’.\uFFFD-]*$/u;
// Any word made of letters, with digits allowed at the end (affiliation markers such as "Phung1").
const ANY_WORD = /^[\p{L}\p{M}\uFFFD][\p{L}\p{M}'’.\uFFFD-]*\d*$/u;
// A word ending in a full stop that is not an initial or a suffix reads like the end of a sentence.
const SENTENCE_END = /^[\p{L}\p{M}'’-]{2,}\.$/u;
const SUFFIXES = new Set(["Jr.", "Sr.", "St."]);

function validName(name: string, mode: BylineMode): boolean {
  const words = name.split(" ");
  if (words.length < 1 || words.length > (mode === "strict" ? 5 : 8)) return false;
  return words.every((w, i) => {
    if (SENTENCE_END.test(w) && !SUFFIXES.has(w)) return false;
    if (mode === "lenient") {
      // Lower-case words only as particles, or as a first word that a source cut ("lkay Oksuz").
      if (/^\p{Ll}/u.test(w) && !PARTICLES.has(w) && !(i === 0 && words.length > 1)) return false;
      return ANY_WORD.test(w);
    }
    if (i === 0) return CAPITAL_WORD.test(w);
    return CAPITAL_WORD.test(w) || PARTICLES.has(w);
  });
}

export const CUT_MESSAGE =
  "byline looks cut off (it ends in \"et\", a comma, or the end of a file without a final newline); the names read are kept and the author list is marked incomplete";

/**
 * A byline on the very last line of a file that has no final newline may have been cut mid-word ("... Nazanin Mal"),
 * which no parse can tell from a complete name. Unless it already ends in "et al.", mark it cut (incomplete).
 */
export function markCutAtEnd(byline: Byline, unterminated: boolean | undefined): Byline {
  if (!unterminated || !byline.authorsComplete || byline.affiliation !== null) return byline;
  return { ...byline, authorsComplete: false, cut: true };
}

/** Parse a byline; null when the text does not read as one in the given mode. */
export function parseByline(text: string, mode: BylineMode = "lenient"): Byline | null {
  // Lines arrive collapsed already; collapsing only when needed keeps the many trial parses of a split cheap.
  let body = /\s\s|[^\S ]/.test(text) ? collapse(text) : text.trim();
  let affiliation: string | null = null;
  const dot = body.lastIndexOf("·");
  if (dot >= 0) {
    affiliation = collapse(body.slice(dot + 1)) || null;
    body = body.slice(0, dot).trim();
  }
  let authorsComplete = true;
  let cut = false;
  // Only the end of the text can hold "et al.": match on a short tail rather than the whole byline.
  const tailStart = Math.max(0, body.length - 12);
  const tail = body.slice(tailStart);
  const etAl = /,?\s*\bet\s+al\.?$/u.exec(tail);
  const etCut = /,?\s+et(?:\s+a)?$/u.exec(tail);
  if (etAl) {
    authorsComplete = false;
    body = body.slice(0, tailStart + etAl.index).trim();
  } else if (etCut) {
    authorsComplete = false;
    cut = true;
    body = body.slice(0, tailStart + etCut.index).trim();
  }
  if (/,$/.test(body)) {
    authorsComplete = false;
    cut = true;
    body = body.replace(/,+$/, "").trim();
  }
  if (body === "") return null;
  // Name by name, stopping at the first that is not one: most candidate splits fail on their first name.
  const names: string[] = [];
  for (let from = 0; from <= body.length; ) {
    const comma = body.indexOf(",", from);
    const end = comma < 0 ? body.length : comma;
    const name = cleanName(body.slice(from, end));
    if (name === "" || !validName(name, mode)) return null;
    names.push(name);
    from = end + 1;
  }
  return { authors: names, authorsComplete, affiliation, cut };
}

export interface TitleByline {
  title: string;
  byline: Byline;
  /** 0: confident (strict parse, plain given name first); 1: strict parse only; 2, 3: lenient parse only. */
  rank: number;
}

// A given name as the first word of a byline: "Lena", "Jean-Pierre", "G", "A.", "J.-P.", "İbrahim" (not "LaBella",
// "NN-based" or "NetSanyukta", which are surname-like or title words glued to a name).
const GIVEN_NAME = /^\p{Lu}[\p{Ll}\p{M}'’]*\.?(?:-\p{Lu}[\p{Ll}\p{M}'’]*\.?)*$/u;
// Prefixes after which a surname legitimately continues with a capital ("LaBella", "McDonald", "DiCaprio").
const INNER_CAPITAL_PREFIX = /^(?:Mc|Mac|La|Le|De|Di|Da|Du|Del|Della|Van|Von|Ten|Ter|St|Fitz|O'|O’|D'|D’)$/;

/** "LearningJohn", "DataJohn", "MRIJoan": a title word glued to a name, not a name such as "LaBella". */
function gluedWord(word: string): boolean {
  return word.split("-").some((part) => {
    if (/\p{Lu}\p{Lu}\p{Ll}/u.test(part)) return true;
    const re = /\p{Ll}(?=\p{Lu})/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part))) {
      if (!INNER_CAPITAL_PREFIX.test(part.slice(0, m.index + 1))) return true;
    }
    return false;
  });
}

/**
 * Rank of a split: 0 = the byline starts with a plain given name and has no glued words, 1 = it only parses.
 * Exported for tests and for readers that accept only confident splits.
 */
export function splitRank(byline: Byline): number {
  const words = (byline.authors[0] ?? "").split(" ");
  const confident = words.length >= 2 && GIVEN_NAME.test(words[0] ?? "") && !byline.authors.some((a) => a.split(" ").some(gluedWord));
  return confident ? 0 : 1;
}

/**
 * Split "TitleFirst Author, Second Author et al. · affiliation". Candidate split points are capitals glued to the
 * previous non-space character; the rest of the line from there must parse as a byline. The earliest candidate whose
 * first author starts with a plain given name and whose names contain no glued title word wins ("EfficientNetSanyukta"
 * splits before "Sanyukta", "ChallengeDominic LaBella" before "Dominic"); failing that, the earliest strict parse,
 * then the earliest lenient one. null when no split parses.
 *
 * Known limit: a first author whose given name itself has an inner capital ("SeulGi Hong") is split inside it.
 */
const MAX_TITLE_LENGTH = 1000;

export function splitTitleByline(line: string): TitleByline | null {
  const chars = [...line];
  const starts: number[] = [];
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    const prev = chars[i - 1];
    // Titles are never this long; the bound keeps a pathological line (each candidate parses the rest) from going quadratic.
    if (offset > MAX_TITLE_LENGTH) break;
    if (i > 0 && prev !== undefined && /\p{Lu}/u.test(ch) && !/[\s\-'’/]/u.test(prev)) starts.push(offset);
    offset += ch.length;
  }
  let best: { at: number; byline: Byline; rank: number } | null = null;
  for (const mode of ["strict", "lenient"] as const) {
    for (const at of starts) {
      const title = line.slice(0, at).trim();
      if (title === "") continue;
      const byline = parseByline(line.slice(at), mode);
      if (!byline) continue;
      // An initial cut off an acronym or a number ("MR Segmentation" -> "R Segmentation", "3D Cardiac") is no
      // confident name start.
      const acronymTail = /[\p{Lu}\d]$/u.test(line.slice(0, at)) && /^\p{Lu}\.?$/u.test((byline.authors[0] ?? "").split(" ")[0] ?? "");
      const rank = (mode === "strict" ? 0 : 2) + (acronymTail ? 1 : splitRank(byline));
      if (!best || rank < best.rank) best = { at, byline, rank };
      if (rank === 0) break;
    }
    if (best) break;
  }
  if (!best) return null;
  return { title: line.slice(0, best.at).trim(), byline: best.byline, rank: best.rank };
}
