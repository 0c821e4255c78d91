/**
 * RIS reader (`TY  - JOUR` … `ER  - `), in the dialects real exporters write: Scopus, Web of Science, Ovid (ERIC,
 * PsycInfo, MEDLINE), EBSCO, IEEE Xplore, Cochrane, Zotero, EndNote, Mendeley, RefWorks, Rayyan, OpenAlex, Lens,
 * Google Scholar and publisher sites. The reading happens in two steps: `scanRis` cuts the text into records of tagged
 * fields (continuation lines joined, every stray line diagnosed), `toPaperRecord` interprets one record's fields.
 *
 * What the dialects differ in, and how it is read:
 * - Tag lines are `XX  - value` (two spaces), or `XX - value` (one space: EndNote, some Zotero imports), or
 *   `XX  -  value` (Cochrane). A record whose TY line has two spaces takes only two-space tag lines as tags, so a
 *   wrapped abstract line such as "T1 - weighted images …" stays text there.
 * - A line without a tag continues the field above it. In list fields (authors, keywords, links, notes, DB, SN) an
 *   unindented continuation line is another value (EndNote writes `KW  - article` and then one keyword per line);
 *   an indented one (WoS wraps with three spaces) and every continuation of a text field is the same value, joined
 *   with a space. Blank lines inside a record are skipped (Zotero exports notes with blank lines).
 * - Outside records, blank lines, Ovid's record numbers (`6. `) and the envelope some providers write before each
 *   record (`Record #3 of 18`, `Provider: …`, `Database: …`, `Content: text/plain; charset="UTF-8"`) carry nothing
 *   and are skipped; any other text there is reported, once per stretch between two records.
 * - Tags are upper case: no exporter we found writes lower-case tags, and accepting them would turn abstract lines
 *   such as "ab - initio" into fields. Unknown tags (two characters, a letter then a letter or digit) are ignored.
 * - The RIS spec's line splitting with a trailing "/" (RefDB, long obsolete) is not undone.
 */
import type { PaperRecord } from "../../records";
import { Diagnostics, emptyRecord, type ReaderResult } from "../record";
import { cleanName, cleanText, collapse, excerpt } from "../text";
import { normalizeArxivId, normalizeDoi, normalizeOrcid } from "./ids";
import { surnameInitialsName } from "./names";
import { isEtAl, isOrganisationName } from "../organisations";
import {
  chooseDate, citationCountFromNote, doiFromLink, isAnonymous, pmidFromLink, scopusIdFromLink,
  standaloneDoi,
} from "./ris-fields";
import type { ExportReader } from "./types";

/** One tag occurrence with its value(s): `values[0]` is the text on the tag line, list fields may hold more. */
export interface RisField {
  tag: string;
  line: number;
  values: string[];
}

export interface RisRecord {
  /** Line of the TY line (or of the first tag line of a record that has none). */
  line: number;
  fields: RisField[];
}

// "XX  - value", "XX - value", "XX  -  value", "ER  -": a letter, a letter or digit, one or two spaces, a dash.
// Greedy value, trimmed afterwards: a lazy one followed by "[ \t]*$" backtracks quadratically on long abstracts.
// The "s" flag: U+2028 inside a value (seen in Zotero's test data) is text, not a line end.
const TAG_LINE = /^([A-Z][A-Z0-9])( {1,2})-(?:[ \t](.*))?$/s;
const BARE_NUMBER = /^\d+\.?$/;
const ENVELOPE = /^(?:Record #\d+ of \d+|Provider:.*|Database:.*|Content: ?text\/plain.*)$/i;
/** Fields whose unindented continuation lines are further values rather than wrapped text. */
const LIST_TAGS = new Set(["AU", "A1", "A2", "A3", "A4", "ED", "KW", "DB", "SN", "UR", "L1", "L2", "L3", "L4", "N1", "M3", "C1", "AD"]);

interface TagLine {
  tag: string;
  spaces: number;
  value: string;
}

function parseTagLine(raw: string): TagLine | null {
  if (raw.length < 4 || raw.charCodeAt(2) !== 32) return null; // fast reject: most continuation lines
  const m = TAG_LINE.exec(raw);
  if (!m) return null;
  return { tag: m[1]!, spaces: m[2]!.length, value: (m[3] ?? "").trim() };
}

/** `ER` closes a record; some writers print it without the dash. */
function isEndLine(raw: string): boolean {
  return /^ER\s*$/.test(raw);
}

/**
 * The lines of a text, split on \r\n, \r and \n (CRLF, LF, CR and mixed files read alike) without building an array
 * of all lines: a large export's lines become garbage as soon as they are read. A final line end adds no empty line.
 */
class LineCursor {
  /** 1-based number of the line last returned. */
  no = 0;
  private pos = 0;
  private nl = -2; // next "\n" at or after pos; -1 none left; -2 not looked up yet
  private cr = -2;
  private done = false;
  constructor(private readonly text: string) {}

  next(): string | null {
    if (this.done) return null;
    const t = this.text;
    const p = this.pos;
    if (this.nl !== -1 && this.nl < p) this.nl = t.indexOf("\n", p);
    if (this.cr !== -1 && this.cr < p) this.cr = t.indexOf("\r", p);
    const end = this.nl < 0 ? this.cr : this.cr < 0 ? this.nl : Math.min(this.nl, this.cr);
    if (end < 0) {
      this.done = true;
      if (p === t.length && this.no > 0) return null;
      this.no++;
      return stripBom(t.slice(p));
    }
    this.pos = t.charCodeAt(end) === 13 && t.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    this.no++;
    return stripBom(t.slice(p, end));
  }

  /** The next line that is not blank, without moving on. */
  peekNonBlank(): string | null {
    const saved = { no: this.no, pos: this.pos, nl: this.nl, cr: this.cr, done: this.done };
    let line = this.next();
    while (line !== null && line.trim() === "") line = this.next();
    Object.assign(this, saved);
    return line;
  }
}

/** A BOM at a line start (two exports concatenated) is dropped. */
function stripBom(line: string): string {
  return line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}

/**
 * Cuts a RIS text into records, handing each to `onRecord` as it closes. Never throws; every line is part of a
 * record, skipped as carrying nothing (blank, Ovid numbers, provider envelopes) or reported.
 */
export function scanRis(text: string, diag: Diagnostics, onRecord: (record: RisRecord) => void): void {
  const cursor = new LineCursor(text);
  let current: RisRecord | null = null;
  let field: RisField | null = null;
  let strict = false;
  let outside: { line: number; last: number; text: string; count: number } | null = null;

  const flushOutside = () => {
    if (!outside) return;
    const more = outside.count > 1 ? ` (and ${outside.count - 1} more line${outside.count > 2 ? "s" : ""} up to line ${outside.last})` : "";
    diag.warn(outside.line, `text outside any RIS record was ignored: "${excerpt(outside.text)}"${more}; a record starts with a "TY  - " line and ends with "ER  - "`);
    outside = null;
  };
  const close = () => {
    if (current) onRecord(current);
    current = null;
    field = null;
  };

  for (let raw = cursor.next(); raw !== null; raw = cursor.next()) {
    const no = cursor.no;
    const tag = parseTagLine(raw);
    const accepted: TagLine | null = tag && (!current || !strict || tag.spaces === 2 || tag.tag === "TY") ? tag : null;
    if (accepted?.tag === "TY") {
      flushOutside();
      if (current) {
        diag.warn(no, `the record that starts on line ${(current as RisRecord).line} has no end line ("ER  - ") before this new record; both records were read`);
        close();
      }
      current = { line: no, fields: [{ tag: "TY", line: no, values: [accepted.value] }] };
      strict = accepted.spaces === 2;
      field = null; // the type takes no continuation lines
      continue;
    }
    if (accepted?.tag === "ER" || (current && isEndLine(raw))) {
      if (current) close();
      else {
        flushOutside();
        diag.warn(no, 'an end-of-record line ("ER  - ") with no record before it was ignored');
      }
      continue;
    }
    if (accepted) {
      if (!current) {
        flushOutside();
        diag.warn(no, `a record without a "TY  - " line starts here ("${excerpt(raw, 40)}"); it was read as a record of unknown type`);
        current = { line: no, fields: [] };
        strict = false;
      }
      field = { tag: accepted.tag, line: no, values: [accepted.value] };
      current.fields.push(field);
      continue;
    }
    const trimmed = raw.trim();
    if (current) {
      if (trimmed === "") continue;
      // Ovid numbers each record ("47. "): inside a record whose ER is missing, it belongs to the next record.
      if (BARE_NUMBER.test(trimmed)) {
        const next = cursor.peekNonBlank();
        if (next !== null && parseTagLine(next)?.tag === "TY") continue;
      }
      if (field) appendContinuation(field, raw, trimmed);
      else diag.warn(no, `this line is not a RIS tag line (such as "AU  - Surname, Given") and follows the TY line, so it belongs to no field: "${excerpt(trimmed)}"`);
      continue;
    }
    if (trimmed === "" || BARE_NUMBER.test(trimmed) || ENVELOPE.test(trimmed)) continue;
    if (outside) {
      outside.count++;
      outside.last = no;
    } else {
      outside = { line: no, last: no, text: trimmed, count: 1 };
    }
  }
  flushOutside();
  if (current) {
    diag.warn((current as RisRecord).line, 'the file ends inside this record (no closing "ER  - " line): it may have been cut short; the record was read as far as it goes');
    close();
  }
}

function appendContinuation(field: RisField, raw: string, trimmed: string): void {
  const indented = raw.length > 0 && (raw.charCodeAt(0) === 32 || raw.charCodeAt(0) === 9);
  if (LIST_TAGS.has(field.tag) && !indented) {
    field.values.push(trimmed);
    return;
  }
  const last = field.values.length - 1;
  field.values[last] = field.values[last] === "" ? trimmed : `${field.values[last]} ${trimmed}`;
}

/** The fields of one record by tag, in file order; values tidied once. */
class Fields {
  private readonly byTag = new Map<string, string[][]>();
  constructor(readonly all: readonly RisField[]) {
    for (const f of all) {
      const values = f.values.map(collapse);
      const list = this.byTag.get(f.tag);
      if (list) list.push(values);
      else this.byTag.set(f.tag, [values]);
    }
  }
  /** Every non-empty value of the tags, in order of the tags given, then of the file. */
  values(...tags: string[]): string[] {
    const out: string[] = [];
    for (const tag of tags) {
      for (const vs of this.byTag.get(tag) ?? []) for (const v of vs) if (v !== "") out.push(v);
    }
    return out;
  }
  /** Each occurrence's values joined as one text ("AB" written twice stays two texts). */
  texts(tag: string): string[] {
    const out: string[] = [];
    for (const vs of this.byTag.get(tag) ?? []) {
      const t = vs.length === 1 ? vs[0]! : vs.filter((v) => v !== "").join(" ");
      if (t !== "") out.push(t);
    }
    return out;
  }
  first(...tags: string[]): string | null {
    for (const tag of tags) {
      const t = this.texts(tag)[0];
      if (t !== undefined) return t;
    }
    return null;
  }
}

/** EBSCO appends the publisher's copyright notice as a second AB. */
const COPYRIGHT_NOTICE = /^Copyright of .{1,400}? is the property of /i;

interface Byline {
  authors: string[];
  rawNames: string[];
  groupAuthors: string[];
  etAl: boolean;
  /** Per-author affiliations where the file ties them to an author (OpenAlex: C1 lines right after each AU). */
  affiliations: string[][];
}

/**
 * OpenAlex writes each author's affiliations as C1 lines right after the author's AU line. Elsewhere C1 is "Custom 1"
 * (EndNote sorts tags, so a C1 after the last AU means nothing), so C1 is read as affiliations only where the record
 * interleaves them: an AU line comes after a C1 line.
 */
function interleavesAffiliations(all: readonly RisField[]): boolean {
  let seenC1 = false;
  for (const f of all) {
    if (f.tag === "C1") seenC1 = true;
    else if (seenC1 && (f.tag === "AU" || f.tag === "A1")) return true;
  }
  return false;
}

/** AU and A1 are authors, in file order (exporters mix them); A2 (editors, and Ovid PsycInfo's cited authors), A3 and A4 are not. */
function readByline(fields: Fields): Byline {
  const b: Byline = { authors: [], rawNames: [], groupAuthors: [], etAl: false, affiliations: [] };
  const perAuthorC1 = interleavesAffiliations(fields.all);
  let lastPerson = -1;
  for (const f of fields.all) {
    if (f.tag === "C1") {
      if (perAuthorC1 && lastPerson >= 0) for (const v of f.values) if (v.trim()) b.affiliations[lastPerson]!.push(collapse(v));
      continue;
    }
    lastPerson = -1;
    if (f.tag !== "AU" && f.tag !== "A1") continue;
    for (const v of f.values) {
      const raw = collapse(v);
      if (raw === "" || isAnonymous(raw)) continue;
      if (isEtAl(raw)) b.etAl = true;
      else if (isOrganisationName(raw)) b.groupAuthors.push(cleanName(raw));
      else {
        b.authors.push(surnameInitialsName(raw));
        b.rawNames.push(cleanName(raw));
        b.affiliations.push([]);
        lastPerson = b.authors.length - 1;
      }
    }
  }
  return b;
}

/** Ovid PsycInfo: `AI  - Keefer, Amy; ORCID: https://orcid.org/0000-0001-6931-0232`, matched to the author by spelling. */
function orcidsByAuthor(fields: Fields, rawNames: readonly string[]): (string | null)[] {
  const out: (string | null)[] = rawNames.map(() => null);
  for (const v of fields.values("AI")) {
    const m = /^(.*?);\s*ORCID:\s*(\S+)/i.exec(v);
    if (!m) continue;
    const orcid = normalizeOrcid(m[2]);
    const at = rawNames.indexOf(cleanName(m[1] ?? ""));
    if (orcid && at >= 0 && out[at] === null) out[at] = orcid;
  }
  return out;
}

function readKeywords(fields: Fields): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of fields.values("KW")) {
    for (const part of v.split(";")) {
      // Embase and Ovid mark major topics with a leading "*": the keyword is the same.
      const k = cleanText(part.replace(/^\s*\*+/, ""));
      if (k !== "" && !seen.has(k)) {
        seen.add(k);
        out.push(k);
      }
    }
  }
  return out;
}

function readAbstract(fields: Fields): string | null {
  const texts = fields.texts("AB").filter((t) => !COPYRIGHT_NOTICE.test(t));
  const chosen = texts.length > 0 ? texts : fields.texts("N2");
  return chosen.length > 0 ? cleanText(chosen.join(" ")) : null;
}

function readPages(fields: Fields): string | null {
  const sp = fields.first("SP");
  const ep = fields.first("EP");
  if (sp && ep && sp !== ep && !/[-–]/.test(sp)) return `${sp}-${ep}`;
  // Scopus and WoS give an article number in C7 where there are no pages.
  return sp ?? ep ?? fields.first("C7");
}

function readDoi(fields: Fields): string | null {
  for (const v of fields.values("DO")) {
    const d = normalizeDoi(v);
    if (d) return d;
  }
  for (const v of fields.values("L3", "M3", "N1")) {
    const d = standaloneDoi(v);
    if (d) return d;
  }
  for (const v of fields.values("UR", "L2", "L1", "L4")) {
    const d = doiFromLink(v);
    if (d) return d;
  }
  return null;
}

interface Ids {
  pmid: string | null;
  wosId: string | null;
  scopusId: string | null;
}

/**
 * Accession numbers name their database only sometimes: `AN  - WOS:000282053100002` (WoS) says so itself; a bare
 * number is a PubMed id only where the record's DB / DP names PubMed or MEDLINE and not Embase (EBSCO, Embase and
 * EndNote numbers are other databases' or the library's own). Ovid MEDLINE puts the PubMed id in `ID`, Scopus in
 * `C2`, Cochrane CENTRAL in `C3  - PUBMED 21314913`; PubMed and Europe PMC links carry it too.
 */
function readIds(fields: Fields): Ids {
  const dbs = fields.values("DB", "DP");
  const embase = dbs.some((d) => /embase/i.test(d));
  const medline = !embase && dbs.some((d) => /pubmed|medline|^nlm$/i.test(d));
  const ovidMedline = dbs.some((d) => /^ovid medline/i.test(d));
  const scopus = dbs.some((d) => /^scopus$/i.test(d));
  let pmid: string | null = null;
  let wosId: string | null = null;
  const setPmid = (digits: string | undefined) => {
    if (pmid === null && digits && Number(digits) > 0) pmid = String(Number(digits));
  };
  for (const v of fields.values("AN")) {
    const wos = /^WOS:\s*([A-Z0-9]+)$/i.exec(v);
    if (wos) wosId ??= `WOS:${wos[1]!.toUpperCase()}`;
    const labelled = /^PMID:?\s*(\d{1,9})$/i.exec(v);
    if (labelled) setPmid(labelled[1]);
    else if (medline && /^\d{1,9}$/.test(v)) setPmid(v);
  }
  if (ovidMedline) for (const v of fields.values("ID")) if (/^\d{1,9}$/.test(v)) setPmid(v);
  if (scopus) for (const v of fields.values("C2")) if (/^\d{1,9}$/.test(v)) setPmid(v);
  for (const v of fields.values("C3")) setPmid(/\bPUBMED\s+(\d{1,9})\b/i.exec(v)?.[1]);
  for (const v of fields.values("N1")) setPmid(/^PMID:?\s*(\d{1,9})$/i.exec(v)?.[1]);
  let scopusId: string | null = null;
  for (const v of fields.values("UR", "L2", "L1")) {
    setPmid(pmidFromLink(v) ?? undefined);
    scopusId ??= scopusIdFromLink(v);
  }
  return { pmid, wosId, scopusId };
}

function readArxivId(fields: Fields, doi: string | null, venue: string | null): string | null {
  const fromDoi = doi && /^10\.48550\/arxiv\./.test(doi) ? normalizeArxivId(doi.slice("10.48550/arxiv.".length)) : null;
  if (fromDoi) return fromDoi;
  for (const v of fields.values("UR", "L1", "L2")) {
    if (/arxiv\.org\/(?:abs|pdf)\//i.test(v)) {
      const id = normalizeArxivId(v);
      if (id) return id;
    }
  }
  // Google Scholar: "JO  - arXiv preprint arXiv:1706.03762".
  const m = venue ? /\barXiv:\s*(\S+)/i.exec(venue) : null;
  return m ? normalizeArxivId(m[1]) : null;
}

function readTitle(fields: Fields, type: string | null): string | null {
  const t = fields.first("TI", "T1", "CT") ?? (type === "BOOK" || type === "UNPB" ? fields.first("BT") : null) ?? fields.first("ST");
  return t ? cleanText(t) || null : null;
}

/** One scanned record to a PaperRecord, or null (with a diagnostic) when it names neither a title nor an author. */
export function toPaperRecord(rec: RisRecord, file: string, diag: Diagnostics): PaperRecord | null {
  const fields = new Fields(rec.fields);
  const type = fields.first("TY");
  const title = readTitle(fields, type);
  const byline = readByline(fields);
  if (title === null && byline.authors.length === 0 && byline.groupAuthors.length === 0) {
    const what = [type ? `type ${type}` : null, fields.first("T2", "JO", "JF") ? `venue "${excerpt(fields.first("T2", "JO", "JF")!, 40)}"` : null, fields.first("DO") ? `DOI ${fields.first("DO")}` : null]
      .filter(Boolean).join(", ");
    diag.warn(rec.line, `this record has neither a title nor authors, so there is no paper to add${what ? ` (it has ${what})` : ""}`);
    return null;
  }
  const r = emptyRecord(file, rec.line, "ris");
  r.title = title;
  r.authors = byline.authors;
  r.groupAuthors = byline.groupAuthors;
  r.authorsComplete = !byline.etAl && (byline.authors.length > 0 || byline.groupAuthors.length > 0);
  const orcids = orcidsByAuthor(fields, byline.rawNames);
  if (orcids.some((o) => o !== null) || byline.affiliations.some((a) => a.length > 0)) {
    r.authorInfo = byline.authors.map((_, i) => ({ orcid: orcids[i] ?? null, ids: [], affiliations: byline.affiliations[i] ?? [], alternateNames: [] }));
  }
  const addresses = [...new Set(fields.values("AD"))];
  r.affiliation = addresses.length > 0 ? addresses.join("; ") : null;
  r.date = chooseDate(fields.values("PY"), fields.values("DA"), fields.values("Y1"));
  r.abstract = readAbstract(fields);
  r.keywords = readKeywords(fields);
  // The full journal name first: JF (full title in the RIS spec), T2; JO is the abbreviation in Atypon and Zotero files.
  const venue = fields.first("JF", "T2", "JO", "JA", "J2", "T3");
  r.venue = venue ? cleanText(venue) : null;
  r.volume = fields.first("VL");
  r.issue = fields.first("IS");
  r.pages = readPages(fields);
  r.publicationType = type;
  r.doi = readDoi(fields);
  Object.assign(r, readIds(fields));
  r.arxivId = readArxivId(fields, r.doi, venue);
  for (const v of fields.values("N1")) {
    const n = citationCountFromNote(v);
    if (n !== null) {
      r.citationCount = n;
      break;
    }
  }
  return r;
}

/** Reads a whole RIS text. */
export function readRis(text: string, file: string): ReaderResult {
  const diag = new Diagnostics(file);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: PaperRecord[] = [];
  scanRis(body, diag, (raw) => {
    const r = toPaperRecord(raw, file, diag);
    if (r) records.push(r);
  });
  if (records.length === 0 && diag.list.length === 0) diag.error(1, 'no RIS records found: a record starts with a "TY  - " line');
  diag.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diag.list, profile: null, listingDate: null };
}

/**
 * True when the text starts like RIS: a `TY  - TYPE` line among the first lines, after blank lines, Ovid record
 * numbers (`1.`), provider envelopes or at most three other lines, and followed by another tag line.
 */
export function sniffRis(head: string): boolean {
  const lines = head.split(/\r\n|\r|\n/, 60);
  let other = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = stripBom(lines[i]!);
    const t = line.trim();
    if (t === "" || BARE_NUMBER.test(t) || ENVELOPE.test(t)) continue;
    const tag = parseTagLine(line);
    if (tag?.tag === "TY" && tag.value !== "") {
      for (let j = i + 1; j < lines.length; j++) {
        const next = stripBom(lines[j]!);
        if (next.trim() === "") continue;
        return parseTagLine(next) !== null || isEndLine(next);
      }
      return true;
    }
    if (++other > 3) return false;
  }
  return false;
}

export const risReader: ExportReader = {
  format: "ris",
  description: "a RIS file",
  sniff: sniffRis,
  read: readRis,
};
