/**
 * The normalised record every format reader produces, before identity resolution.
 * One record per paper entry read; names keep their exact spelling (trimmed, NFC).
 */
import type { Diagnostic, ProfileFigures, SourceRef } from "../model/graph-file";

export type { Diagnostic, ProfileFigures, SourceRef };

/** Format ids, as stored in the graph file's `sources[].format`. */
export type FormatId = "profile" | "compact-profile" | "trending" | "arxiv-listing";

export interface PaperRecord {
  /** Where the record starts (its first line). */
  source: SourceRef;
  format: FormatId;
  /** null when the source has no title (most arXiv listing records). */
  title: string | null;
  /** Names in byline order, exactly as read (trimmed, NFC). */
  authors: string[];
  /** False when the source cut the byline ("et al.", or a byline cut mid-word). */
  authorsComplete: boolean;
  /** Affiliation shown after " · " on a byline, else null. */
  affiliation: string | null;
  /** "YYYY-MM-DD", "YYYY-MM" or null. */
  date: string | null;
  /** arXiv "Updated:" date when present. */
  updated: string | null;
  arxivId: string | null;
  /** Category codes as read ("CV", "MED-PH"). */
  categories: string[];
  hasCode: boolean;
  /** Display text: LaTeX escapes removed, whitespace collapsed. */
  abstract: string | null;
  /** arXiv comment line ("20 pages"), else null. */
  comment: string | null;
  /**
   * The person a profile page belongs to: an author of this paper even where the byline was cut before
   * their name. null outside profile pages.
   */
  profileAuthor: string | null;
}

export interface ProfileHeader {
  name: string;
  figures: ProfileFigures;
}

export interface ParsedDocument {
  file: string;
  /** null when no reader recognised the content. */
  format: FormatId | null;
  records: PaperRecord[];
  diagnostics: Diagnostic[];
  /** Header of a profile page, when the page has one. */
  profile: ProfileHeader | null;
  /** Listing date of a trending page ("Mar 11"), kept as read: it is not a publication date. */
  listingDate: string | null;
}

/** An input as the pipeline sees it: a name for messages and the file's text decoded as UTF-8 (binary files are diagnosed by the readers). */
export interface InputDocument {
  file: string;
  text: string;
}
