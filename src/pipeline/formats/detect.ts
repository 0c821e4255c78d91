/**
 * Format detection by content (never by file name). Checked in order: arXiv listing (arXiv / Created lines),
 * trending list (its header lines), profile pages (entry date lines: blank line after the title -> profile, byline
 * glued on the next line -> compact), profile header figures alone, then the title/abstract rhythm of a trending list.
 */
import type { ListingFormatId } from "../records";
import { isArxivLine, isCreatedLine } from "./arxiv-listing";
import { splitTitleByline } from "./byline";
import { isEntryHead } from "./entry-head";
import { toBlocks, toLines, type Line } from "./lines";
import { isProfileFigureLine } from "./profile";
import { isAbstractLike, isTitleLike } from "./trending";

const TRENDING_HEADER = new Set(["get trending papers in your email inbox!", "byak and the research community"]);

export function detectLines(lines: readonly Line[]): ListingFormatId | null {
  const texts = lines.map((l) => l.text);
  const arxiv = texts.filter(isArxivLine).length;
  const created = texts.filter(isCreatedLine).length;
  if ((arxiv >= 1 && created >= 1) || arxiv >= 2) return "arxiv-listing";

  if (texts.slice(0, 40).some((t) => TRENDING_HEADER.has(t.toLowerCase()))) return "trending";

  let profileVotes = 0;
  let compactVotes = 0;
  let firstHead = -1;
  texts.forEach((t, i) => {
    if (!isEntryHead(t)) return;
    const next = texts[i + 1];
    // A date line counts only when a title follows it directly (a trending list's "Mar 11" stands alone).
    if (next === undefined || next === "" || isEntryHead(next)) return;
    if (firstHead < 0) firstHead = i;
    const after = texts[i + 2];
    if (after === undefined) {
      // The file ends after the title line: a title glued to its byline is a compact entry (a profile puts the byline
      // after a blank line).
      if (splitTitleByline(next)?.rank === 0) compactVotes++;
      return;
    }
    if (after === "") profileVotes++;
    else compactVotes++;
  });
  const figures = texts.slice(0, firstHead < 0 ? 30 : firstHead).filter(isProfileFigureLine).length;
  if (firstHead >= 0) return figures > 0 || profileVotes >= compactVotes ? "profile" : "compact-profile";
  if (figures >= 2) return "profile";

  // Trending rhythm without its header: single-line blocks alternating title / abstract.
  const blocks = toBlocks(lines);
  if (blocks.length >= 4 && blocks.every((b) => b.lines.length === 1)) {
    let pairs = 0;
    let good = 0;
    for (let i = 0; i + 1 < blocks.length; i += 2) {
      pairs++;
      const t = blocks[i]?.lines[0]?.text ?? "";
      const a = blocks[i + 1]?.lines[0]?.text ?? "";
      if (isTitleLike(t) && isAbstractLike(a) && a.length > t.length) good++;
    }
    if (pairs >= 2 && good / pairs >= 0.8) return "trending";
  }
  return null;
}

/** Which format a text is in, or null when no reader recognises it. */
export function detectFormat(text: string): ListingFormatId | null {
  return detectLines(toLines(text));
}
