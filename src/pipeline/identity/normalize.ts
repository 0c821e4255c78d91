/** Text normalisation shared by author and paper matching: folding, name parsing, slugs, hashes. */
import { foldText } from "../../model/fold";

/** True when the spelling carries diacritics or special letters. */
export function hasDiacritics(s: string): boolean {
  return s.normalize("NFD") !== s.normalize("NFD").replace(/\p{M}/gu, "") || /[øØłŁđĐðÐþÞßæÆœŒıħĦ]/.test(s);
}

/**
 * A byline name as it should be compared: NFC, trimmed, footnote markers ("Phung1", "Smith*", "Lee†") and
 * "et al." removed, whitespace collapsed. Returns "" when nothing name-like is left.
 */
export function cleanName(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\bet al\.?$/i, "")
    .replace(/[\d*†‡§¶#]+(?=\s|$|,)/gu, "")
    .replace(/[,;:()[\]{}"]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[-'.\s]+|[-'\s]+$/g, "");
}

/** Lower-case particles that belong to the surname when they are not the first token ("van", "de la"). */
export const PARTICLES = new Set([
  "van", "von", "de", "der", "den", "del", "della", "di", "da", "das", "dos", "du", "la", "le", "ten", "ter", "bin", "ibn", "al", "el", "y", "zu", "vom", "st",
]);

export interface NameToken {
  /** Folded text without dots ("m" for "M.", "anton" for "Antón"). */
  t: string;
  /** Single letter or letter with a dot: an initial. */
  initial: boolean;
}

export interface ParsedName {
  /** The cleaned spelling. */
  clean: string;
  /** Given-name tokens (first token and middle names/initials), hyphen parts split. */
  given: NameToken[];
  /** Surname tokens (particles included), hyphen parts split. */
  surname: NameToken[];
  /** All folded parts in order: the identity of a spelling up to case, diacritics, hyphens and dots. */
  exact: string;
  /** All letters joined without separators ("finesilversmith"). */
  compact: string;
  /** The first letter of the spelling was lower case: a sign that the source lost a letter ("lkay Oksuz"). */
  lowerStart: boolean;
}

function splitInitials(word: string): string[] {
  // "J.R." -> ["J.", "R."]; "A.-M." -> ["A.", "M."]
  const dot = word.indexOf(".");
  if (dot < 0 || dot === word.length - 1) return [word];
  if (/^(\p{L}\.){2,}$/u.test(word)) return word.match(/\p{L}\./gu) ?? [word];
  return [word];
}

function toTokens(words: string[]): NameToken[] {
  const out: NameToken[] = [];
  for (const w of words) {
    for (const part of w.split(/-+/)) {
      const t = foldText(part).replace(/[.'’`]/g, "");
      if (!t) continue;
      out.push({ t, initial: t.length === 1 });
    }
  }
  return out;
}

/** First character is a lower-case letter (plain string ops: V8's /^\p{Ll}/u is slow on hot paths). */
export function startsLower(s: string): boolean {
  const c = s.charAt(0);
  return c !== "" && c === c.toLowerCase() && c !== c.toUpperCase();
}

/** First character is an upper-case letter. */
export function startsUpper(s: string): boolean {
  const c = s.charAt(0);
  return c !== "" && c === c.toUpperCase() && c !== c.toLowerCase();
}

/** Split a cleaned name into given names and surname (last word, with lower-case particles before it). */
export function parseName(raw: string): ParsedName {
  const clean = cleanName(raw);
  const words = clean.split(" ").flatMap(splitInitials).filter((w) => w.length > 0);
  let start = Math.max(0, words.length - 1);
  while (start > 1 && PARTICLES.has(foldText(words[start - 1] ?? "").replace(/\./g, ""))) start--;
  // A camel-case join ("FinesilverSmith") stays one token; `compact` lets it meet "Finesilver Smith".
  const given = toTokens(words.slice(0, start));
  const surname = toTokens(words.slice(start));
  const all = [...given, ...surname];
  return {
    clean,
    given,
    surname,
    exact: all.map((x) => x.t).join(" "),
    compact: all.map((x) => x.t).join(""),
    lowerStart: startsLower(clean),
  };
}

/** Node-key form of a name: "surname|given" from folded parts ("a:" is added by the caller). */
export function nameKey(p: ParsedName): string {
  const sur = p.surname.map((x) => x.t).join("-") || "unknown";
  const giv = p.given.map((x) => x.t).join("-");
  return `${sur}|${giv}`;
}

/** Title / abstract text for comparison: folded, punctuation to spaces, whitespace collapsed. */
export function normalizeText(s: string): string {
  return foldText(s)
    .replace(/\\[a-z]+/g, " ")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** URL-safe slug of the first `words` words of a normalised text. */
export function slug(normalized: string, words = 8): string {
  return normalized.split(" ").filter(Boolean).slice(0, words).join("-").replace(/[^a-z0-9-]/g, "");
}

/** FNV-1a 32-bit, hex: a short deterministic hash (not for security). */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
