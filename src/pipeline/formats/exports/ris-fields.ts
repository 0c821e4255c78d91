/**
 * Interpretation of RIS field values as the exporters write them: publication dates in every dialect, group authors,
 * and the identifiers hidden in accession numbers, notes and links. Pure functions, used by ris.ts.
 */
import { isValidDate, monthNumber } from "../dates";
import { normalizeDoi } from "./ids";

/** A date as precise as the source gives it. `year` is null for a month and day without a year (WoS `DA  - SEP 22`). */
export interface PartialDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

const MONTH_WORDS = new Set([
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
]);

function monthOfWord(word: string): number | null {
  return MONTH_WORDS.has(word.toLowerCase()) ? monthNumber(word) : null;
}

function plausibleYear(y: number): boolean {
  return y >= 1000 && y <= 2999;
}

/** Keeps month and day only where they make a real calendar date (a day without a month is dropped). */
function checked(year: number | null, month: number | null, day: number | null): PartialDate | null {
  if (year !== null && !plausibleYear(year)) year = null;
  if (month !== null && (month < 1 || month > 12)) month = null;
  if (month === null) day = null;
  // A year-less day is checked against a leap year so "Feb 29" stays possible.
  if (day !== null && month !== null && !isValidDate(year ?? 2000, month, day)) day = null;
  if (year === null && month === null) return null;
  return { year, month, day };
}

/**
 * One RIS date value to its parts, or null when it holds no date.
 * - RIS slash form `YYYY/MM/DD/other`, each part optional: "2020/05/17/", "2024/04/03/", "2020///", "2019//",
 *   "1948/07//", "1990/2/27", "2011/11/05/summer" (Ovid, EBSCO, Zotero, RefWorks).
 * - ISO "2024-02-01" / "2024-02" (OpenAlex).
 * - Free text (IEEE Xplore `Y1`, WoS `DA`): "24-27 Sept. 2019" (start of a day range), "1 Jan.-Feb. 2019" (a month
 *   range: the first month, no day), "June 2021", "Jan. 2016", "SEP 22" (month and day, no year), "2019 Mar 15".
 * Scopus writes `PY  - 0000` for an unknown year: no date.
 */
export function parseRisDate(raw: string): PartialDate | null {
  const s = raw.trim();
  if (s === "") return null;
  const slash = /^(\d{4})(?:\/(\d{0,2})(?:\/(\d{0,2})(?:\/.*)?)?)?$/.exec(s);
  if (slash) return checked(Number(slash[1]), slash[2] ? Number(slash[2]) : null, slash[3] ? Number(slash[3]) : null);
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ].*)?$/.exec(s);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), iso[3] ? Number(iso[3]) : null);
  return freeTextDate(s);
}

/** Words, numbers and dashes of a free-text date, read around the first month name. */
function freeTextDate(s: string): PartialDate | null {
  const tokens = s.match(/\p{L}+|\d+|[-–]/gu) ?? [];
  let year: number | null = null;
  for (const t of tokens) {
    if (/^\d{4}$/.test(t) && plausibleYear(Number(t))) {
      year = Number(t);
      break;
    }
  }
  const at = tokens.findIndex((t) => monthOfWord(t) !== null);
  if (at < 0) return year === null ? null : { year, month: null, day: null };
  const month = monthOfWord(tokens[at]!);
  const isDash = (t: string | undefined) => t === "-" || t === "–";
  // "Jan.-Feb." names a two-month issue: its first month, and no day even where a number precedes it.
  const monthRange = isDash(tokens[at + 1]) && tokens[at + 2] !== undefined && monthOfWord(tokens[at + 2]!) !== null;
  let day: number | null = null;
  if (!monthRange) {
    day = dayBefore(tokens, at) ?? dayAfter(tokens, at);
  }
  return checked(year, month, day);
}

const isDay = (t: string | undefined) => t !== undefined && /^\d{1,2}$/.test(t);

/** "24-27 Sept." -> 24 (the start of the range); "15 March" -> 15. */
function dayBefore(tokens: readonly string[], at: number): number | null {
  const prev = tokens[at - 1];
  if (!isDay(prev)) return null;
  const dash = tokens[at - 2];
  if ((dash === "-" || dash === "–") && isDay(tokens[at - 3])) return Number(tokens[at - 3]);
  return Number(prev);
}

/** "SEP 22" / "March 15, 2019" -> the day after the month. */
function dayAfter(tokens: readonly string[], at: number): number | null {
  const next = tokens[at + 1];
  return isDay(next) ? Number(next) : null;
}

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" from parts with a year. */
export function formatPartialDate(d: PartialDate): string | null {
  if (d.year === null) return null;
  const y = String(d.year).padStart(4, "0");
  if (d.month === null) return y;
  const m = String(d.month).padStart(2, "0");
  return d.day === null ? `${y}-${m}` : `${y}-${m}-${String(d.day).padStart(2, "0")}`;
}

function precision(d: PartialDate): number {
  return d.day !== null ? 3 : d.month !== null ? 2 : 1;
}

/**
 * The publication date of a record from its date tags, as precise as the source and never invented.
 * The year comes from `PY`, else `DA`, else `Y1` (the RIS spec deprecates `Y1` in favour of `DA`; `DA` is the access
 * date in some old EndNote types, so it never overrides `PY`'s year). Month and day come from the most precise of the
 * tags that agree with that year; a month and day without a year (WoS `DA  - SEP 22`) take it from `PY`.
 */
export function chooseDate(py: readonly string[], da: readonly string[], y1: readonly string[]): string | null {
  const parsed = (values: readonly string[]) => values.map(parseRisDate).filter((d): d is PartialDate => d !== null);
  const [p, d, y] = [parsed(py), parsed(da), parsed(y1)];
  const year = [...p, ...d, ...y].find((x) => x.year !== null)?.year ?? null;
  if (year === null) return null;
  let best: PartialDate = { year, month: null, day: null };
  for (const c of [...d, ...y, ...p]) {
    if (c.year !== null && c.year !== year) continue;
    if (precision(c) > precision(best)) best = { year, month: c.month, day: c.day };
  }
  return formatPartialDate(best);
}

// Group authors and "et al." are told by the shared rule in ../organisations.ts.
/** Unsigned items (Embase, Ovid, PubMed write "Anonymous"): no person, so no author node. */
export function isAnonymous(name: string): boolean {
  return /^\[?anon(?:ymous)?\.?\]?$/i.test(name.trim());
}

/**
 * A DOI standing on its own in a note or a misc field, as publisher sites (Atypon: `M3  - doi: 10.1021/…`,
 * `N1  - doi: …`), ScienceDirect (`M3  - doi: DOI: 10.1016/…`), EBSCO (`L3  - 10.1371/…`) and EndNote
 * (`N1  - 10.1111/…`) write it. Text that merely mentions a DOI (a Scopus reference list in N1) is not one.
 */
export function standaloneDoi(value: string): string | null {
  const s = value.trim().replace(/^(?:doi\s*:?\s*)+/i, "");
  if (!/^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$/i.test(s)) return null;
  return normalizeDoi(s);
}

/** A DOI from a resolver link only ("https://doi.org/10…", "http://dx.doi.org/10…"); other links may embed DOIs of other things. */
export function doiFromLink(value: string): string | null {
  const m = /^\s*https?:\/\/(?:dx\.)?doi\.org\/(10\.\S+)/i.exec(value);
  return m && m[1] ? normalizeDoi(m[1]) : null;
}

/** A PubMed id in a PubMed or Europe PMC link ("https://pubmed.ncbi.nlm.nih.gov/22752652/", ".../pubmed/22752652"). */
export function pmidFromLink(value: string): string | null {
  const m = /(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/|europepmc\.org\/(?:abstract|article)\/MED\/)(\d{1,9})(?!\d)/i.exec(value);
  return m && m[1] ? String(Number(m[1])) : null;
}

/** The Scopus EID in a Scopus record link ("…record.uri?eid=2-s2.0-85189760133&…"). */
export function scopusIdFromLink(value: string): string | null {
  const m = /[?&]eid=(2-s2\.0-\d+)/i.exec(value);
  return m && m[1] ? m[1] : null;
}

/** A citation count stated in a note: Scopus "Cited By: 2" / "Cited By :10", WoS "Times Cited in Web of Science Core Collection:  142". */
export function citationCountFromNote(value: string): number | null {
  const m = /(?:^|[;\n]\s*)(?:Cited By|Times Cited in Web of Science Core Collection)\s*:\s*(\d+)/i.exec(value);
  return m && m[1] ? Number(m[1]) : null;
}
