/**
 * MEDLINE / PubMed text format (.nbib, "Save > PubMed format", efetch rettype=medline): records of "TAG - value" lines
 * (the tag left-justified in four columns: "PMID- ", "TI  - ", "FAU - "), long values continued on lines indented by
 * six spaces, records separated by blank lines. Field reference: https://pubmed.ncbi.nlm.nih.gov/help/#pubmed-format
 *
 * Authors: each `FAU` (full name, "Roach, Mack 3rd") starts a byline slot; the `AU` after it ("Roach M") is the same
 * person's short form, kept as an alternate name; `AUID` ("ORCID: 0000-...") and `AD` (affiliations) after a name
 * belong to that name. Records before 2002 have `AU` only, with `AD` once before the authors (the first author's).
 * `CN` names an organisation (a group author, never a person); editors (`FED`/`ED`) and investigators (`FIR`/`IR`)
 * are not authors.
 */
import type { AuthorInfo, PaperRecord } from "../../records";
import { Diagnostics, emptyRecord, type ReaderResult } from "../record";
import { excerpt } from "../text";
import { normalizeDoi, normalizeOrcid } from "./ids";
import {
  cleanMeshHeading, combineDates, isEtAl, isPlaceholderTitle, medlineFullName, medlineShortName, parseCompactDate,
  parsePubmedDate, plainText, pubmedId,
} from "./pubmed-common";
import type { ExportReader } from "./types";

interface Field {
  tag: string;
  value: string;
  line: number;
}

interface RawRecord {
  line: number;
  lastLine: number;
  fields: Field[];
}

/** A field line: tag of 2-4 capitals/digits, padding, "-", then the value. */
const FIELD_LINE = /^([A-Z][A-Z0-9]{1,3}) *-(?:[ \t](.*))?$/;

/**
 * Splits the text into raw records and hands each to `onRecord` as soon as it ends, so only one record's lines are
 * held at a time: blank lines end a record, and a second `PMID-` line starts a new one even without a blank line
 * (files concatenated by hand). Lines that belong to no field are reported and skipped.
 */
function splitRecords(text: string, diags: Diagnostics, onRecord: (raw: RawRecord) => void): void {
  let current: RawRecord | null = null;
  let field: Field | null = null;
  let hasPmid = false;
  const end = () => {
    if (current) onRecord(current);
    current = null;
    field = null;
  };
  const lineEnd = /\r\n|\r|\n/g;
  let start = 0;
  for (let no = 1; start <= text.length; no++) {
    const m = lineEnd.exec(text);
    const stop = m ? m.index : text.length;
    const raw = text.slice(start, stop);
    start = m ? m.index + m[0].length : text.length + 1;
    if (raw.trim() === "") {
      end();
      continue;
    }
    const f = FIELD_LINE.exec(raw);
    if (f) {
      const tag = f[1] ?? "";
      if (current === null || (tag === "PMID" && hasPmid)) {
        end();
        current = { line: no, lastLine: no, fields: [] };
        hasPmid = false;
      }
      if (tag === "PMID") hasPmid = true;
      field = { tag, value: (f[2] ?? "").trim(), line: no };
      current.fields.push(field);
      current.lastLine = no;
    } else if (field !== null && current !== null) {
      // A continuation line (six spaces in real files; also accepted when an editor stripped the indentation).
      const more = raw.trim();
      const open: Field = field;
      open.value = open.value ? `${open.value} ${more}` : more;
      (current as RawRecord).lastLine = no;
    } else {
      diags.warn(no, `not a MEDLINE field (expected "TAG - value", e.g. "TI  - A title"): "${excerpt(raw.trim())}"; skipped`);
    }
  }
  end();
}

/** One byline slot while a record is read. */
interface Slot {
  name: string;
  info: AuthorInfo;
  /** Started by FAU and still waiting for its AU. */
  awaitingShortForm: boolean;
}

function newSlot(name: string, awaitingShortForm: boolean): Slot {
  return { name, info: { orcid: null, ids: [], affiliations: [], alternateNames: [] }, awaitingShortForm };
}

/** "10.1118/1.4748329 [doi]" -> the DOI; "E164 [pii]" -> null. ERIC prints a bare doi.org URL. */
function doiOfArticleId(value: string): string | null {
  const m = /^(.*?)\s*\[([a-z-]+)\]\s*$/i.exec(value);
  if (m) return (m[2] ?? "").toLowerCase() === "doi" ? normalizeDoi(m[1]) : null;
  return /doi\.org\//i.test(value) ? normalizeDoi(value) : null;
}

/** The tags `RecordBuilder.add` reads. */
const READ_TAGS = new Set([
  "PMID", "OWN", "TI", "BTI", "TT", "VTI", "AB", "FAU", "AU", "AUID", "AD", "CN", "FED", "ED", "FIR", "IR", "IRAD",
  "LID", "AID", "MH", "OT", "KW", "DP", "DEP", "JT", "TA", "VI", "IP", "PG", "PT",
]);

/** State of one record being read: the authors, and where the last AUID/AD belongs. */
class RecordBuilder {
  readonly rec: PaperRecord;
  private readonly slots: Slot[] = [];
  /** The slot the next AU/AUID/AD belongs to; null after a group, editor or investigator (theirs are not ours). */
  private current: Slot | null = null;
  /** AD printed before any author (records before 2002): the first author's. */
  private readonly leadingAffiliations: string[] = [];
  private sawNonAuthorName = false;
  private readonly titles: { ti: string | null; bti: string | null; vernacular: string | null } = { ti: null, bti: null, vernacular: null };
  private readonly venues: { jt: string | null; ta: string | null } = { jt: null, ta: null };
  private published: string | null = null;
  private electronic: string | null = null;
  private readonly abstracts: string[] = [];
  pmidField: Field | null = null;
  owner: string | null = null;

  constructor(file: string, line: number, private readonly diags: Diagnostics) {
    this.rec = emptyRecord(file, line, "medline");
    this.rec.authorsComplete = true;
  }

  add(f: Field): void {
    // Administrative and other fields (STAT, DCOM, IS, LA, PL, RN, PHST, SO, ...) are not part of a record: skipped
    // before any cleanup, since they are half of a record's lines.
    if (!READ_TAGS.has(f.tag)) return;
    const value = plainText(f.value);
    switch (f.tag) {
      case "PMID": return this.setPmid(f, value);
      case "OWN": this.owner = value; return;
      case "TI": this.titles.ti = this.titles.ti ? `${this.titles.ti} ${value}` : value; return;
      case "BTI": this.titles.bti ??= value; return;
      case "TT": case "VTI": this.titles.vernacular ??= value; return;
      case "AB": if (value) this.abstracts.push(value); return;
      case "FAU": return this.startAuthor(medlineFullName(value), true);
      case "AU": return this.shortForm(value);
      case "AUID": return this.authorId(value, f.line);
      case "AD": return this.affiliation(value);
      case "CN": if (value) this.rec.groupAuthors.push(value); this.current = null; return;
      case "FED": case "ED": case "FIR": case "IR": case "IRAD": this.current = null; this.sawNonAuthorName = true; return;
      case "LID": case "AID": this.rec.doi ??= doiOfArticleId(value); return;
      case "MH": { const h = cleanMeshHeading(value); if (h) this.rec.meshTerms.push(h); return; }
      case "OT": case "KW": if (value) this.rec.keywords.push(value); return;
      case "DP": return this.setPublished(value, f.line);
      case "DEP": this.electronic ??= parseCompactDate(value); return;
      case "JT": this.venues.jt ??= value || null; return;
      case "TA": this.venues.ta ??= value || null; return;
      case "VI": this.rec.volume ??= value || null; return;
      case "IP": this.rec.issue ??= value || null; return;
      case "PG": this.rec.pages ??= value || null; return;
      case "PT": this.rec.publicationType ??= value || null; return;
      default: return;
    }
  }

  private setPmid(f: Field, value: string): void {
    if (this.pmidField) return;
    this.pmidField = f;
    this.rec.pmid = pubmedId(value);
    if (this.rec.pmid === null) this.diags.warn(f.line, `"PMID- ${excerpt(value, 30)}" is not a PubMed id (1 to 9 digits); the record is read without one`);
  }

  private setPublished(value: string, line: number): void {
    if (this.published !== null) return;
    this.published = parsePubmedDate(value);
    if (this.published === null && value) this.diags.warn(line, `publication date "DP  - ${excerpt(value, 30)}" has no year; the record is read without a date`);
  }

  private startAuthor(name: string, awaitingShortForm: boolean): void {
    if (!name) {
      this.current = null;
      return;
    }
    const slot = newSlot(name, awaitingShortForm);
    this.slots.push(slot);
    this.current = slot;
  }

  private shortForm(value: string): void {
    if (isEtAl(value)) {
      this.rec.authorsComplete = false;
      this.current = null;
      return;
    }
    const name = medlineShortName(value);
    const slot = this.current;
    if (slot && slot.awaitingShortForm) {
      slot.awaitingShortForm = false;
      if (name && name !== slot.name) slot.info.alternateNames.push(name);
      return;
    }
    this.startAuthor(name, false);
  }

  private authorId(value: string, line: number): void {
    const slot = this.current;
    if (!slot) return; // an id of a group author or investigator: not ours to keep
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.+)$/.exec(value);
    const source = (m?.[1] ?? "").toUpperCase();
    const id = (m?.[2] ?? value).trim();
    if (source === "ORCID" || (!m && /\d{4}-?\d{4}-?\d{4}-?\d{3}[\dX]/i.test(value))) {
      const orcid = normalizeOrcid(id);
      if (orcid) slot.info.orcid ??= orcid;
      else this.diags.warn(line, `ORCID "${excerpt(id, 40)}" of ${slot.name} is not a valid ORCID iD (wrong length or checksum); not kept`);
    } else if (m && id) {
      slot.info.ids.push(`${source.toLowerCase()}:${id}`);
    }
  }

  private affiliation(value: string): void {
    if (!value) return;
    if (this.current) this.current.info.affiliations.push(value);
    else if (this.slots.length === 0 && !this.sawNonAuthorName && this.rec.groupAuthors.length === 0) this.leadingAffiliations.push(value);
  }

  finish(): PaperRecord {
    const rec = this.rec;
    const first = this.slots[0];
    if (first && this.leadingAffiliations.length) first.info.affiliations.unshift(...this.leadingAffiliations);
    rec.authors = this.slots.map((s) => s.name);
    const hasInfo = this.slots.some((s) => s.info.orcid || s.info.ids.length || s.info.affiliations.length || s.info.alternateNames.length);
    rec.authorInfo = hasInfo ? this.slots.map((s) => s.info) : [];
    let title = this.titles.ti && !isPlaceholderTitle(this.titles.ti) ? this.titles.ti : null;
    title ??= this.titles.vernacular;
    // A book chapter has TI and BTI (the book: its venue); a whole book only BTI (its title).
    if (title === null && this.titles.bti) title = this.titles.bti;
    else if (this.titles.bti && !this.venues.jt && !this.venues.ta) rec.venue = this.titles.bti;
    rec.title = title || null;
    rec.venue ??= this.venues.jt ?? this.venues.ta;
    rec.abstract = this.abstracts.length ? this.abstracts.join(" ") : null;
    rec.date = combineDates(this.published, this.electronic);
    return rec;
  }
}

function hasTag(raw: RawRecord, tags: readonly string[]): boolean {
  return raw.fields.some((f) => tags.includes(f.tag));
}

function readRecord(raw: RawRecord, file: string, diags: Diagnostics): PaperRecord | null {
  if (!hasTag(raw, ["PMID", "TI", "BTI", "TT", "AU", "FAU", "CN"])) {
    const tags = [...new Set(raw.fields.map((f) => f.tag))].slice(0, 6).join(", ");
    diags.error(raw.line, `lines ${raw.line}-${raw.lastLine} have no PMID, title or author (fields ${tags}): not a MEDLINE record, skipped; a blank line inside a record splits it in two`);
    return null;
  }
  const builder = new RecordBuilder(file, raw.line, diags);
  for (const f of raw.fields) builder.add(f);
  if (!builder.pmidField && builder.owner !== "ERIC") {
    // ERIC exports use the same format without PMIDs (their id is OID); only PubMed records are expected to have one.
    diags.warn(raw.line, "record has no PMID- line: it is read, but cannot be matched to other sources by its PubMed id");
  }
  return builder.finish();
}

export function readMedline(text: string, file: string): ReaderResult {
  const diags = new Diagnostics(file);
  const records: PaperRecord[] = [];
  splitRecords(text, diags, (raw) => {
    const rec = readRecord(raw, file, diags);
    if (rec) records.push(rec);
  });
  if (records.length === 0 && diags.list.length === 0) diags.error(1, "no MEDLINE record found (records start with a \"PMID- \" line)");
  diags.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diags.list, profile: null, listingDate: null };
}

/** A `PMID- ` line and another MEDLINE tag; or an ERIC export ("OWN - ERIC"), which has no PMIDs. */
function sniffMedline(head: string): boolean {
  if (/^TY {2}- /m.test(head)) return false; // RIS shares the "XX  - " shape; its records start with TY
  const otherTag = /^(?:TI|AU|FAU|DP|AB|OWN|STAT|TA|JT|SO|LID|AID) {0,3}- /m;
  if (/^PMID- ?\d/m.test(head) && otherTag.test(head)) return true;
  return /^OWN - ERIC\s*$/m.test(head) && /^TI {2}- /m.test(head);
}

export const medlineReader: ExportReader = {
  format: "medline",
  description: "a MEDLINE / PubMed text file",
  sniff: sniffMedline,
  read: readMedline,
};
