/**
 * What the two PubMed readers (MEDLINE text and PubMed XML) share: PubMed's date forms, its name forms (given names
 * and initials without periods, generational suffixes after the given name), MeSH headings and plain-text cleanup.
 */
import { isValidDate, monthNumber } from "../dates";
import { cleanName, collapse } from "../text";
import { joinName, spaceInitials } from "./names";

/**
 * PubMed text is never LaTeX, so `cleanText` (which rewrites `$...$` and backslashes) must not touch it: "$5 to $10"
 * stays as printed. NFC, zero-width characters removed, whitespace collapsed.
 */
export function plainText(raw: string): string {
  return collapse(raw.normalize("NFC").replace(/[\u200B-\u200D\u2060\uFEFF]/g, ""));
}

function partialDate(year: number, month: number | null, day: number | null): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return null;
  const y = String(year);
  if (month === null || month < 1 || month > 12) return y;
  const m = `${y}-${String(month).padStart(2, "0")}`;
  if (day === null || !isValidDate(year, month, day)) return m;
  return `${m}-${String(day).padStart(2, "0")}`;
}

/** "Jan", "January", "01", "1" -> 1; seasons and anything else -> null. */
export function pubmedMonth(raw: string | null | undefined): number | null {
  if (!raw) return null;
  const s = raw.trim();
  if (/^\d{1,2}$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 12 ? n : null;
  }
  if (!/^[A-Za-z]{3,}\.?$/.test(s)) return null;
  const n = monthNumber(s);
  // monthNumber reads the first three letters: "Junk" must not be June, so the rest has to spell the month.
  if (n === null) return null;
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][n - 1] ?? "";
  const word = s.replace(/\.$/, "").toLowerCase();
  return full.startsWith(word) || (n === 9 && word === "sept") ? n : null;
}

/**
 * A PubMed publication date as printed in MEDLINE `DP` or XML `MedlineDate`, to "YYYY-MM-DD" / "YYYY-MM" / "YYYY", as
 * precise as the text and never more. A range keeps its start ("2019 Jan-Feb" -> "2019-01", "1998 Dec-1999 Jan" ->
 * "1998-12", "2019 Dec 12-19" -> "2019-12-12"); seasons give the year ("2020 Spring" -> "2020"); ERIC's month-first
 * form is read too ("Apr 2019" -> "2019-04"). null when the text holds no year.
 */
export function parsePubmedDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const yearFirst = /^(\d{4})(?:[\s,]+([A-Za-z]{3,}\.?|\d{1,2})(?:[\s,]+(\d{1,2}))?)?(?![\d])/.exec(s);
  if (yearFirst) {
    const month = pubmedMonth(yearFirst[2]);
    return partialDate(Number(yearFirst[1]), month, month !== null && yearFirst[3] ? Number(yearFirst[3]) : null);
  }
  const monthFirst = /^([A-Za-z]{3,}\.?)(?:\s+(\d{1,2}),?)?\s+(\d{4})(?![\d])/.exec(s);
  if (monthFirst) {
    const month = pubmedMonth(monthFirst[1]);
    return partialDate(Number(monthFirst[3]), month, month !== null && monthFirst[2] ? Number(monthFirst[2]) : null);
  }
  const anyYear = /(?:^|[^\d])(1[5-9]\d\d|2\d\d\d)(?![\d])/.exec(s);
  return anyYear ? partialDate(Number(anyYear[1]), null, null) : null;
}

/** MEDLINE `DEP` / `EDAT`-style compact dates: "20190923" -> "2019-09-23", "201909" -> "2019-09". */
export function parseCompactDate(raw: string | null | undefined): string | null {
  const m = /^(\d{4})(\d{2})?(\d{2})?$/.exec((raw ?? "").trim());
  if (!m) return null;
  return partialDate(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
}

/**
 * The record's date: the journal's publication date (MEDLINE DP, XML PubDate), which is what citations print. The
 * electronic date (DEP, ArticleDate) is used when there is no publication date, or when it only makes it more
 * precise ("2019" with DEP 2019-03-12 -> "2019-03-12"); an electronic date in another month or year (online
 * first, "2020 Jan" vs DEP 2019-09-23) leaves the publication date as printed.
 */
export function combineDates(published: string | null, electronic: string | null): string | null {
  if (!published) return electronic;
  if (electronic && electronic.length > published.length && electronic.startsWith(published)) return electronic;
  return published;
}

const SUFFIX_WORD = /^(?:Jr|Sr|2nd|3rd|4th|5th|II|III|IV)\.?$/;

/**
 * PubMed given names print initials without periods ("Mansoor A S", "J Michael"): each single capital becomes an
 * initial with a period ("Mansoor A. S.", "J. Michael"), so the display form matches other sources' spelling.
 */
export function pubmedGivenName(given: string): string {
  const g = cleanName(given);
  if (!g) return g;
  const spaced = spaceInitials(g);
  if (spaced !== g) return spaced;
  return g.split(" ").map((t) => (/^\p{Lu}$/u.test(t) ? `${t}.` : t)).join(" ");
}

/** Splits a generational suffix off the end of a given-name part ("Mack 3rd" -> ["Mack", "3rd"]). */
function splitSuffix(given: string): [string, string | null] {
  const tokens = given.split(" ");
  const last = tokens[tokens.length - 1] ?? "";
  if (tokens.length > 1 && SUFFIX_WORD.test(last)) return [tokens.slice(0, -1).join(" "), last];
  return [given, null];
}

/**
 * A full name as MEDLINE `FAU` (or ERIC `AU`) prints it, "Surname, Given [Suffix]", to display order:
 * "Roach, Mack 3rd" -> "Mack Roach 3rd", "de Hoon, M J L" -> "M. J. L. de Hoon", "Gleeson, Ferga C." -> "Ferga C. Gleeson".
 * A name without a comma (a single-name person) is kept as printed.
 */
export function medlineFullName(raw: string): string {
  const s = cleanName(raw);
  const comma = s.indexOf(",");
  if (comma < 0) return s;
  const family = s.slice(0, comma).trim();
  const rest = s.slice(comma + 1).split(",").map((p) => p.trim()).filter(Boolean);
  let given = rest[0] ?? "";
  let suffix: string | null = rest.length > 1 ? rest.slice(1).join(" ") : null;
  if (SUFFIX_WORD.test(given) && rest.length > 1) {
    // "Smith, Jr, John": the suffix came first.
    suffix = given;
    given = rest.slice(1).join(" ");
  } else if (suffix === null) {
    [given, suffix] = splitSuffix(given);
  }
  if (!family) return pubmedGivenName(given);
  return joinName(pubmedGivenName(given), family, suffix);
}

/**
 * A short name as MEDLINE `AU` prints it, "Surname Initials [Suffix]", to display order: "Roach M 3rd" ->
 * "M. Roach 3rd", "de Hoon MJ" -> "M. J. de Hoon", "Wong Kee Song LM" -> "L. M. Wong Kee Song". A comma form
 * (ERIC prints full names in AU) goes through `medlineFullName`; anything else is kept as printed.
 */
export function medlineShortName(raw: string): string {
  const s = cleanName(raw);
  if (s.includes(",")) return medlineFullName(s);
  const [body, suffix] = splitSuffix(s);
  const m = /^(.+?)\s+(\p{Lu}(?:-?\p{Lu}){0,4})$/u.exec(body);
  if (!m || !m[1] || !m[2]) return s;
  return joinName(m[2], m[1], suffix);
}

/** True for the "et al." that old MEDLINE records print as a last `AU` (the byline was cut). */
export function isEtAl(raw: string): boolean {
  return /^et\.?\s*al\.?$/i.test(raw.trim());
}

/**
 * A MeSH heading as MEDLINE prints it, with major-topic stars removed and the parts trimmed:
 * "*Neoplasms/drug therapy" -> "Neoplasms/drug therapy", "Aurovertins/*chemistry/*metabolism" ->
 * "Aurovertins/chemistry/metabolism". Empty when nothing is left.
 */
export function cleanMeshHeading(raw: string): string {
  return plainText(raw)
    .split("/")
    .map((part) => part.replace(/\*/g, "").trim())
    .filter(Boolean)
    .join("/");
}

/** A PMID as printed ("31452104"; 1 to 9 digits, not zero) without leading zeros, else null ("000000000000", "12a"). */
export function pubmedId(raw: string | null | undefined): string | null {
  const s = (raw ?? "").trim();
  return /^\d{1,9}$/.test(s) && Number(s) > 0 ? String(Number(s)) : null;
}

/** "[Not Available]." is PubMed's placeholder for a missing title (the vernacular title, if any, is the real one). */
export function isPlaceholderTitle(title: string): boolean {
  return /^\[?\s*not available\s*\]?\.?$/i.test(title.trim());
}
