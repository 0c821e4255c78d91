/** What identity resolution hands to the graph stage: one entity per person and per paper. */
import type { Diagnostic, ProfileFigures, SourceRef } from "../records";

export interface ResolvedAuthor {
  /** Stable node key, "a:" + name key (e.g. "a:maier-hein|lena"); unique. */
  key: string;
  /** Display form: fullest, most frequent spelling, with diacritics. */
  name: string;
  /** Every spelling read, display form included, sorted. */
  aliases: string[];
  /** Keys of their papers, sorted. */
  papers: string[];
  profile: ProfileFigures | null;
}

export interface ResolvedPaper {
  /** Stable node key: "p:arxiv:<id>" when an arXiv id is known, else "p:" + normalised-title slug (+ suffix on clash). */
  key: string;
  title: string | null;
  /** Readable label: the title, or arXiv id + opening words of the abstract. */
  label: string;
  /** Author keys in byline order, no duplicates; a profile page's person is appended when the cut byline lacks them. */
  authors: string[];
  authorsComplete: boolean;
  affiliation: string | null;
  date: string | null;
  year: number | null;
  arxivId: string | null;
  categories: string[];
  hasCode: boolean;
  abstract: string | null;
  comment: string | null;
  /** Every place read, sorted by file then line. */
  sources: SourceRef[];
}

/** One merge decision with the evidence it rests on, for the audit trail. */
export interface MergeEvent {
  entity: "author" | "paper";
  /** Key of the resulting node. */
  key: string;
  /** Display form of the result. */
  into: string;
  /** The spellings / records merged into it. */
  merged: string[];
  /** Human-readable reasons ("same name key", "jaro-winkler 0.97 on surname", "2 shared co-authors", "thesaurus"). */
  evidence: string[];
}

export interface IdentityResult {
  authors: ResolvedAuthor[];
  papers: ResolvedPaper[];
  merges: MergeEvent[];
  /** Decisions not to merge close names, with reasons (also part of the audit trail). */
  keptApart: MergeEvent[];
  diagnostics: Diagnostic[];
}
