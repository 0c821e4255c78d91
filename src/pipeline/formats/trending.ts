/**
 * Trending list: a few header lines ("new", "Get trending papers in your email inbox!", "Subscribe",
 * "byAK and the research community", the listing date "Mar 11"), then title / abstract pairs separated by blank
 * lines. No authors and no dates: the listing date is when the list was shown, not when a paper appeared, so it goes
 * to ParsedDocument.listingDate and records get date null.
 */
import { MONTH_PATTERN } from "./dates";
import { toBlocks, type Block, type Line } from "./lines";
import { Diagnostics, emptyRecord, type ReaderResult } from "./record";
import { cleanText, excerpt } from "./text";

export const TRENDING_MARKERS = [
  "get trending papers in your email inbox!",
  "byak and the research community",
  "subscribe",
  "new",
  "trending papers",
];
const LISTING_DATE = new RegExp(`^${MONTH_PATTERN} \\d{1,2}(?:, \\d{4})?$`);

/** A title: one line, not too long, not ending like a sentence. */
export function isTitleLike(text: string): boolean {
  return text.length <= 300 && text.split(" ").length <= 40 && !/[.;,]$/.test(text);
}

/** An abstract: long, or ending like a sentence. */
export function isAbstractLike(text: string): boolean {
  return text.length >= 200 || /[.!?…)"”]$/.test(text);
}

export function readTrending(lines: readonly Line[], file: string): ReaderResult {
  const diag = new Diagnostics(file);
  let listingDate: string | null = null;
  let start = 0;
  // Header: marker lines and the listing date, before the first pair.
  for (; start < lines.length; start++) {
    const t = lines[start]?.text ?? "";
    if (t === "") continue;
    if (TRENDING_MARKERS.includes(t.toLowerCase())) continue;
    if (LISTING_DATE.test(t) && listingDate === null) {
      listingDate = t;
      continue;
    }
    break;
  }
  const blocks: Block[] = splitRunTogether(toBlocks(lines.slice(start)), diag);
  const result = emptyResult(listingDate);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const head = block?.lines[0];
    if (!block || !head) continue;
    if (block.lines.length === 1 && (TRENDING_MARKERS.includes(head.text.toLowerCase()) || LISTING_DATE.test(head.text))) {
      // Page chrome repeated inside the list (two pages pasted together): not a paper.
      diag.warn(head.no, `page header line inside the list, ignored: "${head.text}"`);
      continue;
    }
    const record = emptyRecord(file, head.no, "trending");
    if (block.lines.length > 1) {
      // Title and abstract without the blank line between them.
      record.title = cleanText(head.text);
      record.abstract = cleanText(block.lines.slice(1).map((l) => l.text).join(" "));
      result.records.push(record);
      continue;
    }
    const next = blocks[i + 1];
    const nextText = next?.lines.map((l) => l.text).join(" ") ?? "";
    if (isTitleLike(head.text)) {
      record.title = cleanText(head.text);
      if (next && (isAbstractLike(nextText) || !isTitleLike(nextText))) {
        record.abstract = cleanText(nextText);
        i++;
      } else {
        diag.warn(head.no, `title "${excerpt(head.text)}" has no abstract after it; kept without an abstract`);
      }
      result.records.push(record);
    } else {
      diag.warn(head.no, `text without a title, skipped (a trending entry is a title line, a blank line, then its abstract): "${excerpt(head.text)}"`);
    }
  }
  result.diagnostics = diag.list;
  return result;
}

/**
 * Entries run together when the blank line between them is lost: "...abstract one." directly followed by the next
 * title would fold that title into the abstract. A block is cut before a line that reads only as a title (short, no
 * sentence end) when the line before it reads only as an abstract (a sentence or a long paragraph, not a title).
 */
function splitRunTogether(blocks: Block[], diag: Diagnostics): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    let current: Line[] = [];
    block.lines.forEach((line, k) => {
      const before = block.lines[k - 1];
      if (before && isTitleLike(line.text) && !isAbstractLike(line.text) && isAbstractLike(before.text) && !isTitleLike(before.text)) {
        diag.warn(line.no, `no blank line between the abstract above and "${excerpt(line.text)}"; read as the title of a new entry`);
        out.push({ lines: current });
        current = [];
      }
      current.push(line);
    });
    out.push({ lines: current });
  }
  return out;
}

function emptyResult(listingDate: string | null): ReaderResult {
  return { records: [], diagnostics: [], profile: null, listingDate };
}
