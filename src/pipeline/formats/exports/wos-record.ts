/**
 * Web of Science field semantics, shared by the plain-text reader (tagged lines) and the tab-delimited reader (a tag
 * header, one row per record). Core Collection, Current Contents, BIOSIS, Zoological Record, MEDLINE and CABI exports
 * use the same two-letter tags with fewer or different fields; the differences handled here:
 *
 * - names: AF holds full names ("Roach, Melissa C."), AU the short form ("Roach, MC") of the same byline slot; some
 *   databases have AU only, sometimes with an e-mail in the cell ("Stillman, Andrew N. (andrew.stillman@uconn.edu)");
 *   Current Contents tab exports glue AU names together ("Roach, MCThompson, FR").
 * - C1 affiliations: "[Name1; Name2] Address" (Core Collection), "Name; Address" (Zoological Record, BIOSIS), or bare
 *   addresses (old records, MEDLINE).
 * - keywords: `;`-separated, but comma-separated in Current Contents, and Zoological Record's DE is a structured
 *   descriptor string ("Picoides arcticus [Fire / Wildfire / ] [California /  / ]").
 * - dates: PD is "MAY 17", "JAN-FEB", "SPR", "FEB 2011", "JUN 28 2011", "2026 FEB 25", "2018 Sep (Epub 2018 Jun 11)",
 *   "2018/03/01", "1998, thesis publ. 1997"; PY is the year; early-access records have EA/EY instead.
 */
import type { AuthorInfo, ExportFormatId, PaperRecord } from "../../records";
import { emptyRecord, type Diagnostics } from "../record";
import { cleanName, cleanText, collapse, excerpt } from "../text";
import { isValidDate } from "../dates";
import { normalizeDoi, normalizeOrcid, normalizePmid } from "./ids";
import { surnameInitialsName } from "./names";
import { foldText } from "../../../model/fold";

/** One tag of one record: its first line and its values (the lines of a tagged field, or the one cell of a row). */
export interface WosField {
  line: number;
  values: string[];
}

/**
 * Per-file memo of name conversions: the same people recur across the records of an export, and turning a printed
 * name into its display form and comparison key is a large share of the reading time.
 */
export class WosContext {
  private readonly display = new Map<string, string>();
  private readonly keys = new Map<string, NameKey>();
  name(raw: string): string {
    let v = this.display.get(raw);
    if (v === undefined) {
      v = wosName(raw);
      this.display.set(raw, v);
    }
    return v;
  }
  key(raw: string): NameKey {
    let v = this.keys.get(raw);
    if (v === undefined) {
      v = nameKey(raw);
      this.keys.set(raw, v);
    }
    return v;
  }
}

export interface WosEntry {
  /** 1-based line where the record starts (its PT line or its row). */
  line: number;
  /** "tagged": a value per line (lists one item per line); "delimited": one cell per tag (lists `;`-separated). */
  layout: "tagged" | "delimited";
  fields: Map<string, WosField>;
}

// ---------------------------------------------------------------------------------------------------------------
// Field access

function field(entry: WosEntry, tag: string): WosField | undefined {
  return entry.fields.get(tag);
}

/** The field's text, lines joined by spaces, whitespace collapsed; null when absent or blank. */
function text(entry: WosEntry, tag: string): string | null {
  const f = field(entry, tag);
  if (!f) return null;
  const t = collapse(f.values.join(" "));
  return t === "" ? null : t;
}

/** List items: one per line in tagged records (each line also split on `;`), `;`-separated in delimited rows. */
function items(entry: WosEntry, tag: string, splitLines = true): string[] {
  const f = field(entry, tag);
  if (!f) return [];
  const parts = entry.layout === "tagged"
    ? (splitLines ? f.values.flatMap((v) => v.split(";")) : f.values)
    : f.values.flatMap((v) => v.split(splitLines ? ";" : /;\s/));
  return parts.map((p) => collapse(p)).filter((p) => p !== "");
}

/** `;`-separated items of the whole field (lines joined first: RI/OI/DE/ID wrap mid-item). */
function semicolonItems(entry: WosEntry, tag: string): string[] {
  const t = text(entry, tag);
  return t ? t.split(";").map((p) => p.trim()).filter((p) => p !== "") : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/** "Stillman, Andrew N. (andrew.stillman@uconn.edu)" -> "Stillman, Andrew N." */
function stripEmail(raw: string): string {
  return collapse(raw.replace(/\s*\([^()]*@[^()]*\)/g, " "));
}

function isAnonymous(raw: string): boolean {
  return /^\[?anonymous\]?$/i.test(raw.trim());
}

/** WoS name cell to display order: "Roach, Melissa C." -> "Melissa C. Roach", "Roach, MC" -> "M. C. Roach", "YANG Y" -> "Y. YANG". */
export function wosName(raw: string): string {
  return surnameInitialsName(stripEmail(raw));
}

/**
 * Current Contents tab exports lose the separator between AU names: "Roach, MCThompson, FRJones-Farrand, T".
 * A capital followed by a lower-case letter right after the initials starts the next name.
 */
function unglueShortNames(cell: string): string[] {
  if ((cell.match(/,/g) ?? []).length < 2) return [cell];
  return cell.split(/(?<=(?:, ?|\s)\p{Lu}{1,4})(?=\p{Lu}(?:\p{Ll}|'\p{Lu}))/u).map((s) => s.trim()).filter(Boolean);
}

/** The comparison form of a printed name: folded (model/fold.ts), punctuation to spaces. */
function fold(s: string): string {
  return foldText(s).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

interface NameKey {
  full: string;
  surname: string;
  given: string[];
}

function nameKey(raw: string): NameKey {
  const s = stripEmail(raw);
  const comma = s.indexOf(",");
  if (comma < 0) return { full: fold(s), surname: fold(s), given: [] };
  const surname = fold(s.slice(0, comma));
  let givenRaw = s.slice(comma + 1).replace(/,\s*(jr|sr|ii|iii|iv)\.?\s*$/i, "").trim();
  // "MC" (WoS AU initials without dots) is two initials.
  if (/^\p{Lu}{1,4}$/u.test(givenRaw)) givenRaw = givenRaw.split("").join(" ");
  const given = fold(givenRaw).split(" ").filter(Boolean);
  return { full: `${surname} ${given.join(" ")}`.trim(), surname, given };
}

function givenCompatible(a: string[], b: string[]): boolean {
  const x = a[0];
  const y = b[0];
  if (x === undefined || y === undefined) return true;
  if (x === y) return true;
  if (x.length === 1) return y.startsWith(x);
  if (y.length === 1) return x.startsWith(y);
  return false;
}

/** The byline slots' printed forms (AF and AU), as keys. */
type Slots = NameKey[][];

/** Index of the byline slot a printed name refers to: an exact match, else the only slot with the same surname and a compatible given name; -1 when none or ambiguous. */
function matchSlot(raw: string, slots: Slots, ctx: WosContext): number {
  const key = ctx.key(raw);
  if (key.full === "") return -1;
  for (let i = 0; i < slots.length; i++) if (slots[i]!.some((k) => k.full === key.full)) return i;
  let found = -1;
  for (let i = 0; i < slots.length; i++) {
    if (slots[i]!.some((k) => k.surname === key.surname && givenCompatible(k.given, key.given))) {
      if (found >= 0) return -1;
      found = i;
    }
  }
  return found;
}

interface Byline {
  authors: string[];
  /** Printed forms per slot, for matching C1/RI/OI names. */
  slots: Slots;
  alternates: string[][];
}

function byline(entry: WosEntry, diags: Diagnostics, ctx: WosContext): Byline {
  const full = items(entry, "AF");
  let short = items(entry, "AU");
  if (entry.layout === "delimited") short = short.flatMap(unglueShortNames);
  // "[Anonymous]" holds a slot in both lists; drop it from both when they are parallel.
  const anonymous = (list: string[]) => list.map(isAnonymous);
  if (full.length === short.length && full.length > 0) {
    const skip = anonymous(short).map((a, i) => a || isAnonymous(full[i] ?? ""));
    return slotsOf(full.filter((_, i) => !skip[i]), short.filter((_, i) => !skip[i]), ctx);
  }
  const fullNames = full.filter((n) => !isAnonymous(n));
  const shortNames = short.filter((n) => !isAnonymous(n));
  if (fullNames.length > 0) {
    if (shortNames.length > 0) {
      const f = field(entry, "AU");
      diags.warn(f?.line ?? entry.line, `AU lists ${shortNames.length} names but AF lists ${fullNames.length}: the full names (AF) are used without their short forms`);
    }
    return slotsOf(fullNames, [], ctx);
  }
  if (shortNames.length > 0) return slotsOf([], shortNames, ctx);
  // Books: the book's authors when the record has no authors of its own.
  const bookFull = items(entry, "BF").filter((n) => !isAnonymous(n));
  const bookShort = items(entry, "BA").filter((n) => !isAnonymous(n));
  if (bookFull.length > 0) return slotsOf(bookFull, bookShort.length === bookFull.length ? bookShort : [], ctx);
  return slotsOf([], bookShort, ctx);
}

function slotsOf(full: string[], short: string[], ctx: WosContext): Byline {
  const primary = full.length > 0 ? full : short;
  const authors: string[] = [];
  const slots: Slots = [];
  const alternates: string[][] = [];
  for (let i = 0; i < primary.length; i++) {
    const name = ctx.name(primary[i]!);
    if (name === "") continue;
    const other = full.length > 0 && short.length === full.length ? short[i]! : null;
    const alt = other ? ctx.name(other) : "";
    authors.push(name);
    slots.push(other ? [ctx.key(primary[i]!), ctx.key(other)] : [ctx.key(primary[i]!)]);
    alternates.push(alt && alt !== name ? [alt] : []);
  }
  return { authors, slots, alternates };
}

// ---------------------------------------------------------------------------------------------------------------
// Affiliations (C1)

/** Splits on `;` outside square brackets. */
function splitOutsideBrackets(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    else if (c === ";" && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((p) => collapse(p)).filter((p) => p !== "");
}

/** C1 entries: tagged lines are one address each unless a line merely wraps the previous one (Zoological Record). */
function c1Entries(entry: WosEntry): string[] {
  const f = field(entry, "C1");
  if (!f) return [];
  if (entry.layout === "delimited") return f.values;
  const out: string[] = [];
  for (const raw of f.values) {
    const line = raw.trim();
    if (line === "") continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && !line.startsWith("[") && !/[.)]$/.test(prev)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

/** Looks like a printed person name ("Stillman, Andrew N."), not an address. */
function looksLikeName(s: string): boolean {
  return s.length <= 80 && /^[^,\d]+,[^,\d]+$/.test(s);
}

function affiliations(entry: WosEntry, slots: Slots, ctx: WosContext): string[][] {
  const per: string[][] = slots.map(() => []);
  const unattributed: string[] = [];
  const add = (i: number, address: string) => {
    const a = collapse(address);
    if (a !== "" && !per[i]!.includes(a)) per[i]!.push(a);
  };
  for (const e of c1Entries(entry)) {
    const pieces = splitOutsideBrackets(e);
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k]!;
      const bracket = /^\[([^\]]*)\]\s*(.*)$/.exec(piece);
      if (bracket) {
        const address = bracket[2] ?? "";
        for (const name of (bracket[1] ?? "").split(";")) {
          const i = matchSlot(name, slots, ctx);
          if (i >= 0) add(i, address);
        }
        continue;
      }
      const next = pieces[k + 1];
      if (next !== undefined && looksLikeName(piece)) {
        const i = matchSlot(piece, slots, ctx);
        if (i >= 0) {
          add(i, next);
          k++;
          continue;
        }
      }
      unattributed.push(piece);
    }
  }
  // A bare address belongs to the author when there is only one.
  if (slots.length === 1) for (const a of unattributed) add(0, a);
  return per;
}

// ---------------------------------------------------------------------------------------------------------------
// Author ids (RI ResearcherID, OI ORCID)

function authorIds(entry: WosEntry, slots: Slots, diags: Diagnostics, ctx: WosContext): { orcid: (string | null)[]; ids: string[][] } {
  const orcid: (string | null)[] = slots.map(() => null);
  const ids: string[][] = slots.map(() => []);
  for (const [tag, kind] of [["OI", "orcid"], ["RI", "rid"]] as const) {
    const f = field(entry, tag);
    for (const item of semicolonItems(entry, tag)) {
      const slash = item.lastIndexOf("/");
      if (slash < 0) continue;
      const name = item.slice(0, slash).trim();
      const id = item.slice(slash + 1).trim();
      if (name === "" || id === "") continue;
      if (kind === "orcid") {
        const o = normalizeOrcid(id);
        if (!o) {
          diags.warn(f?.line ?? entry.line, `OI: "${excerpt(id, 30)}" for ${name} is not a valid ORCID iD (wrong check digit or form); not used`);
          continue;
        }
        const i = matchSlot(name, slots, ctx);
        if (i >= 0 && orcid[i] === null) orcid[i] = o;
      } else {
        const rid = id.toUpperCase();
        if (!/^[A-Z]{1,3}-\d{4}-\d{4}$/.test(rid)) {
          diags.warn(f?.line ?? entry.line, `RI: "${excerpt(id, 30)}" for ${name} is not a ResearcherID (like A-1234-2010); not used`);
          continue;
        }
        const i = matchSlot(name, slots, ctx);
        if (i >= 0 && !ids[i]!.includes(`wos-rid:${rid}`)) ids[i]!.push(`wos-rid:${rid}`);
      }
    }
  }
  return { orcid, ids };
}

// ---------------------------------------------------------------------------------------------------------------
// Keywords, references, dates, pages

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}

/** Zoological Record descriptors: taxa outside the brackets, "[broad / narrow / detail]" terms inside. */
function zoologicalDescriptors(t: string): string[] {
  const out: string[] = [];
  for (const token of t.split(/(\[[^\]]*\])/)) {
    const inside = token.startsWith("[");
    for (const part of (inside ? token.slice(1, -1) : token).split(inside ? "/" : ";")) {
      const v = collapse(part).replace(/\.$/, "").trim();
      if (v !== "") out.push(v);
    }
  }
  return uniq(out);
}

function keywordList(entry: WosEntry, tag: string, commaSeparated: boolean): string[] {
  const t = text(entry, tag);
  if (!t) return [];
  if (/\[[^\]]*\/[^\]]*\]/.test(t)) return zoologicalDescriptors(t);
  const sep = commaSeparated && !t.includes(";") ? "," : ";";
  return uniq(t.split(sep).map((k) => k.trim()).filter((k) => k !== ""));
}

/**
 * A cited reference as an id when it carries a DOI ("doi:10.1109/tmag.2012.2227303"), else the printed string.
 * Handles WoS's "DOI 10.x", "DOI DOI 10.x", "DOI [10.x, 10.y]" and "doi:" / doi.org forms.
 */
export function referenceId(ref: string): string {
  const marker = /\bdoi(?:\.org\/|:\s*|\s+)/i.exec(ref);
  if (marker) {
    let rest = ref.slice(marker.index + marker[0].length).replace(/^\[/, "").replace(/^doi\s+/i, "");
    const cut = rest.search(/,\s|\]|;\s/);
    if (cut >= 0) rest = rest.slice(0, cut);
    const doi = normalizeDoi(rest);
    if (doi) return `doi:${doi}`;
  }
  return ref;
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "Jan", "JAN", "Sept", "April" -> 1..12; a season or other word -> null. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
}

/** Reads a WoS PD / EA value. Ranges keep their first month ("JAN-FEB" -> January); seasons give no month. */
export function wosDateParts(raw: string): DateParts {
  const s = raw.replace(/\([^)]*\)/g, " ").trim();
  const numeric = /^(\d{4})[/-](\d{1,2})(?:[/-](\d{1,2}))?\b/.exec(s);
  if (numeric) return { year: Number(numeric[1]), month: Number(numeric[2]), day: numeric[3] ? Number(numeric[3]) : null };
  const parts: DateParts = { year: null, month: null, day: null };
  for (const token of s.split(/[\s,]+/)) {
    if (/^\d{4}$/.test(token)) {
      parts.year ??= Number(token);
    } else if (/^\p{L}+(?:-\p{L}+)?\.?$/u.test(token)) {
      if (parts.month === null && parts.day === null) parts.month = monthOf(token.split("-")[0] ?? "");
    } else if (/^\d{1,2}$/.test(token) && parts.month !== null && parts.day === null) {
      parts.day = Number(token);
    }
  }
  return parts;
}

function yearOf(raw: string | null): number | null {
  if (!raw) return null;
  const m = /\b(\d{4})\b/.exec(raw);
  return m ? Number(m[1]) : null;
}

function formatDate(year: number, month: number | null, day: number | null): string {
  const y = String(year).padStart(4, "0");
  if (month === null || month < 1 || month > 12) return y;
  const m = String(month).padStart(2, "0");
  if (day === null || !isValidDate(year, month, day)) return `${y}-${m}`;
  return `${y}-${m}-${String(day).padStart(2, "0")}`;
}

function wosDate(entry: WosEntry): string | null {
  const py = yearOf(text(entry, "PY"));
  const pd = text(entry, "PD");
  const ea = text(entry, "EA");
  const parts = pd ? wosDateParts(pd) : { year: null, month: null, day: null };
  const year = py ?? parts.year;
  if (year !== null && year >= 1000 && year <= 9999) {
    // A PD year that disagrees with PY makes its month unreliable.
    if (parts.year !== null && parts.year !== year) return formatDate(year, null, null);
    return formatDate(year, parts.month, parts.day);
  }
  // Early access: no PY yet, EA holds "JUN 2021" and EY the year.
  const early = ea ? wosDateParts(ea) : null;
  const ey = yearOf(text(entry, "EY")) ?? early?.year ?? null;
  if (ey !== null && ey >= 1000 && ey <= 9999) return formatDate(ey, early?.year === ey ? early.month : null, early?.year === ey ? early.day : null);
  return null;
}

function pages(entry: WosEntry): string | null {
  const bp = text(entry, "BP");
  const ep = text(entry, "EP");
  if (bp && ep) return bp === ep ? bp : `${bp}-${ep}`;
  return bp ?? text(entry, "AR") ?? text(entry, "PS") ?? ep;
}

function count(raw: string | null): number | null {
  if (!raw) return null;
  const t = raw.replace(/,/g, "").trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** MEDLINE-in-WoS MH: "Animals. Birds. *Climate Change" (or `;`-separated); "*" marks major topics. */
function meshTerms(entry: WosEntry): string[] {
  const t = text(entry, "MH");
  if (!t) return [];
  const parts = t.includes(";") ? t.split(";") : t.split(/\.\s+/);
  return uniq(parts.map((p) => p.replace(/\*/g, "").replace(/\.$/, "").trim()).filter((p) => p !== ""));
}

// ---------------------------------------------------------------------------------------------------------------
// The record

/** Builds a record from one WoS entry; null (with a warning) when the entry has nothing to identify a paper by. */
export function buildWosRecord(entry: WosEntry, file: string, format: ExportFormatId, diags: Diagnostics, ctx: WosContext): PaperRecord | null {
  const record = emptyRecord(file, entry.line, format);
  const title = text(entry, "TI");
  record.title = title ? cleanText(title) : null;
  const names = byline(entry, diags, ctx);
  record.authors = names.authors;
  record.groupAuthors = uniq(items(entry, "CA").map(cleanName).filter(Boolean));
  if (record.authors.length === 0 && record.groupAuthors.length === 0) {
    // A book's group author (GP) stands in only when there is no one else.
    record.groupAuthors = uniq(items(entry, "GP").map(cleanName).filter(Boolean));
  }
  record.authorsComplete = record.authors.length > 0 || record.groupAuthors.length > 0;

  const ut = text(entry, "UT");
  record.wosId = ut;
  record.doi = normalizeDoi(text(entry, "DI"));
  record.pmid = normalizePmid(text(entry, "PM")) ?? (ut && /^MEDLINE:\d+$/i.test(ut) ? normalizePmid(ut) : null);
  record.venue = text(entry, "SO") ?? text(entry, "SE");
  record.volume = text(entry, "VL");
  record.issue = text(entry, "IS");
  record.pages = pages(entry);
  record.date = wosDate(entry);
  record.publicationType = text(entry, "DT") ?? text(entry, "PT");
  const abstract = text(entry, "AB");
  record.abstract = abstract ? cleanText(abstract) : null;
  const currentContents = !!ut && /^CCC:/i.test(ut);
  record.keywords = keywordList(entry, "DE", currentContents);
  record.indexKeywords = keywordList(entry, "ID", currentContents);
  record.meshTerms = meshTerms(entry);
  record.citationCount = count(text(entry, "TC")) ?? count(text(entry, "Z9"));
  record.references = items(entry, "CR", false).map(referenceId);

  const affs = affiliations(entry, names.slots, ctx);
  const { orcid, ids } = authorIds(entry, names.slots, diags, ctx);
  const info: AuthorInfo[] = names.authors.map((_, i) => ({
    orcid: orcid[i] ?? null,
    ids: ids[i] ?? [],
    affiliations: affs[i] ?? [],
    alternateNames: names.alternates[i] ?? [],
  }));
  if (info.some((a) => a.orcid || a.ids.length || a.affiliations.length || a.alternateNames.length)) record.authorInfo = info;

  if (!record.title && record.authors.length === 0 && record.groupAuthors.length === 0 && !record.wosId && !record.doi && !record.pmid) {
    diags.warn(entry.line, "this record has no title, no authors and no identifier (UT, DI, PM); it is skipped");
    return null;
  }
  return record;
}
