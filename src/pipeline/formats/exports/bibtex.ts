/**
 * BibTeX and biblatex (.bib) reader: Zotero and Better BibTeX, JabRef, Google Scholar, dblp, Scopus, Web of Science,
 * ACM, IEEE Xplore and ScienceDirect exports, and hand-kept thesis bibliographies.
 *
 * Own parser rather than a library, after trying @retorquere/bibtex-parser 9.0.29 (Better BibTeX's own, the most
 * complete one on npm) on the fixtures and on scripts/formats/generate-bibtex.ts's 10,000 entries:
 * - size: it pulls unified-latex, nearley, moo and an English NLP model (wink-nlp) into the browser bundle (19 MB
 *   installed) for sentence casing we do not want;
 * - speed: 71 s of CPU and 390 MiB for the 10,000 entries (21.7 MB), against 1.6 s and 180 MiB (the whole process, generator included) here;
 * - lines: its entries carry no line numbers (only their raw input); its one error for an unclosed brace named a line
 *   at the end of the damage, not the entry;
 * - rules: it reads `and others` as a person named "others", and a missing comma after the key silently.
 * Recovery is what matters here (every entry a record or a diagnostic with its line, reading on at the next line that
 * starts an entry, braced corporate names kept apart), and the syntax is small: bibtex-syntax.ts is one linear pass,
 * bibtex-text.ts the value and name rules, this file the fields to a record.
 */
import type { AuthorInfo, PaperRecord } from "../../records";
import { Diagnostics, emptyRecord, type ReaderResult } from "../record";
import { normalizeArxivId, normalizeDoi, normalizeOrcid, normalizePmid } from "./ids";
import { parseBibtex, type RawEntry } from "./bibtex-syntax";
import { bibText, bibVerbatim, isOthers, isWholeBraced, looksLikeCommaList, personName, splitNameList, splitTopLevel, type PersonName } from "./bibtex-text";
import type { ExportReader } from "./types";

/** Entry types that describe a whole volume: without authors of their own they are not papers. */
const VOLUME_TYPES = new Set(["proceedings", "mvproceedings", "periodical"]);

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // German, French and Spanish spellings that differ in their first three letters.
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, fév: 2, fev: 2, avr: 4, jui: 6, aoû: 8, aou: 8, déc: 12,
  ene: 1, abr: 4, ago: 8, dic: 12,
};

/**
 * An entry start at a line start in the head: `@article{key,` / `@book(key,` / `@string{` / `@comment{`. A Markdown
 * `@mention`, an e-mail address or a code decorator (`@Component({`) is not one.
 */
const SNIFF = /(?:^|[\r\n])[ \t]*@[ \t]*(?:(?:string|comment|preamble)[ \t]*[{(]|[A-Za-z]+[ \t]*(?:\{[ \t]*[^,={}()"#%\r\n]*,|\([ \t]*[^\s,={}()"#%]+[ \t]*,|\{[ \t]*[^\s,={}()"#%]+[ \t]*(?:\r\n|\r|\n)[ \t]*[A-Za-z][\w-]*[ \t]*=))/i;

export const bibtexReader: ExportReader = {
  format: "bibtex",
  description: "a BibTeX file",
  sniff: (head) => SNIFF.test(head),
  read: readBibtex,
};

export function readBibtex(text: string, file: string): ReaderResult {
  const diag = new Diagnostics(file);
  const entries = parseBibtex(text, diag);
  const byKey = new Map<string, RawEntry>();
  for (const e of entries) if (e.key !== null && !byKey.has(e.key.toLowerCase())) byKey.set(e.key.toLowerCase(), e);
  const records: PaperRecord[] = [];
  for (const entry of entries) {
    const record = toRecord(entry, file, diag, byKey);
    if (record) records.push(record);
  }
  diag.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diag.list, profile: null, listingDate: null };
}

function labelOf(entry: RawEntry): string {
  return entry.key === null ? `@${entry.type} on line ${entry.line}` : `@${entry.type}{${entry.key}}`;
}

/** Field access with the crossref parent's value for the fields a child inherits. */
class Fields {
  constructor(private readonly entry: RawEntry, private readonly parent: RawEntry | null) {}

  raw(name: string): string | null {
    const v = this.entry.fields.get(name)?.value;
    return v !== undefined && v.trim() !== "" ? v : null;
  }

  inherited(name: string): string | null {
    const own = this.raw(name);
    if (own !== null || !this.parent) return own;
    const v = this.parent.fields.get(name)?.value;
    return v !== undefined && v.trim() !== "" ? v : null;
  }

  text(name: string): string | null {
    const v = this.raw(name);
    if (v === null) return null;
    const t = bibText(v);
    return t === "" ? null : t;
  }

  line(name: string): number {
    return this.entry.fields.get(name)?.line ?? this.entry.line;
  }

  /** The crossref parent's title, as the venue of a paper in a proceedings volume or a chapter in a book. */
  parentTitle(): string | null {
    if (!this.parent) return null;
    const v = this.parent.fields.get("booktitle")?.value ?? this.parent.fields.get("title")?.value ?? this.parent.fields.get("journaltitle")?.value ?? this.parent.fields.get("journal")?.value;
    return v !== undefined && v.trim() !== "" ? bibText(v) || null : null;
  }
}

function toRecord(entry: RawEntry, file: string, diag: Diagnostics, byKey: Map<string, RawEntry>): PaperRecord | null {
  const label = labelOf(entry);
  const crossref = entry.fields.get("crossref")?.value.trim();
  const parent = crossref ? byKey.get(bibVerbatim(crossref).toLowerCase()) ?? null : null;
  if (crossref && !parent) diag.warn(entry.fields.get("crossref")!.line, `${label}: its crossref "${crossref}" is not in this file; fields it would inherit are missing`);
  const f = new Fields(entry, parent);

  let title = f.text("title");
  const subtitle = f.text("subtitle");
  if (title && subtitle) title = `${title}: ${subtitle}`;
  const byline = readByline(f, label, diag);

  if (title === null && byline.authors.length === 0 && byline.groups.length === 0) {
    diag.error(entry.line, `${label} has neither a title nor authors: not read as a paper`);
    return null;
  }
  if (VOLUME_TYPES.has(entry.type) && byline.authors.length === 0 && byline.groups.length === 0) {
    diag.warn(entry.line, `${label} is a whole ${entry.type === "periodical" ? "journal issue" : "proceedings volume"} with no authors of its own, not a paper: not read as a record (papers that cross-reference it take its title as their venue)`);
    return null;
  }

  const record = emptyRecord(file, entry.line, "bibtex");
  record.title = title;
  record.authors = byline.authors.map((a) => a.display);
  record.authorsComplete = byline.present && !byline.cut;
  record.groupAuthors = byline.groups;
  record.publicationType = entry.type;
  record.date = readDate(f, label, diag);
  record.venue = readVenue(f);
  record.volume = f.text("volume") ?? (parent ? textOrNull(parent.fields.get("volume")?.value) : null);
  record.issue = f.text("number") ?? f.text("issue");
  record.pages = readPages(f);
  record.abstract = f.text("abstract");
  record.doi = readDoi(f);
  record.arxivId = readArxivId(f, record.doi);
  record.pmid = readPmid(f);
  readKeywords(f, record);
  readSourceIds(f, record);
  record.authorInfo = readAuthorInfo(f, byline);
  return record;
}

function textOrNull(v: string | undefined): string | null {
  if (v === undefined) return null;
  const t = bibText(v);
  return t === "" ? null : t;
}

interface Byline {
  /** An author field was present. */
  present: boolean;
  cut: boolean;
  authors: PersonName[];
  /** The raw name of each author, as printed ("Aleksic, Jovana"), parallel to `authors`. */
  printed: string[];
  /** Original byline position (1-based, group authors counted) of each author, for `author+an:orcid = {3=...}`. */
  positions: number[];
  groups: string[];
}

function readByline(f: Fields, label: string, diag: Diagnostics): Byline {
  const raw = f.raw("author");
  const byline: Byline = { present: raw !== null, cut: false, authors: [], printed: [], positions: [], groups: [] };
  if (raw === null) return byline;
  let names = splitNameList(raw);
  if (names.length === 1 && looksLikeCommaList(names[0]!)) {
    diag.warn(f.line("author"), `${label}: the authors are separated by commas, not by "and"; read as one name per comma`);
    names = splitTopLevel(names[0]!).filter(Boolean);
  }
  names.forEach((name, index) => {
    if (isOthers(name)) {
      byline.cut = true;
      return;
    }
    if (isWholeBraced(name)) {
      const group = bibText(name.slice(1, -1));
      if (group) byline.groups.push(group);
      return;
    }
    const person = personName(name);
    if (!person.display) return;
    byline.authors.push(person);
    byline.printed.push(name.replace(/\s+/g, " "));
    byline.positions.push(index + 1);
  });
  return byline;
}

/**
 * biblatex `date` (ISO 8601, ranges `2020-01/2020-03` and times allowed: the start, as precise as given) before BibTeX
 * `year` + `month` (+ `day`). Never invents a part that is not there.
 */
function readDate(f: Fields, label: string, diag: Diagnostics): string | null {
  const date = f.inherited("date");
  if (date !== null) {
    const parsed = isoStart(bibVerbatim(date));
    if (parsed) return parsed;
    diag.warn(f.line("date"), `${label}: the date "${bibVerbatim(date)}" is not a date read here (YYYY, YYYY-MM or YYYY-MM-DD, or a range of them)${f.raw("year") ? "; the year field is used" : ""}`);
  }
  const yearRaw = f.inherited("year");
  if (yearRaw === null) return null;
  const year = /(?<!\d)(\d{4})(?!\d)/.exec(bibVerbatim(yearRaw))?.[1];
  if (!year) {
    diag.warn(f.line("year"), `${label}: the year "${bibText(yearRaw)}" holds no four-digit year; the paper has no date`);
    return null;
  }
  const monthRaw = f.inherited("month");
  if (monthRaw === null) return year;
  const month = readMonth(bibText(monthRaw));
  if (!month) {
    diag.warn(f.line("month"), `${label}: the month "${bibText(monthRaw)}" is not a month; the date is the year only`);
    return year;
  }
  const day = month.day ?? readDay(f.raw("day"));
  const mm = String(month.month).padStart(2, "0");
  if (day !== null && day <= daysIn(Number(year), month.month)) return `${year}-${mm}-${String(day).padStart(2, "0")}`;
  return `${year}-${mm}`;
}

function isoStart(s: string): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?![\d])/.exec(s);
  if (!m || !m[1]) return null;
  const month = m[2] ? Number(m[2]) : 0;
  if (month < 1 || month > 12) return m[1];
  const mm = String(month).padStart(2, "0");
  const day = m[3] ? Number(m[3]) : 0;
  if (day < 1 || day > daysIn(Number(m[1]), month)) return `${m[1]}-${mm}`;
  return `${m[1]}-${mm}-${String(day).padStart(2, "0")}`;
}

/** "January", "jan", "Jan.", "1", "FEB 8" (Web of Science: month and day), "jul--aug" (the first). */
function readMonth(s: string): { month: number; day: number | null } | null {
  const numeric = /^\s*(\d{1,2})(?!\d)/.exec(s);
  if (numeric) {
    const month = Number(numeric[1]);
    return month >= 1 && month <= 12 ? { month, day: null } : null;
  }
  const named = /^\s*(\p{L}{3})\p{L}*\.?(?:\s+(\d{1,2})(?!\d))?/u.exec(s);
  if (!named || !named[1]) return null;
  const month = MONTHS[named[1].toLowerCase()];
  if (!month) return null;
  return { month, day: named[2] ? Number(named[2]) : null };
}

function readDay(raw: string | null): number | null {
  if (raw === null) return null;
  const m = /^\s*(\d{1,2})\s*$/.exec(bibVerbatim(raw));
  return m ? Number(m[1]) : null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * biblatex `journaltitle`, BibTeX `journal`, `booktitle` (proceedings, book chapters), the crossref parent's title.
 * Google Scholar's per-paper "arXiv preprint arXiv:2301.00001" is the venue "arXiv".
 */
function readVenue(f: Fields): string | null {
  const venue = f.text("journaltitle") ?? f.text("journal") ?? f.text("booktitle") ?? f.text("eventtitle") ?? f.parentTitle();
  if (venue && /^arxiv\b(?:\s+(?:preprint|e-?prints?)\b)?/i.test(venue) && /\d{4}\.\d{4,5}|[a-z-]+\/\d{7}/i.test(venue)) return "arXiv";
  return venue;
}

/** `123--130` -> "123-130", Scopus's `17114 – 17136` -> "17114-17136"; an article number where there are no pages. */
function readPages(f: Fields): string | null {
  const pages = f.text("pages");
  if (pages) return pages.replace(/\s*[-‐‑‒–—]+\s*/g, "-");
  const eid = f.text("eid");
  return f.text("articleno") ?? f.text("article-number") ?? (eid && !/^2-s2\.0-/.test(eid) ? eid : null);
}

function readDoi(f: Fields): string | null {
  const doi = f.raw("doi");
  if (doi !== null) {
    const d = normalizeDoi(bibVerbatim(doi));
    if (d) return d;
  }
  for (const name of ["url", "howpublished", "note"]) {
    const v = f.raw(name);
    if (v === null) continue;
    const url = /(?:https?:\/\/)?(?:dx\.)?doi\.org\/\S+/i.exec(bibVerbatim(v));
    if (url) {
      const d = normalizeDoi(url[0]);
      if (d) return d;
    }
  }
  return null;
}

/**
 * `eprint` with `archiveprefix = {arXiv}` or `eprinttype = {arxiv}` (or an eprint that is an arXiv id and no other
 * eprint type), an arxiv.org URL, dblp's CoRR volume `abs/2301.00001`, Google Scholar's journal "arXiv preprint
 * arXiv:2301.00001", Zotero's note "arXiv:2208.00208 [cs]", or an arXiv DOI (10.48550/arXiv.2208.00208).
 */
function readArxivId(f: Fields, doi: string | null): string | null {
  const eprint = f.raw("eprint");
  const kind = (f.raw("archiveprefix") ?? f.raw("eprinttype") ?? "").replace(/[{}\s]/g, "").toLowerCase();
  if (eprint !== null && (kind === "arxiv" || kind === "")) {
    const id = normalizeArxivId(bibVerbatim(eprint));
    if (id && (kind === "arxiv" || /^(?:arxiv:)?(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i.test(bibVerbatim(eprint)))) return id;
  }
  for (const name of ["url", "eprint", "howpublished"]) {
    const v = f.raw(name);
    const m = v === null ? null : /arxiv\.org\/(?:abs|pdf|html)\/(\S+)/i.exec(bibVerbatim(v));
    if (m && m[1]) {
      const id = normalizeArxivId(m[1]);
      if (id) return id;
    }
  }
  const journal = f.raw("journal") ?? f.raw("journaltitle");
  const volume = f.raw("volume");
  if (journal !== null && /^\s*\{?corr\}?\s*$/i.test(journal) && volume !== null) {
    const m = /^\s*abs\/(.+)$/i.exec(bibVerbatim(volume));
    if (m && m[1]) return normalizeArxivId(m[1]);
  }
  for (const name of ["journal", "journaltitle", "note", "howpublished", "number"]) {
    const v = f.raw(name);
    const m = v === null ? null : /arxiv\s*:?\s*((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?)/i.exec(bibVerbatim(v));
    if (m && m[1]) return normalizeArxivId(m[1]);
  }
  const arxivDoi = doi ? /^10\.48550\/arxiv\.(.+)$/.exec(doi) : null;
  return arxivDoi && arxivDoi[1] ? normalizeArxivId(arxivDoi[1]) : null;
}

function readPmid(f: Fields): string | null {
  const pmid = f.raw("pmid");
  if (pmid !== null) return normalizePmid(bibVerbatim(pmid));
  const kind = (f.raw("eprinttype") ?? "").replace(/[{}\s]/g, "").toLowerCase();
  const eprint = f.raw("eprint");
  return kind === "pubmed" && eprint !== null ? normalizePmid(bibVerbatim(eprint)) : null;
}

/**
 * `keywords` split on `;` when it holds one (Scopus, Web of Science: keywords with commas inside), else on `,`.
 * Scopus writes author keywords as `author_keywords` and its index terms as `keywords`; Web of Science writes
 * Keywords Plus as `keywords-plus`.
 */
function readKeywords(f: Fields, record: PaperRecord): void {
  const authorKeywords = f.raw("author_keywords");
  if (authorKeywords !== null) {
    record.keywords = splitKeywords(authorKeywords);
    record.indexKeywords = splitKeywords(f.raw("keywords"));
  } else {
    record.keywords = splitKeywords(f.raw("keywords"));
    record.indexKeywords = splitKeywords(f.raw("keywords-plus"));
  }
}

function splitKeywords(raw: string | null): string[] {
  if (raw === null) return [];
  const separator = raw.includes(";") ? ";" : ",";
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of splitTopLevel(raw, separator)) {
    const k = bibText(part);
    if (k && !seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  }
  return out;
}

/** Web of Science `Unique-ID = {WOS:...}` and `Times-Cited`, Scopus's EID in its URL and "Cited by: N" note. */
function readSourceIds(f: Fields, record: PaperRecord): void {
  const unique = f.raw("unique-id");
  if (unique !== null && /^\s*(?:WOS|ISI):\S+\s*$/i.test(bibVerbatim(unique))) record.wosId = bibVerbatim(unique);
  const eid = f.raw("eid");
  const url = f.raw("url");
  const scopus = (eid !== null ? /^\s*(2-s2\.0-\d+)\s*$/.exec(bibVerbatim(eid)) : null) ?? (url !== null ? /[?&]eid=(2-s2\.0-\d+)/.exec(bibVerbatim(url)) : null);
  if (scopus && scopus[1]) record.scopusId = scopus[1];
  const cited = f.raw("times-cited");
  const note = f.raw("note");
  const count = (cited !== null ? /^\s*(\d+)\s*$/.exec(bibVerbatim(cited)) : null) ?? (note !== null ? /^\s*Cited by:\s*(\d+)/i.exec(bibVerbatim(note)) : null);
  if (count && count[1]) record.citationCount = Number(count[1]);
  const references = f.raw("cited-references");
  if (references !== null) {
    record.references = references.split(/\r\n|\r|\n/).map((r) => bibText(r)).filter((r) => r !== "");
  }
}

/**
 * ORCID iDs, ResearcherIDs and affiliations per author, where the file gives them:
 * - biblatex data annotations `author+an:orcid = {1=0000-...; 3=...}` (by byline position);
 * - Web of Science and MTMT `ORCID-Numbers = {Surname, Given/0000-...; ...}` and `ResearcherID-Numbers` (by name);
 * - `orcid = {...}` on a single-author paper;
 * - Web of Science `Affiliation = {Surname, Given, Address.\n ...}` (by the name as printed in `author`).
 * Empty when none of it is there; otherwise parallel to the authors.
 */
function readAuthorInfo(f: Fields, byline: Byline): AuthorInfo[] {
  const n = byline.authors.length;
  if (n === 0) return [];
  const info: AuthorInfo[] = byline.authors.map(() => ({ orcid: null, ids: [], affiliations: [], alternateNames: [] }));
  let any = false;

  const annotated = f.raw("author+an:orcid");
  if (annotated !== null) {
    for (const m of bibVerbatim(annotated).matchAll(/(\d+)\s*=\s*"?([^";]*)"?/g)) {
      const at = byline.positions.indexOf(Number(m[1]));
      const orcid = normalizeOrcid(m[2]);
      if (at >= 0 && orcid && info[at]) {
        info[at].orcid = orcid;
        any = true;
      }
    }
  }
  const byName = (raw: string | null, apply: (slot: AuthorInfo, id: string) => boolean) => {
    if (raw === null) return;
    for (const item of raw.split(/[;\r\n]+/)) {
      const m = /^(.+?)\s*\/\s*(\S+)$/.exec(bibText(item, false));
      if (!m || !m[1] || !m[2]) continue;
      const at = matchAuthor(byline.authors, m[1]);
      if (at >= 0 && info[at] && apply(info[at], m[2])) any = true;
    }
  };
  byName(f.raw("orcid-numbers"), (slot, id) => {
    const orcid = normalizeOrcid(id);
    if (!orcid || slot.orcid) return false;
    slot.orcid = orcid;
    return true;
  });
  byName(f.raw("researcherid-numbers"), (slot, id) => {
    if (!/^[A-Z]{1,3}-\d{4}-\d{4}$/i.test(id)) return false;
    slot.ids.push(`wos-rid:${id.toUpperCase()}`);
    return true;
  });
  const single = f.raw("orcid");
  if (single !== null) {
    if (/\//.test(single) && !/orcid\.org\//i.test(single)) {
      byName(single, (slot, id) => {
        const orcid = normalizeOrcid(id);
        if (!orcid || slot.orcid) return false;
        slot.orcid = orcid;
        return true;
      });
    } else if (n === 1 && info[0] && !info[0].orcid) {
      const orcid = normalizeOrcid(bibVerbatim(single));
      if (orcid) {
        info[0].orcid = orcid;
        any = true;
      }
    }
  }
  const affiliation = f.raw("affiliation");
  if (affiliation !== null) {
    const pieces = affiliation.split(/\.\s*(?:\r\n|\r|\n)\s*/).map((p) => p.replace(/\s+/g, " ").trim().replace(/\.$/, ""));
    byline.printed.forEach((printed, at) => {
      const prefix = `${printed}, `;
      for (const piece of pieces) {
        if (!piece.startsWith(prefix)) continue;
        const place = bibText(piece.slice(prefix.length));
        if (place && info[at] && !info[at].affiliations.includes(place)) {
          info[at].affiliations.push(place);
          any = true;
        }
      }
    });
  }
  return any ? info : [];
}

/** Folds a name for matching: accents and case removed, words sorted (Web of Science sometimes swaps the parts). */
function nameTokens(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).sort().join(" ");
}

/** The one author whose name folds to the same words as `name` ("Surname, Given"), else -1. */
function matchAuthor(authors: PersonName[], name: string): number {
  const want = nameTokens(name);
  let found = -1;
  for (let i = 0; i < authors.length; i++) {
    const a = authors[i]!;
    if (nameTokens(`${a.family} ${a.given}`) === want) {
      if (found >= 0) return -1;
      found = i;
    }
  }
  return found;
}
