/**
 * "Every non-blank line is a record, part of one, or in a diagnostic", made precise for the listing readers.
 *
 * A non-blank line L (after the readers' own line normalisation) is accounted for when one of these holds:
 *   1. a diagnostic names line L: as its line, as a range in its message ("skipped (lines 12-20)"), or as the
 *      paragraph it skips: a diagnostic that skips or ignores text ("... skipped", "... ignored") covers the lines
 *      below it up to the next blank line (readers skip text a block at a time);
 *   2. a record starts at L (its `source.line`: the entry's date line, the first line of an arXiv record);
 *   3. L belongs to the record that owns it (the last record starting at or before L) by content: every word of L
 *      occurs in that record's fields (title, authors, affiliation, abstract, comment, id, categories, dates), or L is
 *      one of the record's structural lines (an arXiv line when the record has that id; a Created line when it has a
 *      date). Words are runs of letters and digits, also split where a lower-case letter or a digit meets a capital
 *      (and before the last capital of a run followed by lower case), so a compact line's glued title and byline
 *      ("validationLena") count as the two words they are; failing that, L's letters and digits must run on inside the
 *      record's fields read in order (a split inside a word: "AI" read as title "A" and author "I");
 *   4. L is page chrome before the first record that the reader recognised as such: a profile header line (the person's
 *      name, a figure, the category, the "49 Papers" heading) when the document has a profile, a trending-page marker or
 *      the listing date.
 * A line that is none of these vanished: it went into no record and no diagnostic mentions it.
 */
import { isArxivLine, isCreatedLine } from "../../src/pipeline/formats/arxiv-listing";
import { toLines, type Line } from "../../src/pipeline/formats/lines";
import { isProfileFigureLine } from "../../src/pipeline/formats/profile";
import { cleanName, cleanText } from "../../src/pipeline/formats/text";
import { TRENDING_MARKERS } from "../../src/pipeline/formats/trending";
import type { PaperRecord, ParsedDocument } from "../../src/pipeline/records";

/** Words that structure a listing rather than carry data ("et al.", "A and B", "Code", month names). */
const STRUCTURAL = new Set([
  "et", "al", "and", "code", "arxiv", "created", "updated",
  ...["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
]);

export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/(\p{Ll}|\p{N})(?=\p{Lu})|(\p{Lu})(?=\p{Lu}\p{Ll})/gu, "$1$2 ")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

function recordWords(r: PaperRecord): Set<string> {
  const parts = [r.title, r.affiliation, r.abstract, r.comment, r.arxivId, r.date, r.updated, ...r.authors, ...r.categories];
  const out = new Set<string>();
  for (const p of parts) if (p) for (const w of words(p)) out.add(w);
  // Dates as the listings print them: "2023-08-11" is "Aug 11, 2023" on a profile (leading zeros dropped).
  for (const d of [r.date, r.updated]) {
    for (const part of (d ?? "").split("-")) if (part) out.add(String(Number(part)));
  }
  return out;
}

const LIST_HEADING = /^[\d,]+ Papers?$/;

function isChrome(line: Line, doc: ParsedDocument): boolean {
  const t = line.text;
  if (doc.format === "trending") return TRENDING_MARKERS.includes(t.toLowerCase()) || t === doc.listingDate;
  if (doc.profile) {
    const p = doc.profile;
    return line.no === p.figures.source.line || cleanName(t) === p.name || isProfileFigureLine(t) || LIST_HEADING.test(t) || t === p.figures.category;
  }
  return false;
}

// "et al." may be glued to the last name ("Mohańet al."): the byline parser takes it as structure, so it is left out here.
const letters = (s: string) => s.normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "").toLowerCase().replace(/etal/g, "");

/** The record's fields in reading order as one run of letters and digits ("AI" split into title "A" and author "I"). */
function recordLetters(r: PaperRecord): string {
  return letters([r.title, ...r.authors, r.affiliation, r.abstract, r.comment].filter((x) => x).join(""));
}

function coveredByContent(line: Line, r: PaperRecord, vocabulary: Set<string>, run: () => string): boolean {
  const t = line.text;
  if (isArxivLine(t) && r.arxivId !== null) return true;
  if (isCreatedLine(t) && r.date !== null) return true;
  const ok = (ws: string[]) => ws.every((w) => vocabulary.has(w) || STRUCTURAL.has(w));
  if (ok(words(cleanText(t))) || ok(words(t))) return true;
  // A split inside a word (a glued title and byline cut at a capital of an acronym) leaves the word in two fields.
  const own = letters(cleanText(t));
  return own !== "" && run().includes(own);
}

/** The non-blank lines of `text` that `doc` does not account for (see the header), as "line N: text". */
export function unaccountedLines(raw: string, doc: ParsedDocument): string[] {
  // readDocument reads a stray NUL as a space (formats/index.ts): a line of NULs is a blank line to it, and here.
  const text = raw.replaceAll("\u0000", " ");
  const lines = toLines(text).filter((l) => l.text !== "");
  const diagnosed = new Set(doc.diagnostics.map((d) => d.line));
  for (const d of doc.diagnostics) {
    for (const m of d.message.matchAll(/\blines (\d+)-(\d+)\b/g)) for (let n = Number(m[1]); n <= Number(m[2]); n++) diagnosed.add(n);
  }
  const skipping = new Set(doc.diagnostics.filter((d) => /\b(?:skipped|ignored)\b/.test(d.message)).map((d) => d.line));
  // Lines covered by a skipping diagnostic above them in their paragraph.
  const all = toLines(text);
  let covering = false;
  for (const line of all) {
    if (line.text === "") covering = false;
    else if (skipping.has(line.no)) covering = true;
    if (covering) diagnosed.add(line.no);
  }
  const starts = new Set(doc.records.map((r) => r.source.line));
  const ordered = [...doc.records].sort((a, b) => a.source.line - b.source.line);
  const vocabularies = new Map<PaperRecord, Set<string>>();
  const vocabulary = (r: PaperRecord) => {
    let v = vocabularies.get(r);
    if (!v) vocabularies.set(r, (v = recordWords(r)));
    return v;
  };
  const missing: string[] = [];
  let k = -1;
  for (const line of lines) {
    while (k + 1 < ordered.length && ordered[k + 1]!.source.line <= line.no) k++;
    if (diagnosed.has(line.no) || starts.has(line.no)) continue;
    const owner = ordered[k];
    if (owner ? coveredByContent(line, owner, vocabulary(owner), () => recordLetters(owner)) : isChrome(line, doc)) continue;
    missing.push(`line ${line.no}: ${line.text.slice(0, 120)}`);
  }
  return missing;
}
