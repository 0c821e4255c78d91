/**
 * Bylines: "A, B, C et al. · affiliation". Also splits a compact-profile line where the title and the byline are
 * glued with no separator ("...validationLena Maier-Hein, Annika Reinke et al.").
 */
import { cleanName, collapse } from "./text";

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

/** A name is a few words; longer text between two commas is never one (and bounds the work on a glued 2 MB line). */
const MAX_NAME_LENGTH = 300;

/** The part of a byline before its names are checked: where the names end, the affiliation and the "et al." flags. */
interface BylineFrame {
  /** The names are text[from, to). */
  to: number;
  affiliation: string | null;
  authorsComplete: boolean;
  cut: boolean;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * The frame of the byline text[from, end): an affiliation after the last " · " at or after `from` (`dot` is
 * text.lastIndexOf("·")), "et al." or a cut "et" at the end, trailing commas. Constant work apart from the affiliation,
 * so each of the many trial splits of one line is cheap. null when no names are left.
 */
function frame(text: string, from: number, dot: number, affiliationText: () => string | null): BylineFrame | null {
  let to = text.length;
  let affiliation: string | null = null;
  if (dot >= from) {
    affiliation = affiliationText();
    to = dot;
  }
  while (to > from && isSpace(text[to - 1])) to--;
  let authorsComplete = true;
  let cut = false;
  // Only the end of the text can hold "et al.": match on a short tail rather than the whole byline.
  const tailStart = Math.max(from, to - 12);
  const tail = text.slice(tailStart, to);
  const etAl = /,?\s*\bet\s+al\.?$/u.exec(tail);
  const etCut = /,?\s+et(?:\s+a)?$/u.exec(tail);
  if (etAl || etCut) {
    authorsComplete = false;
    cut = !etAl;
    to = tailStart + (etAl ?? etCut)!.index;
    while (to > from && isSpace(text[to - 1])) to--;
  }
  if (text[to - 1] === ",") {
    authorsComplete = false;
    cut = true;
    while (to > from && text[to - 1] === ",") to--;
    while (to > from && isSpace(text[to - 1])) to--;
  }
  while (from < to && isSpace(text[from])) from++;
  if (to <= from) return null;
  return { to, affiliation, authorsComplete, cut };
}

/** End of the name starting at `from` (the next comma, or `to`), or -1 when it is longer than any name. */
function nameEnd(text: string, from: number, to: number): number {
  const limit = Math.min(to, from + MAX_NAME_LENGTH + 1);
  for (let i = from; i < limit; i++) if (text.charCodeAt(i) === 44) return i; // ","
  return limit === to ? to : -1;
}

/** The names of text[from, to) (comma-separated), or null when one of them is not a name in this mode. */
function parseNames(text: string, from: number, to: number, mode: BylineMode): string[] | null {
  const names: string[] = [];
  for (let at = from; at <= to; ) {
    const end = nameEnd(text, at, to);
    if (end < 0) return null;
    const name = cleanName(text.slice(at, end));
    if (name === "" || !validName(name, mode)) return null;
    names.push(name);
    at = end + 1;
  }
  return names;
}

/** Parse a byline; null when the text does not read as one in the given mode. */
export function parseByline(text: string, mode: BylineMode = "lenient"): Byline | null {
  // Lines arrive collapsed already; collapsing only when needed keeps the many trial parses of a split cheap.
  const body = /\s\s|[^\S ]/.test(text) ? collapse(text) : text.trim();
  const dot = body.lastIndexOf("·");
  const f = frame(body, 0, dot, () => collapse(body.slice(dot + 1)) || null);
  if (!f) return null;
  const authors = parseNames(body, 0, f.to, mode);
  return authors ? { authors, authorsComplete: f.authorsComplete, affiliation: f.affiliation, cut: f.cut } : null;
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
 * Linear in the line: candidates lie in the first MAX_TITLE_LENGTH characters, and every candidate shares the names
 * after its first comma, which are parsed (and checked for glued words) once per mode, not once per candidate. Lines
 * longer than MAX_SPLIT_LINE are not split at all (`tooLongToSplit`): the readers warn about them instead.
 *
 * Known limit: a first author whose given name itself has an inner capital ("SeulGi Hong") is split inside it.
 */
const MAX_TITLE_LENGTH = 1000;

/** Longest line the splitter takes: a 1,000-character title and a 50,000-character consortium byline, with room to spare. */
export const MAX_SPLIT_LINE = 60_000;

export function tooLongToSplit(line: string): boolean {
  return line.length > MAX_SPLIT_LINE;
}

export const TOO_LONG_MESSAGE = (length: number) =>
  `line of ${length.toLocaleString("en-US")} characters is longer than any title and byline (at most ${MAX_SPLIT_LINE.toLocaleString("en-US")}); not split into title and authors`;

/** Candidate split points: capitals glued to the previous non-space character, within the title's reach. */
function candidateStarts(line: string): number[] {
  const starts: number[] = [];
  let offset = 0;
  let prev: string | undefined;
  for (const ch of line) {
    // Titles are never this long; the bound keeps a pathological line from offering thousands of candidates.
    if (offset > MAX_TITLE_LENGTH) break;
    if (prev !== undefined && /\p{Lu}/u.test(ch) && !/[\s\-'’/]/u.test(prev)) starts.push(offset);
    offset += ch.length;
    prev = ch;
  }
  return starts;
}

const hasGluedWord = (names: readonly string[]) => names.some((a) => a.split(" ").some(gluedWord));

export function splitTitleByline(line: string): TitleByline | null {
  if (tooLongToSplit(line)) return null;
  // The shared-work path below assumes the line is collapsed, as every reader's lines are.
  if (/\s\s|[^\S ]/.test(line)) line = collapse(line);
  const starts = candidateStarts(line);
  const dot = line.lastIndexOf("·");
  let affiliation: string | null | undefined;
  const affiliationText = () => (affiliation === undefined ? (affiliation = collapse(line.slice(dot + 1)) || null) : affiliation);
  // Names after a candidate's first comma, per (comma, end of names, mode): shared by every candidate before that comma.
  const rests = new Map<string, { names: string[] | null; glued: boolean }>();
  const restAfter = (comma: number, to: number, mode: BylineMode) => {
    const key = `${comma}:${to}:${mode}`;
    let rest = rests.get(key);
    if (!rest) {
      const names = comma >= to ? [] : parseNames(line, comma + 1, to, mode);
      rests.set(key, (rest = { names, glued: names !== null && hasGluedWord(names) }));
    }
    return rest;
  };

  let best: { at: number; byline: Byline; rank: number } | null = null;
  for (const mode of ["strict", "lenient"] as const) {
    for (const at of starts) {
      const title = line.slice(0, at).trim();
      if (title === "") continue;
      const f = frame(line, at, dot, affiliationText);
      if (!f) continue;
      const firstEnd = nameEnd(line, at, f.to);
      if (firstEnd < 0) continue;
      const first = cleanName(line.slice(at, firstEnd));
      if (first === "" || !validName(first, mode)) continue;
      const rest = restAfter(firstEnd, f.to, mode);
      if (!rest.names) continue;
      // An initial cut off an acronym or a number ("MR Segmentation" -> "R Segmentation", "3D Cardiac") is no
      // confident name start.
      const acronymTail = /[\p{Lu}\d]$/u.test(line.slice(0, at)) && /^\p{Lu}\.?$/u.test(first.split(" ")[0] ?? "");
      const words = first.split(" ");
      const confident = words.length >= 2 && GIVEN_NAME.test(words[0] ?? "") && !words.some(gluedWord) && !rest.glued;
      const rank = (mode === "strict" ? 0 : 2) + (acronymTail ? 1 : confident ? 0 : 1);
      if (!best || rank < best.rank) {
        best = { at, rank, byline: { authors: [first, ...rest.names], authorsComplete: f.authorsComplete, affiliation: f.affiliation, cut: f.cut } };
      }
      if (rank === 0) break;
    }
    if (best) break;
  }
  if (!best) return null;
  return { title: line.slice(0, best.at).trim(), byline: best.byline, rank: best.rank };
}
