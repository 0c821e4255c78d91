/** What identity resolution hands to the graph stage: one entity per person and per paper. */
import type { Diagnostic, ProfileFigures, SourceRef } from "../records";
import type { Thesaurus } from "./thesaurus";

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
  /** ORCID iD when a source gave one. */
  orcid: string | null;
  /** Source author ids with their namespace, sorted. */
  externalIds: string[];
  /** Affiliations printed for them, most frequent first. */
  affiliations: string[];
}

export interface ResolvedPaper {
  /** Stable node key: "p:arxiv:<id>" when an arXiv id is known, else "p:" + normalised-title slug (+ suffix on clash). */
  key: string;
  title: string | null;
  /** Readable label: the title, or arXiv id + opening words of the abstract. */
  label: string;
  /** Author keys in byline order, no duplicates; a profile page's person is appended when the cut byline lacks them. */
  authors: string[];
  /**
   * Per entry of `authors`: the spelling it was read as (the first record that names the person on this paper: the
   * chosen byline, then the other records, then the profile page), NFC, trimmed. Written as the `as` attribute of
   * the person's authored edge when they have several spellings (a split in the explorer moves papers by it).
   */
  authorSpellings?: string[];
  authorsComplete: boolean;
  /** Profile pages' people appended to `authors` because the byline read lacks them (see graph-file profileOwners). */
  profileOwners?: string[];
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
  /** Lower case, no URL prefix; never an arXiv DataCite DOI (that is read as the arXiv id). */
  doi: string | null;
  pmid: string | null;
  /** "openalex:W…", "s2:…", "wos:WOS:…", "scopus:2-s2.0-…", sorted. */
  externalIds: string[];
  venue: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  publicationType: string | null;
  /** Author keywords, union over the records (case-insensitive, first spelling kept). */
  keywords: string[];
  indexKeywords: string[];
  meshTerms: string[];
  /** Organisations named as authors; never people. */
  groupAuthors: string[];
  /** The largest citation count a source stated. */
  citationCount: number | null;
  /** The longest reference list any record gave (references are kept on records, not yet in the graph). */
  referenceCount: number;
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
  /**
   * People only: the decision as data (what decided it, the spellings on each side, the context each piece of evidence
   * added, the context needed and found), for the identity review (graph attribute `identityReview`).
   */
  review?: {
    basis: "variant" | "profile" | "author-id" | "name" | "context" | "thesaurus" | "conflict";
    sides: string[][];
    /** Per entry of `evidence`: the context it added (0 for name differences and verdicts). */
    weights: number[];
    penalty: number | null;
    context: number | null;
    /** Kept apart by a rule: a shared byline, two ids of one kind, a thesaurus split, or a name conflict within the clusters. */
    conflict?: "byline" | "author-id" | "thesaurus" | "names";
    /** Author keys: the person (merges), the two people (kept apart; one when a thesaurus merge joined them later). */
    keys?: string[];
  };
}

export interface IdentityResult {
  authors: ResolvedAuthor[];
  papers: ResolvedPaper[];
  merges: MergeEvent[];
  /** Decisions not to merge close names, with reasons (also part of the audit trail). */
  keptApart: MergeEvent[];
  diagnostics: Diagnostic[];
  /** The thesaurus applied, when there was one (carried into the graph for the identity review). */
  thesaurus?: Thesaurus;
}
