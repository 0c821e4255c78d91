/**
 * Bibliographic name forms to the display order the identity engine reads ("Given Surname").
 * Exports print "Surname, Given" (BibTeX, RIS, WoS AF), "Surname, Initials" (WoS AU "Roach, M"), "Surname Initials"
 * (MEDLINE AU "Li X", Scopus "Tingley M.W."), or given/family parts (CSL, PubMed XML).
 */
import { cleanName } from "../text";

const SUFFIX = /^(jr|sr|ii|iii|iv|v|2nd|3rd)\.?$/i;

/** "M.W." / "MW" / "M W" -> "M. W."; "M.-W." -> "M.-W."; a full given name (also in capitals: "TODD A.") is returned as is. */
export function spaceInitials(given: string): string {
  const g = given.trim();
  // Only upper-case letters, dots, hyphens and spaces, with no two lower-case letters in a row: initials.
  // "TODD A." (an all-caps full name, old EndNote exports) is not initials: several parts, one of them a word.
  const tokens = g.split(/[\s.]+/).filter(Boolean);
  const capsWord = tokens.length > 1 && tokens.some((t) => t.replace(/-/g, "").length > 1);
  if (!capsWord && /^[\p{Lu}](?:[\s.-]*[\p{Lu}])*\.?$/u.test(g) && !/\p{Ll}{2}/u.test(g)) {
    // "K.-C." / "J.-H." -> "K-C" first, so the hyphen stays with the initial before it.
    const parts = g.replace(/\.\s*-\s*/g, "-").replace(/\./g, " ").split(/\s+|(?<=-)/).filter(Boolean);
    const letters: string[] = [];
    for (const p of parts) {
      if (p.endsWith("-")) letters.push(p.slice(0, -1) + ".-");
      else for (const ch of p) letters.push(ch + ".");
    }
    return letters.join(" ").replace(/\.- /g, ".-");
  }
  return g;
}

/** Given and family parts to one display name, with a generational suffix at the end ("Mack Roach III"). */
export function joinName(given: string | null | undefined, family: string | null | undefined, suffix?: string | null): string {
  const parts = [given ? spaceInitials(cleanName(given)) : "", family ? cleanName(family) : "", suffix ? cleanName(suffix) : ""];
  return parts.filter(Boolean).join(" ");
}

/**
 * "Surname, Given" / "Surname, Jr., Given" / "Surname, Given, Jr." -> "Given Surname Jr."; a name without a comma is
 * returned cleaned, as printed ("First Last").
 */
export function invertedName(raw: string): string {
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.length < 2) return cleanName(raw);
  const family = parts[0] ?? "";
  let given: string;
  let suffix = "";
  if (parts.length >= 3) {
    // BibTeX's "von Last, Jr, First" vs WoS's "Roach, Mack, III": the suffix is whichever part looks like one.
    if (SUFFIX.test(parts[1] ?? "")) {
      suffix = parts[1] ?? "";
      given = parts.slice(2).join(" ");
    } else {
      given = parts[1] ?? "";
      suffix = parts.slice(2).join(" ");
    }
  } else {
    given = parts[1] ?? "";
  }
  if (!family) return cleanName(given);
  return joinName(given, family, suffix);
}

/**
 * "Tingley M.W." / "Li X" / "Smith JA" (surname then initials, no comma) -> "M. W. Tingley" / "X. Li" / "J. A. Smith".
 * Anything else is handed to `invertedName`.
 */
export function surnameInitialsName(raw: string): string {
  const s = cleanName(raw);
  if (s.includes(",")) return invertedName(s);
  const m = /^(.+?)\s+((?:\p{Lu}\.?-?){1,4})$/u.exec(s);
  if (m && m[1] && m[2] && !/\p{Ll}/u.test(m[2])) return joinName(m[2], m[1]);
  return s;
}

/** True when every given-name part is an initial ("M. W. Tingley", "X. Li"): such a name alone is weak evidence of identity. */
export function isInitialsOnly(displayName: string): boolean {
  const tokens = displayName.split(/\s+/);
  if (tokens.length < 2) return false;
  return tokens.slice(0, -1).every((t) => /^\p{Lu}\.?(?:-\p{Lu}\.?)?$/u.test(t));
}
