/**
 * Profile page (a person's paper list): a header with the person's name, a category line and figures glued to their
 * labels ("h-index72", "1,931citations"), then entries separated by blank lines:
 *
 *   CYAug 11, 2023            category + date (+ "Code")
 *   Title                     directly under the date line
 *                             (blank)
 *   A, B, C et al. · affil    byline
 *                             (blank)
 *   Abstract
 *
 * Entries missing a byline or an abstract still become records, with a warning.
 */
import type { PaperRecord, ProfileFigures, ProfileHeader } from "../records";
import { CUT_MESSAGE, markCutAtEnd, parseByline, splitTitleByline, TOO_LONG_MESSAGE, tooLongToSplit, type Byline } from "./byline";
import { assignEntryDates, isEntryHead, parseEntryHead, type EntryHead, type HeadedRecord } from "./entry-head";
import { blockText, toBlocks, type Block, type Line } from "./lines";
import { Diagnostics, emptyRecord, type ReaderResult } from "./record";
import { cleanName, cleanText, excerpt } from "./text";

type FigureKey = "hIndex" | "papers" | "citations" | "novelty" | "aiScore";

const FIGURES: [FigureKey, RegExp][] = [
  ["hIndex", /^h-index ?([\d,]+)$/i],
  // Lower-case and glued ("49papers") is the figure; "49 Papers" is the heading of the list.
  ["papers", /^([\d,]+)papers$/],
  ["citations", /^([\d,]+) ?citations$/i],
  ["novelty", /^Novelty ?(\d+(?:\.\d+)?) ?%$/i],
  ["aiScore", /^AI Score ?(\d+(?:\.\d+)?)$/i],
];
const LIST_HEADING = /^[\d,]+ Papers?$/;
const CATEGORY_LINE = /^[A-Z][A-Z-]{0,11}$/;

export function isProfileFigureLine(text: string): boolean {
  return FIGURES.some(([, re]) => re.test(text));
}

function readHeader(lines: readonly Line[], file: string, diag: Diagnostics): ProfileHeader | null {
  let name: string | null = null;
  let nameLine = 0;
  const figures: ProfileFigures = {
    category: null, hIndex: null, papers: null, citations: null, novelty: null, aiScore: null, source: { file, line: 0 },
  };
  for (const line of lines) {
    const t = line.text;
    if (t === "") continue;
    const figure = FIGURES.find(([, re]) => re.test(t));
    if (figure) {
      const value = Number((figure[1].exec(t)?.[1] ?? "").replace(/,/g, ""));
      figures[figure[0]] = Number.isFinite(value) ? value : null;
    } else if (LIST_HEADING.test(t)) {
      // The page's own count of papers; entries are counted from what is actually listed.
    } else if (name !== null && figures.category === null && CATEGORY_LINE.test(t)) {
      figures.category = t;
    } else if (name === null) {
      name = cleanName(t);
      nameLine = line.no;
    } else {
      diag.warn(line.no, `unrecognised line in the profile header, ignored: "${excerpt(t)}"`);
    }
  }
  if (name === null) return null;
  figures.source = { file, line: nameLine };
  return { name, figures };
}

/** A block reads as a byline when it parses as comma-separated names (not a sentence). */
function asByline(text: string): Byline | null {
  // Consortium bylines run to hundreds of names (~15 characters each); an abstract is never a list of names, so the cap
  // only bounds work on pathological blocks.
  if (text.length > 50_000) return null;
  return parseByline(text, "lenient");
}

function readEntry(head: Line, parsed: EntryHead, body: readonly Line[], file: string, diag: Diagnostics): HeadedRecord & { record: PaperRecord } {
  const record = emptyRecord(file, head.no, "profile");
  record.categories = parsed.categories;
  record.hasCode = parsed.hasCode;

  // Blocks after the head; the title is the line glued under the date line.
  const blocks: Block[] = toBlocks(body);
  const attached = body.length > 0 && body[0]?.text !== "";
  const first = blocks[0];
  let titleLine: Line | null = null;
  if (first && (attached || !asByline(first.lines[0]?.text ?? ""))) {
    titleLine = first.lines[0] ?? null;
    record.title = cleanText(titleLine?.text ?? "") || null;
    const restOfFirst = first.lines.slice(1);
    blocks.splice(0, 1, ...(restOfFirst.length ? [{ lines: restOfFirst }] : []));
  } else {
    diag.warn(head.no, `entry "${head.text}" has no title line under its date line; kept without a title`);
  }

  const bylineBlock = blocks[0];
  const parsedByline = bylineBlock ? asByline(bylineBlock.lines[0]?.text ?? "") : null;
  // A page saved in the compact layout under a profile header: title and byline glued on the title line.
  // Only a confident split with byline evidence (several names, "et al." or an affiliation), so a title such as
  // "... in CNN-based Brain MR Segmentation" is never cut into a fake author.
  const tooLong = !parsedByline && titleLine !== null && tooLongToSplit(titleLine.text);
  if (tooLong && titleLine) diag.warn(titleLine.no, `${TOO_LONG_MESSAGE(titleLine.text.length)}: "${excerpt(titleLine.text)}"; kept as the title`);
  const split = !parsedByline && titleLine && !tooLong ? splitTitleByline(titleLine.text) : null;
  const glued = split && split.rank === 0 && (split.byline.authors.length > 1 || !split.byline.authorsComplete || split.byline.affiliation !== null) ? split : null;
  let byline: Byline | null = null;
  let bylineLine: Line | undefined;
  if (bylineBlock && parsedByline) {
    bylineLine = bylineBlock.lines[0];
    byline = markCutAtEnd(parsedByline, bylineBlock.lines.length === 1 && bylineLine?.unterminated);
    const rest = bylineBlock.lines.slice(1);
    blocks.splice(0, 1, ...(rest.length ? [{ lines: rest }] : []));
  } else if (glued && titleLine) {
    record.title = cleanText(glued.title);
    bylineLine = titleLine;
    byline = markCutAtEnd(glued.byline, blocks.length === 0 && titleLine.unterminated);
  } else {
    diag.warn(head.no, `entry "${excerpt(record.title ?? head.text)}" has no byline; kept without authors`);
  }
  if (byline) {
    record.authors = byline.authors;
    record.authorsComplete = byline.authorsComplete;
    record.affiliation = byline.affiliation;
    if (byline.cut) diag.warn(bylineLine?.no ?? head.no, CUT_MESSAGE);
  }

  const [abstract, ...extra] = blocks;
  if (abstract) {
    record.abstract = cleanText(blocks.map(blockText).join(" ")) || null;
    for (const b of extra) {
      diag.warn(b.lines[0]?.no ?? head.no, `unexpected text after the abstract of entry "${excerpt(record.title ?? head.text)}"; kept as part of the abstract`);
    }
  } else {
    diag.warn(head.no, `entry "${excerpt(record.title ?? head.text)}" has no abstract`);
  }
  return { head: parsed, line: head.no, record };
}

export function readProfile(lines: readonly Line[], file: string): ReaderResult {
  const diag = new Diagnostics(file);
  const heads = lines.map((l, i) => (isEntryHead(l.text) ? i : -1)).filter((i) => i >= 0);
  const headerEnd = heads[0] ?? lines.length;
  const profile = readHeader(lines.slice(0, headerEnd), file, diag);
  if (!profile) diag.warn(1, "profile page has no header with the person's name; records are kept without a profile author");

  const entries: (HeadedRecord & { record: PaperRecord })[] = [];
  heads.forEach((h, k) => {
    const head = lines[h];
    const parsed = head ? parseEntryHead(head.text) : null;
    if (!head || !parsed) return;
    const body = lines.slice(h + 1, heads[k + 1] ?? lines.length);
    entries.push(readEntry(head, parsed, body, file, diag));
  });
  if (!entries.length) diag.warn(headerEnd >= lines.length ? 1 : headerEnd + 1, "profile page lists no entries");
  assignEntryDates(entries, (line, message) => diag.warn(line, message));
  const records = entries.map((e) => ({ ...e.record, profileAuthor: profile?.name ?? null }));
  diag.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diag.list, profile, listingDate: null };
}
