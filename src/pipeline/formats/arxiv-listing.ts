/**
 * arXiv listing: each record ends with its identifier and dates,
 *
 *   [Title                                    optional, with the full author list on the next line]
 *   [A. Author, B. Author, ...]
 *   Abstract
 *                                             (blank)
 *   [comment line: "20 pages", "accepted to CVPR 2023"]
 *                                             (blank)
 *   arXiv:2303.17719
 *   Created: 2023-03-30 Updated: 2023-04-02
 *
 * Most records have only an abstract: title null, authors [] with authorsComplete false. A record cut off at the end
 * of the file (no arXiv line) is kept, with arxivId null, only when it has a title; otherwise it is reported.
 */
import { parseByline, type Byline } from "./byline";
import { parseIsoDate } from "./dates";
import { toBlocks, type Line } from "./lines";
import type { Diagnostic, PaperRecord } from "../records";
import { Diagnostics, emptyRecord, type ReaderResult } from "./record";
import { cleanText, excerpt } from "./text";
import { isTitleLike } from "./trending";

// "arXiv:2303.17719", optionally followed by its primary category as arXiv prints it ("[cs.CV]"). Format detection uses
// these exact forms; reading also accepts them with text after them (ARXIV_START, CREATED_START).
export const ARXIV_LINE = /^arXiv: ?(\S+?)(?: \[([A-Za-z-]+(?:\.[A-Za-z-]+)?)\])?$/i;
export const CREATED_LINE = /^Created: ?(\S+)(?: Updated: ?(\S+))?$/i;
// An arXiv line with anything after the id ("arXiv:2301.00001 Created: 2023-01-01", "arXiv:2301.00001 junk"): the id
// must contain a digit, so a sentence that starts with "arXiv: we ..." stays text.
const ARXIV_START = /^arXiv: ?(\S*\d\S*?)(?: \[([A-Za-z-]+(?:\.[A-Za-z-]+)?)\])?(?: (.*))?$/i;
const CREATED_START = /^Created: ?(\S+)(?: Updated: ?(\S+))?(?: (.*))?$/i;
const MODERN_ID = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ID = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;
// A comment is a short single line between the abstract and the arXiv line that does not read like the end of a
// paragraph (or names what comments usually name).
const COMMENT_MAX = 200;
const COMMENT_WORDS = /\b(?:pages?|figures?|tables?|accepted|submitted|preprint|conference|journal|workshop|proceedings|version|camera[- ]ready|appendix)\b/i;

/** "A, B and C" -> names, or null when the line does not read as an author list. */
function parseAuthorList(text: string): Byline | null {
  return parseByline(text.replace(/,? and (?=[^,]+$)/, ", "), "lenient");
}

/** "cs.CV" -> "CV", "physics.med-ph" -> "MED-PH": the code profile pages print. */
function categoryCode(raw: string): string {
  return (raw.includes(".") ? raw.slice(raw.indexOf(".") + 1) : raw).toUpperCase();
}

interface Pending {
  lines: Line[][];
}

/** True for an arXiv line, also one with text after the id (format detection counts these). */
export function isArxivLine(text: string): boolean {
  return ARXIV_LINE.test(text) || ARXIV_START.test(text);
}

export function isCreatedLine(text: string): boolean {
  return CREATED_START.test(text);
}

/** A Created line's content, wherever it was found (its own line, or after the id on the arXiv line). */
interface CreatedInfo {
  no: number;
  created: string;
  updated: string | null;
}

interface RecordEnd {
  id: string | null;
  category?: string | undefined;
  idLine: Line | null;
  created: CreatedInfo | null;
}

/** Text after the part of a line that was read: never dropped silently. */
function warnRest(diag: Diagnostics, line: Line, rest: string | undefined, what: string): void {
  if (rest !== undefined && rest.trim() !== "") diag.warn(line.no, `text after the ${what} ignored: "${excerpt(rest)}"`);
}

function parseCreatedText(no: number, text: string, line: Line, diag: Diagnostics): CreatedInfo | null {
  const m = CREATED_START.exec(text);
  if (!m?.[1]) return null;
  warnRest(diag, line, m[3], "Created and Updated dates");
  return { no, created: m[1], updated: m[2] ?? null };
}

function parseCreatedLine(line: Line, diag: Diagnostics): CreatedInfo | null {
  return parseCreatedText(line.no, line.text, line, diag);
}

/** An arXiv line, possibly with its Created date after the id, or with other text after it (a warning). */
function parseArxivLine(line: Line, diag: Diagnostics): { id: string; category: string | undefined; created: CreatedInfo | null } | null {
  const strict = ARXIV_LINE.exec(line.text);
  if (strict?.[1]) return { id: strict[1], category: strict[2], created: null };
  const m = ARXIV_START.exec(line.text);
  if (!m?.[1]) return null;
  const rest = m[3] ?? "";
  const created = /^Created:/i.test(rest) ? parseCreatedText(line.no, rest, line, diag) : null;
  if (!created) warnRest(diag, line, rest, `arXiv id ${m[1]}`);
  return { id: m[1], category: m[2], created };
}

function applyCreated(record: PaperRecord, info: CreatedInfo, diag: Diagnostics): void {
  const created = parseIsoDate(info.created);
  const updated = info.updated ? parseIsoDate(info.updated) : null;
  if (!created) diag.warn(info.no, `"${excerpt(info.created)}" is not a real date (expected YYYY-MM-DD); the record is kept without a date`);
  if (info.updated && !updated) diag.warn(info.no, `"${excerpt(info.updated)}" is not a real date (expected YYYY-MM-DD); the update date is left out`);
  record.date = created;
  record.updated = updated;
}

/** A title line with its author list, in one block or as two one-line blocks followed by more text. */
function startsTitled(blocks: readonly Line[][], k: number): boolean {
  const b = blocks[k];
  if (!b || !isTitleLike(b[0]?.text ?? "")) return false;
  if (b.length >= 2) return parseAuthorList(b[1]?.text ?? "") !== null;
  const authors = blocks[k + 1];
  return authors?.length === 1 && blocks.length > k + 2 && parseAuthorList(authors[0]?.text ?? "") !== null;
}

/** The text before one arXiv line, cut where another record's title and author list start (k >= 1). */
function splitAtTitledStarts(blocks: Line[][]): Line[][][] {
  const segments: Line[][][] = [[]];
  blocks.forEach((b, k) => {
    if (k > 0 && startsTitled(blocks, k)) segments.push([]);
    segments[segments.length - 1]!.push(b);
  });
  return segments;
}

export function readArxivListing(lines: readonly Line[], file: string): ReaderResult {
  const diag = new Diagnostics(file);
  const records: ReturnType<typeof emptyRecord>[] = [];
  let pending: Pending = { lines: [] };

  // The record read last, so a Created line cut off from its arXiv line by a blank line can still date it.
  const previous: { read: { record: PaperRecord; dated: boolean; noDateWarning: Diagnostic | null } | null } = { read: null };
  const finish = (end: RecordEnd) => {
    const blocks = pending.lines.filter((b) => b.length > 0);
    pending = { lines: [] };
    // A title with its author list inside the text means a record whose arXiv line is missing ends before it: two
    // records, not one record with the next one's title folded into its abstract.
    const segments = splitAtTitledStarts(blocks);
    segments.forEach((segment, k) => {
      if (k === segments.length - 1) return build(segment, end);
      const next = segments[k + 1]?.[0]?.[0];
      const first = segment[0]?.[0];
      diag.warn(first?.no ?? 1, `record "${excerpt(first?.text ?? "")}" has no arXiv and Created lines before the next record (line ${next?.no ?? "?"}: "${excerpt(next?.text ?? "")}"); kept without an arXiv id or date`);
      build(segment, { id: null, idLine: null, created: null });
    });
  };
  const build = (blocks: Line[][], end: RecordEnd) => {
    const at = blocks[0]?.[0]?.no ?? end.idLine?.no ?? end.created?.no ?? 1;
    const record = emptyRecord(file, at, "arxiv-listing");
    let noDateWarning: Diagnostic | null = null;

    // Title + full author list: the first two lines, in one block or two.
    const b0 = blocks[0];
    const b1 = blocks[1];
    // The title line and the author line that follows it, whether the two share a block or not.
    const titleAndAuthors = (authorLine: string): boolean => {
      const byline = parseAuthorList(authorLine);
      if (!byline) return false;
      record.title = cleanText(b0?.[0]?.text ?? "");
      record.authors = byline.authors;
      record.authorsComplete = byline.authorsComplete;
      // arXiv author lists carry no affiliation, but text after a " · " is kept rather than dropped (found by fuzzing).
      record.affiliation = byline.affiliation;
      return true;
    };
    if (b0 && b0.length >= 2 && isTitleLike(b0[0]?.text ?? "")) {
      if (titleAndAuthors(b0[1]?.text ?? "")) b0.splice(0, 2);
    } else if (b0 && b0.length === 1 && b1 && blocks.length >= 3 && isTitleLike(b0[0]?.text ?? "")) {
      if (titleAndAuthors(b1[0]?.text ?? "")) {
        b0.splice(0, 1);
        b1.splice(0, 1);
      }
    }
    const body = blocks.filter((b) => b.length > 0);
    const last = body[body.length - 1];
    const lastText = last?.length === 1 ? (last[0]?.text ?? "") : "";
    if (body.length >= 2 && lastText && lastText.length <= COMMENT_MAX && (!/[.!?]$/.test(lastText) || COMMENT_WORDS.test(lastText))) {
      record.comment = cleanText(lastText);
      body.pop();
    }
    const second = body[1]?.[0];
    if (second) {
      diag.warn(second.no, `${body.length} paragraphs before ${end.id ? `arXiv:${end.id}` : "the end of this record"} are read as one abstract; if they belong to different records, an arXiv line is missing between them`);
    }
    const abstract = body.map((b) => b.map((l) => l.text).join(" ")).join(" ");
    record.abstract = abstract ? cleanText(abstract) : null;

    if (end.category) record.categories = [categoryCode(end.category)];
    if (end.id !== null) {
      const m = MODERN_ID.exec(end.id) ?? OLD_ID.exec(end.id);
      record.arxivId = m?.[1] ?? end.id;
      if (!m) diag.warn(end.idLine?.no ?? at, `"${end.id}" does not look like an arXiv identifier (expected e.g. 2303.17719); kept as read`);
    }
    if (end.created) {
      applyCreated(record, end.created, diag);
    } else if (end.idLine) {
      diag.warn(end.idLine.no, `arXiv line "${excerpt(end.idLine.text)}" has no "Created: YYYY-MM-DD" line after it; the record is kept without a date`);
      noDateWarning = diag.list[diag.list.length - 1] ?? null;
    }
    if (!blocks.some((b) => b.length > 0) && record.title === null) {
      diag.warn(at, `arXiv record${record.arxivId ? " " + record.arxivId : ""} has no title or abstract before its arXiv line; kept with its id and dates only`);
    }
    records.push(record);
    previous.read = { record, dated: end.created !== null, noDateWarning };
  };

  for (const block of toBlocks(lines)) {
    let current: Line[] = [];
    const flush = () => {
      if (current.length) pending.lines.push(current);
      current = [];
    };
    for (let i = 0; i < block.lines.length; i++) {
      const line = block.lines[i];
      if (!line) continue;
      const arxiv = parseArxivLine(line, diag);
      const created = arxiv ? null : parseCreatedLine(line, diag);
      if (arxiv) {
        // The Created line: on the same line after the id, else the next line.
        let createdInfo = arxiv.created;
        if (!createdInfo) {
          const next = block.lines[i + 1];
          const nextCreated = next ? parseCreatedLine(next, diag) : null;
          if (nextCreated) {
            createdInfo = nextCreated;
            i++;
          }
        }
        flush();
        finish({ id: arxiv.id, category: arxiv.category, idLine: line, created: createdInfo });
      } else if (created) {
        flush();
        const lineBefore = block.lines[i - 1] ?? null;
        const read = previous.read;
        if (!pending.lines.length && read && !read.dated && lineBefore === null) {
          // "arXiv:ID", a blank line, then "Created:": the date of the record just read, not a record of its own.
          diag.warn(line.no, `"Created:" line separated from its arXiv line by a blank line; read as the date of ${read.record.arxivId ?? "the record before it"}`);
          const stale = read.noDateWarning ? diag.list.indexOf(read.noDateWarning) : -1;
          if (stale >= 0) diag.list.splice(stale, 1); // it has a date after all
          applyCreated(read.record, created, diag);
          read.dated = true;
          continue;
        }
        const malformed = lineBefore && /^arxiv\b/i.test(lineBefore.text) ? lineBefore : null;
        diag.warn(line.no, malformed
          ? `"Created:" line after "${excerpt(malformed.text)}", which is not an arXiv line (expected e.g. arXiv:2303.17719); the record is kept without an arXiv id`
          : `"Created:" line without an "arXiv:" line before it; the record is kept without an arXiv id`);
        finish({ id: null, idLine: null, created });
      } else {
        current.push(line);
      }
    }
    flush();
  }

  const rest = pending.lines.filter((b) => b.length > 0);
  if (rest.length) {
    const at = rest[0]?.[0];
    const hasTitle = rest[0] !== undefined && rest[0].length >= 2 && isTitleLike(rest[0][0]?.text ?? "") && parseAuthorList(rest[0][1]?.text ?? "") !== null;
    if (hasTitle) {
      diag.warn(at?.no ?? 1, `record "${excerpt(rest[0]?.[0]?.text ?? "")}" ends without its arXiv and Created lines (is the file cut?); kept without an arXiv id or date`);
      finish({ id: null, idLine: null, created: null });
    } else {
      const lastLine = rest[rest.length - 1]?.at(-1)?.no ?? at?.no ?? 1;
      const span = lastLine > (at?.no ?? 1) ? `lines ${at?.no ?? 1}-${lastLine}` : `line ${lastLine}`;
      diag.warn(at?.no ?? 1, `incomplete record: text with no "arXiv:" and "Created:" lines after it (is the file cut?), skipped (${span}): "${excerpt(at?.text ?? "")}"`);
    }
  }
  diag.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diag.list, profile: null, listingDate: null };
}
