/**
 * Scopus CSV export. The column layout changed over the years; columns are found by name, so any subset works:
 *
 * - until ~2020: `Authors` "Yagai T., Kimura Y." (`, ` between authors), `Author(s) ID` or `Author Ids`
 *   "57202138757;7402220509;" (trailing `;`), `Authors with affiliations` "Yagai, T., Sophia University, ...; ...".
 * - ~2021-2022: `Authors` "Gatica, G.N., Sequeira, F.A." (surname and initials comma-separated as well).
 * - 2023 on: every cell quoted; `Authors` "Liu F.; Li C." (or "Tingley, M.W.; Stillman, A.N."), `Author full names`
 *   "Liu, Fengyuan (60410297700); ...", `Author(s) ID` "60410297700; 58862216200", `Authors with affiliations`
 *   "Liu F., Department ...; Li C., ...", References "A B.; C D., Title, Journal, 5, pp. 1-2, (2017); ...".
 *
 * `[No author name available]` means no authors. Titles and keywords carry `<inf>`/`<sup>` markup. A file re-saved by a
 * spreadsheet may use `;` or tabs between cells; the header tells which.
 */
import type { AuthorInfo, PaperRecord } from "../../records";
import { Diagnostics, emptyRecord, type ReaderResult } from "../record";
import { cleanText, collapse } from "../text";
import { headerCells, physicalLines, readCsvRows, type Delimiter } from "./delimited";
import { normalizeDoi, normalizePmid } from "./ids";
import { invertedName, joinName, surnameInitialsName } from "./names";
import type { ExportReader } from "./types";
import { referenceId } from "./wos-record";

export const scopusCsvReader: ExportReader = {
  format: "scopus-csv",
  description: "a Scopus CSV export",
  sniff: sniffScopus,
  read: readScopus,
};

const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

interface Columns {
  delimiter: Delimiter;
  names: string[];
  index: Map<string, number>;
}

function isScopusHeader(names: readonly string[]): boolean {
  const set = new Set(names.map((n) => n.toLowerCase()));
  return set.has("title") && (set.has("authors") || set.has("author full names")) && (set.has("eid") || set.has("source title"));
}

function scopusColumns(line: string): Columns | null {
  const clean = line.replace(/^\uFEFF/, "");
  for (const delimiter of DELIMITERS) {
    if (!clean.includes(delimiter)) continue;
    const names = headerCells(clean, delimiter);
    if (!isScopusHeader(names)) continue;
    const index = new Map<string, number>();
    names.forEach((n, i) => {
      const key = n.toLowerCase();
      if (!index.has(key)) index.set(key, i);
    });
    return { delimiter, names, index };
  }
  return null;
}

function firstLineIndex(lines: readonly string[]): number {
  return lines.findIndex((l) => l.replace(/^\uFEFF/, "").trim() !== "");
}

export function sniffScopus(head: string): boolean {
  const lines = head.split(/\r\n|\r|\n/, 5);
  const i = firstLineIndex(lines);
  return i >= 0 && scopusColumns(lines[i]!) !== null;
}

// ---------------------------------------------------------------------------------------------------------------
// Authors

/** "<inf>2</inf>" and friends: the text without the tags (so "YBa<inf>2</inf>Cu" matches WoS's "YBa2Cu"). */
function stripMarkup(s: string): string {
  return s.replace(/<\/?(?:inf|sup|sub|i|b|em|strong|sc)>/gi, "");
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;
const INITIALS = /^(?:(?:\p{Lu}\p{Ll}?\.[\s-]*)+|\p{Lu}{1,3})$/u;

interface ShortName {
  display: string;
  /** Printed forms that may open this author's "Authors with affiliations" entry. */
  forms: string[];
}

/** Per-file memo of display names: people recur across the rows of an export. */
export type NameMemo = Map<string, string>;

function memo(cache: NameMemo, key: string, make: () => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

function shortName(surname: string, initials: string, suffix: string | null, cache: NameMemo): ShortName {
  const display = memo(cache, `${surname}\u0000${initials}\u0000${suffix ?? ""}`, () => joinName(initials, surname, suffix));
  const sfx = suffix ? `, ${suffix}` : "";
  return { display, forms: [`${surname} ${initials}${sfx}`, `${surname}, ${initials}${sfx}`] };
}

/** One printed name without a comma between surname and initials ("Tingley M.W.", "Janko Wolfgang"). */
function spacedName(raw: string, suffix: string | null, cache: NameMemo): ShortName {
  const m = /^(.+?)\s+((?:\p{Lu}\p{Ll}?\.?[\s-]?){1,4})$/u.exec(raw);
  if (m && m[1] && m[2] && INITIALS.test(m[2].trim())) return shortName(m[1], m[2].trim(), suffix, cache);
  const display = memo(cache, raw, () => surnameInitialsName(raw)) + (suffix ? ` ${suffix}` : "");
  // "Janko Wolfgang" opens its affiliation entry as "Janko, Wolfgang".
  return { display, forms: [raw, raw.replace(" ", ", ")] };
}

/** The `Authors` cell in any of its layouts; [] for "[No author name available]". */
export function splitScopusAuthors(cell: string, cache: NameMemo = new Map()): ShortName[] {
  const t = collapse(cell);
  if (t === "" || /^\[no author name available\]$/i.test(t)) return [];
  if (t.includes(";")) {
    return t.split(";").map((p) => p.trim()).filter(Boolean).map((p) => {
      const parts = p.split(",").map((x) => x.trim()).filter(Boolean);
      // "Barrow W.C., Jr." and "Barrow, W.C., Jr.": the suffix is a comma piece of its own.
      const suffix = parts.length >= 2 && SUFFIX.test(parts[parts.length - 1]!) ? parts.pop()! : null;
      if (parts.length === 1) return spacedName(parts[0]!, suffix, cache);
      return shortName(parts[0]!, parts.slice(1).join(" "), suffix, cache);
    });
  }
  // Comma-separated: "Yagai T., Kimura Y." or "Gatica, G.N., Sequeira, F.A."; "Jr." is a piece of its own.
  const units: { text: string; suffix: string | null }[] = [];
  for (const piece of t.split(",").map((p) => p.trim()).filter(Boolean)) {
    const last = units[units.length - 1];
    if (SUFFIX.test(piece) && last) last.suffix = piece;
    else units.push({ text: piece, suffix: null });
  }
  const paired = units.length >= 2 && units.length % 2 === 0
    && units.every((u, i) => (i % 2 === 1) === INITIALS.test(u.text));
  if (paired) {
    const out: ShortName[] = [];
    for (let i = 0; i < units.length; i += 2) out.push(shortName(units[i]!.text, units[i + 1]!.text, units[i + 1]!.suffix ?? units[i]!.suffix, cache));
    return out;
  }
  return units.map((u) => spacedName(u.text, u.suffix, cache));
}

interface FullName {
  display: string;
  printed: string;
  id: string | null;
}

/** `Author full names`: "Liu, Fengyuan (60410297700); Li, Chunyun (58862216200)". */
function splitFullNames(cell: string, cache: NameMemo): FullName[] {
  const t = collapse(cell);
  if (t === "" || /^\[no author name available\]$/i.test(t)) return [];
  return t.split(";").map((p) => p.trim()).filter(Boolean).map((p) => {
    const m = /^(.*?)\s*\((\d+)\)$/.exec(p);
    const printed = m ? m[1]! : p;
    return { display: memo(cache, `\u0001${printed}`, () => invertedName(printed)), printed, id: m ? m[2]! : null };
  });
}

function authorIdList(cell: string): string[] {
  return cell.split(";").map((p) => p.trim()).filter((p) => /^\d+$/.test(p));
}

/** Splits "Authors with affiliations" entries among the authors by the name each entry starts with. */
function affiliationsByAuthor(cell: string, forms: string[][]): string[][] {
  const per: string[][] = forms.map(() => []);
  let cursor = 0;
  for (const entry of cell.split(";").map((e) => collapse(e)).filter(Boolean)) {
    // Entries follow the byline; start looking at the expected author so that two "Wang Y." stay apart.
    for (let k = 0; k < forms.length; k++) {
      const i = (cursor + k) % forms.length;
      const form = forms[i]!.find((f) => f !== "" && entry.startsWith(`${f},`));
      if (form === undefined) continue;
      const affiliation = entry.slice(form.length + 1).trim();
      if (affiliation !== "" && !per[i]!.includes(affiliation)) per[i]!.push(affiliation);
      cursor = i + 1;
      break;
    }
  }
  return per;
}

// ---------------------------------------------------------------------------------------------------------------
// Other cells

function splitKeywords(cell: string): string[] {
  return [...new Set(cell.split(";").map((k) => collapse(stripMarkup(k))).filter(Boolean))];
}

/** Newer exports end every reference with "(YYYY)" and use `;` inside references too: split after the year there. */
function splitReferences(cell: string): string[] {
  const t = cell.trim();
  if (t === "") return [];
  // (A marker character rather than a look-behind split: the look-behind is tried at every position of long cells.)
  const parts = /\(\d{4}\)$/.test(t) ? t.replace(/(\(\d{4}\))\s*;\s*/g, "$1\u0000").split("\u0000") : t.split(/;\s+/);
  return parts.map((r) => collapse(r)).filter(Boolean).map(referenceId);
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Scopus names as many "Funding Text N" columns as the first rows need, yet later rows may carry more funding texts
 * (seen in litstudy's test export: header "Funding Text 1", rows with two). Such a row is wider than the header by
 * the extra texts, which sit right after the last named one: they are dropped and the columns after them re-aligned.
 */
function fundingTextWidener(names: readonly string[]): ((cells: string[]) => string[] | null) | undefined {
  let last = -1;
  names.forEach((n, i) => {
    if (/^funding text/i.test(n)) last = i;
  });
  if (last < 0) return undefined;
  return (cells) => {
    const extra = cells.length - names.length;
    if (extra <= 0 || extra > 8) return null;
    return [...cells.slice(0, last + 1), ...cells.slice(last + 1 + extra)];
  };
}

export function readScopus(text: string, file: string): ReaderResult {
  const diags = new Diagnostics(file);
  const records: PaperRecord[] = [];
  const lines = physicalLines(text);
  const h = firstLineIndex(lines);
  const columns = h >= 0 ? scopusColumns(lines[h]!) : null;
  if (!columns) {
    diags.error(h >= 0 ? h + 1 : 1, 'no Scopus CSV header (a first line naming the columns "Authors", "Title", "Source title", "EID", ...)');
    return { records, diagnostics: diags.list, profile: null, listingDate: null };
  }
  // Tabs only come from a spreadsheet's "Unicode text" re-save, which quotes cells like CSV does.
  const { rows, problems } = readCsvRows(lines, h + 1, columns.delimiter, columns.names.length, { widen: fundingTextWidener(columns.names) });
  for (const p of problems) (p.severity === "warning" ? diags.warn : diags.error).call(diags, p.line, p.message);
  const names: NameMemo = new Map();
  for (const row of rows) {
    const record = scopusRecord(row.cells, row.line, columns, file, diags, names);
    if (record) records.push(record);
  }
  if (records.length === 0 && diags.list.length === 0) diags.warn(h + 1, "a Scopus CSV header but no rows");
  diags.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diags.list, profile: null, listingDate: null };
}

function scopusRecord(cells: string[], line: number, columns: Columns, file: string, diags: Diagnostics, names: NameMemo): PaperRecord | null {
  const col = (...names: string[]): string => {
    for (const n of names) {
      const i = columns.index.get(n);
      if (i !== undefined) return (cells[i] ?? "").trim();
    }
    return "";
  };
  const record = emptyRecord(file, line, "scopus-csv");
  const title = collapse(stripMarkup(col("title", "titles")));
  record.title = title ? cleanText(title) : null;

  const full = splitFullNames(col("author full names"), names);
  const short = splitScopusAuthors(col("authors", "author names"), names);
  const idList = authorIdList(col("author(s) id", "author ids", "author(s) ids"));
  const n = full.length > 0 ? full.length : short.length;
  const parallel = full.length > 0 && short.length === full.length;
  record.authors = full.length > 0 ? full.map((f) => f.display) : short.map((s) => s.display);
  record.authorsComplete = n > 0;
  if (idList.length > 0 && idList.length !== n && !full.some((f) => f.id)) {
    diags.warn(line, `Author(s) ID lists ${idList.length} ids for ${n} authors; the ids are not used`);
  }
  const forms = record.authors.map((display, i) => {
    const list = [display];
    if (full.length === 0 || parallel) list.push(...(short[i]?.forms ?? []));
    if (full[i]) list.push(full[i]!.printed);
    return list;
  });
  let affiliations = affiliationsByAuthor(col("authors with affiliations"), forms);
  if (n === 1 && affiliations[0]!.length === 0) {
    affiliations = [col("affiliations").split(";").map((a) => collapse(a)).filter(Boolean)];
  }
  const info: AuthorInfo[] = record.authors.map((display, i) => {
    const id = full[i]?.id ?? (idList.length === n ? idList[i]! : null);
    const alt = parallel ? short[i]!.display : "";
    return {
      orcid: null,
      ids: id ? [`scopus:${id}`] : [],
      affiliations: affiliations[i] ?? [],
      alternateNames: alt && alt !== display ? [alt] : [],
    };
  });
  if (info.some((a) => a.ids.length || a.affiliations.length || a.alternateNames.length)) record.authorInfo = info;

  const year = col("year", "publication year");
  if (/^\d{4}$/.test(year)) record.date = year;
  else if (year !== "") diags.warn(line, `Year "${year}" is not a year; the date is left empty`);
  record.venue = collapse(stripMarkup(col("source title"))) || null;
  record.volume = col("volume") || null;
  record.issue = col("issue") || null;
  const start = col("page start");
  const end = col("page end");
  record.pages = start && end ? (start === end ? start : `${start}-${end}`) : start || col("art. no.") || null;
  const cited = col("cited by").replace(/,/g, "");
  record.citationCount = /^\d+$/.test(cited) ? Number(cited) : null;
  record.doi = normalizeDoi(col("doi"));
  const eid = col("eid") || (/[?&]eid=(2-s2\.0-\d+)/.exec(col("link"))?.[1] ?? "");
  record.scopusId = eid || null;
  record.pmid = normalizePmid(col("pubmed id"));
  record.publicationType = col("document type") || null;
  const abstract = col("abstract");
  record.abstract = abstract && !/^\[no abstract available\]$/i.test(abstract) ? cleanText(stripMarkup(abstract)) : null;
  record.keywords = splitKeywords(col("author keywords"));
  record.indexKeywords = splitKeywords(col("index keywords", "indexed keywords"));
  record.references = splitReferences(col("references"));

  if (!record.title && record.authors.length === 0 && !record.scopusId && !record.doi) {
    diags.warn(line, "this row has no title, no authors and no identifier (EID, DOI); it is skipped");
    return null;
  }
  return record;
}

