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
import { Diagnostics, emptyRecord, type ReaderResult } from "./record";
import { cleanText, excerpt } from "./text";
import { isTitleLike } from "./trending";

// "arXiv:2303.17719", optionally followed by its primary category as arXiv prints it ("[cs.CV]").
export const ARXIV_LINE = /^arXiv: ?(\S+?)(?: \[([A-Za-z-]+(?:\.[A-Za-z-]+)?)\])?$/i;
export const CREATED_LINE = /^Created: ?(\S+)(?: Updated: ?(\S+))?$/i;
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

export function readArxivListing(lines: readonly Line[], file: string): ReaderResult {
  const diag = new Diagnostics(file);
  const records: ReturnType<typeof emptyRecord>[] = [];
  let pending: Pending = { lines: [] };

  const finish = (end: { id: string | null; category?: string | undefined; idLine: Line | null; created: Line | null }) => {
    const blocks = pending.lines.filter((b) => b.length > 0);
    pending = { lines: [] };
    const at = blocks[0]?.[0]?.no ?? end.idLine?.no ?? end.created?.no ?? 1;
    const record = emptyRecord(file, at, "arxiv-listing");

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
    const abstract = body.map((b) => b.map((l) => l.text).join(" ")).join(" ");
    record.abstract = abstract ? cleanText(abstract) : null;

    if (end.category) record.categories = [categoryCode(end.category)];
    if (end.id !== null) {
      const m = MODERN_ID.exec(end.id) ?? OLD_ID.exec(end.id);
      record.arxivId = m?.[1] ?? end.id;
      if (!m) diag.warn(end.idLine?.no ?? at, `"${end.id}" does not look like an arXiv identifier (expected e.g. 2303.17719); kept as read`);
    }
    if (end.created) {
      const m = CREATED_LINE.exec(end.created.text);
      const created = m?.[1] ? parseIsoDate(m[1]) : null;
      const updated = m?.[2] ? parseIsoDate(m[2]) : null;
      if (m?.[1] && !created) diag.warn(end.created.no, `"${m[1]}" is not a real date (expected YYYY-MM-DD); the record is kept without a date`);
      if (m?.[2] && !updated) diag.warn(end.created.no, `"${m[2]}" is not a real date (expected YYYY-MM-DD); the update date is left out`);
      record.date = created;
      record.updated = updated;
    } else if (end.idLine) {
      diag.warn(end.idLine.no, `arXiv line "${end.idLine.text}" has no "Created: YYYY-MM-DD" line after it; the record is kept without a date`);
    }
    if (!blocks.some((b) => b.length > 0) && record.title === null) {
      diag.warn(at, `arXiv record${record.arxivId ? " " + record.arxivId : ""} has no title or abstract before its arXiv line; kept with its id and dates only`);
    }
    records.push(record);
  };

  for (const block of toBlocks(lines)) {
    let current: Line[] = [];
    for (let i = 0; i < block.lines.length; i++) {
      const line = block.lines[i];
      if (!line) continue;
      const idMatch = ARXIV_LINE.exec(line.text);
      const createdMatch = CREATED_LINE.test(line.text);
      if (idMatch) {
        const next = block.lines[i + 1];
        const created = next && CREATED_LINE.test(next.text) ? next : null;
        if (current.length) pending.lines.push(current);
        current = [];
        finish({ id: idMatch[1] ?? null, category: idMatch[2], idLine: line, created });
        if (created) i++;
      } else if (createdMatch) {
        if (current.length) pending.lines.push(current);
        current = [];
        diag.warn(line.no, `"Created:" line without an "arXiv:" line before it; the record is kept without an arXiv id`);
        finish({ id: null, idLine: null, created: line });
      } else {
        current.push(line);
      }
    }
    if (current.length) pending.lines.push(current);
  }

  const rest = pending.lines.filter((b) => b.length > 0);
  if (rest.length) {
    const at = rest[0]?.[0];
    const hasTitle = rest[0] !== undefined && rest[0].length >= 2 && isTitleLike(rest[0][0]?.text ?? "") && parseAuthorList(rest[0][1]?.text ?? "") !== null;
    if (hasTitle) {
      diag.warn(at?.no ?? 1, `record "${excerpt(rest[0]?.[0]?.text ?? "")}" ends without its arXiv and Created lines (is the file cut?); kept without an arXiv id or date`);
      finish({ id: null, idLine: null, created: null });
    } else {
      diag.warn(at?.no ?? 1, `incomplete record: text with no "arXiv:" and "Created:" lines after it (is the file cut?), skipped: "${excerpt(at?.text ?? "")}"`);
    }
  }
  diag.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diag.list, profile: null, listingDate: null };
}
