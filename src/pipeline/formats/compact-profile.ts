/**
 * Compact profile: the entries of a profile page with no header and no blank lines, title and byline glued:
 *
 *   CVJun 3, 2022
 *   Metrics reloaded: Recommendations for image analysis validationLena Maier-Hein, Annika Reinke et al. · utoronto
 *   Abstract (optional line)
 *
 * The title/byline split is done by splitTitleByline (byline.ts). A byline on its own line is accepted too.
 */
import type { PaperRecord } from "../records";
import { CUT_MESSAGE, markCutAtEnd, parseByline, splitTitleByline, TOO_LONG_MESSAGE, tooLongToSplit, type Byline } from "./byline";
import { assignEntryDates, isEntryHead, parseEntryHead, type EntryHead, type HeadedRecord } from "./entry-head";
import type { Line } from "./lines";
import { Diagnostics, emptyRecord, type ReaderResult } from "./record";
import { cleanText, excerpt } from "./text";

function readEntry(head: Line, parsed: EntryHead, body: readonly Line[], file: string, diag: Diagnostics): HeadedRecord & { record: PaperRecord } {
  const record = emptyRecord(file, head.no, "compact-profile");
  record.categories = parsed.categories;
  record.hasCode = parsed.hasCode;
  const rest = body.filter((l) => l.text !== "");
  const first = rest.shift();
  if (!first) {
    diag.warn(head.no, `entry "${head.text}" has no title or byline line after its date line`);
    return { head: parsed, line: head.no, record };
  }

  if (tooLongToSplit(first.text)) {
    // A glued line of megabytes is no title and byline (and splitting it would cost time for nothing): named, skipped.
    diag.warn(first.no, `${TOO_LONG_MESSAGE(first.text.length)}: "${excerpt(first.text)}"; the entry is kept without a title or authors`);
    if (rest.length) record.abstract = cleanText(rest.map((l) => l.text).join(" ")) || null;
    return { head: parsed, line: head.no, record };
  }
  let byline: Byline | null = null;
  const split = splitTitleByline(first.text);
  const ownLine = rest[0] ? parseByline(rest[0].text, "strict") : null;
  let bylineLine = first;
  if (split) {
    record.title = cleanText(split.title);
    byline = split.byline;
  } else if (ownLine && rest[0]) {
    record.title = cleanText(first.text);
    byline = ownLine;
    bylineLine = rest[0];
    rest.shift();
  } else {
    record.title = cleanText(first.text);
    diag.warn(first.no, `cannot tell where the title ends and the byline starts in "${excerpt(first.text)}"; the whole line is kept as the title, without authors`);
  }
  if (byline) {
    byline = markCutAtEnd(byline, bylineLine.unterminated);
    record.authors = byline.authors;
    record.authorsComplete = byline.authorsComplete;
    record.affiliation = byline.affiliation;
    if (byline.cut) diag.warn(bylineLine.no, CUT_MESSAGE);
  }
  if (rest.length) record.abstract = cleanText(rest.map((l) => l.text).join(" ")) || null;
  for (const extra of rest.slice(1)) {
    diag.warn(extra.no, `unexpected extra line in entry "${excerpt(record.title ?? head.text)}" (an entry is a date line, a title+byline line and at most one abstract line); kept as part of the abstract`);
  }
  return { head: parsed, line: head.no, record };
}

export function readCompactProfile(lines: readonly Line[], file: string): ReaderResult {
  const diag = new Diagnostics(file);
  const heads = lines.map((l, i) => (isEntryHead(l.text) ? i : -1)).filter((i) => i >= 0);
  for (const line of lines.slice(0, heads[0] ?? lines.length)) {
    if (line.text !== "") diag.warn(line.no, `line before the first entry is not part of any entry, ignored: "${excerpt(line.text)}"`);
  }
  const entries: (HeadedRecord & { record: PaperRecord })[] = [];
  heads.forEach((h, k) => {
    const head = lines[h];
    const parsed = head ? parseEntryHead(head.text) : null;
    if (!head || !parsed) return;
    entries.push(readEntry(head, parsed, lines.slice(h + 1, heads[k + 1] ?? lines.length), file, diag));
  });
  assignEntryDates(entries, (line, message) => diag.warn(line, message));
  diag.list.sort((a, b) => a.line - b.line);
  return { records: entries.map((e) => e.record), diagnostics: diag.list, profile: null, listingDate: null };
}
