/**
 * The normalised record every format reader produces, before identity resolution.
 * One record per paper entry read; names keep their exact spelling (trimmed, NFC).
 */
import type { Diagnostic, ProfileFigures, SourceRef } from "../model/graph-file";

export type { Diagnostic, ProfileFigures, SourceRef };

/** Listing formats: the pages people copy from profile, trending and arXiv listing pages (line-based readers). */
export type ListingFormatId = "profile" | "compact-profile" | "trending" | "arxiv-listing";

/** Bibliographic export formats (readers in formats/exports/, detected by content before the listings). */
export type ExportFormatId =
  | "bibtex"
  | "ris"
  | "wos"
  | "wos-tab"
  | "scopus-csv"
  | "medline"
  | "pubmed-xml"
  | "csl-json"
  | "arxiv-atom"
  | "openalex"
  | "semantic-scholar";

/** Format ids, as stored in the graph file's `sources[].format`. */
export type FormatId = ListingFormatId | ExportFormatId;

/**
 * What a source says about one byline name beyond its spelling. Parallel to `PaperRecord.authors` (same length) when
 * the source has any of it, else `authorInfo` is empty.
 */
export interface AuthorInfo {
  /** ORCID iD as "0000-0002-1825-0097" (checksum valid, no URL prefix), else null. */
  orcid: string | null;
  /**
   * The source's own author ids, prefixed by their namespace: "openalex:A5023888391", "s2:1741101", "scopus:57203512345",
   * "wos-rid:A-1234-2010" (ResearcherID). Two spellings sharing one id are one person.
   */
  ids: string[];
  /** Affiliations as printed for this author on this paper. */
  affiliations: string[];
  /** Other spellings the source prints for this same byline slot (WoS `AU` beside `AF`, OpenAlex `raw_author_name`). */
  alternateNames: string[];
}

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
  /** "YYYY-MM-DD", "YYYY-MM", "YYYY" (exports often give only a year) or null: as precise as the source, never invented. */
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

  // Bibliographic fields of the export formats (empty / null for listings and where a source lacks them).
  /** Lower case, no URL or "doi:" prefix ("10.1038/s41586-020-2649-2"). */
  doi: string | null;
  /** PubMed id, digits only. */
  pmid: string | null;
  /** OpenAlex work id ("W2741809807"). */
  openalexId: string | null;
  /** Semantic Scholar paperId (40 hex digits). */
  s2Id: string | null;
  /** Web of Science accession number as printed in UT ("WOS:000268997100006"). */
  wosId: string | null;
  /** Scopus EID ("2-s2.0-85082124163"). */
  scopusId: string | null;
  /** Journal, proceedings or container title. */
  venue: string | null;
  volume: string | null;
  issue: string | null;
  /** Page range or article number as printed ("123-130", "e1002"). */
  pages: string | null;
  /** The source's publication type as read ("article", "inproceedings", "Journal Article", "JOUR"), else null. */
  publicationType: string | null;
  /** Author keywords (BibTeX keywords, RIS KW, WoS DE, Scopus author keywords, CSL keyword), as printed. */
  keywords: string[];
  /** Indexer keywords (WoS Keywords Plus, Scopus index keywords, OpenAlex topics/concepts/keywords). */
  indexKeywords: string[];
  /** MeSH headings as given (descriptor, with "/qualifier" where present; "*" major-topic marks removed). */
  meshTerms: string[];
  /** Parallel to `authors` when the source gives ids, ORCIDs or affiliations; otherwise empty. */
  authorInfo: AuthorInfo[];
  /** Organisations given as authors (WoS CA, MEDLINE CN, PubMed CollectiveName, braced corporate BibTeX names). Never people. */
  groupAuthors: string[];
  /** Citation count as the source states it (OpenAlex cited_by_count, S2 citationCount, WoS TC, Scopus Cited by). */
  citationCount: number | null;
  /**
   * Cited references where the source lists them, as ids when it gives ids ("doi:10.…", "openalex:W…", "s2:…",
   * "pmid:…") or the printed reference string otherwise (WoS CR). Kept for later; no citation edges yet.
   */
  references: string[];
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
