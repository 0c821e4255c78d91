/**
 * The numbers author resolution decides by, each with the reason for its value (README "Evidence" describes the rules
 * for researchers). Name penalties live beside the name comparison, in name-match.ts PENALTY.
 */

/** Context weights: a merge happens when the summed context reaches the name penalty. */
export const CONTEXT = {
  /** Per shared co-author seen on bylines of at most SMALL_BYLINE names on both sides. */
  coauthor: 2,
  /** Per shared co-author met only on consortium bylines, capped at consortiumCap in total. */
  consortiumCoauthor: 0.5,
  consortiumCap: 1,
  /** Both names on one profile page (the page's person works with both). */
  sameProfilePage: 1,
  /** Both names in one other listing (search result, arXiv listing). */
  sameListing: 0.5,
  /** The same paper read from two listings names them at the same byline position. */
  samePosition: 3,
  /** Two or more rare title words shared by their papers. */
  titleWords: 0.5,
} as const;
/**
 * Bylines up to this many names are a working group whose members know each other; longer ones are consortium papers,
 * where a shared co-author says little (a challenge community of 100+ names is not evidence of one person).
 */
export const SMALL_BYLINE = 20;
/** A surname carried by this many different given names in the input counts as common. */
export const COMMON_SURNAME_MIN_GIVEN = 5;

/** Export formats: a whole file is one query result, so "the same listing" says nothing about who is who. */
export const EXPORT_FORMATS = new Set(["bibtex", "ris", "wos", "wos-tab", "scopus-csv", "medline", "pubmed-xml", "csl-json", "arxiv-atom", "openalex", "semantic-scholar"]);
/** Beyond this many separated groups of one initials-only spelling, the groups are not compared pairwise (linear bound). */
export const MAX_COMPARED_GROUPS = 64;
/**
 * Penalty of two separated groups of one initials-only spelling ("X. Li" on papers with no co-author in common): one
 * piece of context joins them, as for a second surname; a common surname adds PENALTY.commonSurname as anywhere.
 */
export const INITIALS_GROUP_PENALTY = 1;

/**
 * Names whose letters without spaces are at least this long are also blocked without their first letter, to meet a
 * spelling that lost it ("lkay Oksuz"); shorter ones would make blocks of unrelated short names.
 */
export const LOST_LETTER_MIN_COMPACT = 5;

/** Title words shorter than this are function words or abbreviations, never telling. */
export const TITLE_WORD_MIN_LENGTH = 4;
/**
 * A title word is rare when it is in at most this share of the records (but at least RARE_WORD_MIN_RECORDS, so that
 * two papers of a small input can share one); common field words ("segmentation") would link everyone.
 */
export const RARE_WORD_SHARE = 0.005;
export const RARE_WORD_MIN_RECORDS = 2;
/** Shared rare title words needed for CONTEXT.titleWords: one shared word is too often chance. */
export const TITLE_WORDS_NEEDED = 2;
/** Function and field words left out of the title words even when long. */
export const TITLE_STOP = new Set(
  "with from that this into using based their than over under between towards toward through across without via study analysis approach method methods model models learning deep data image images medical network networks".split(" "),
);

/**
 * Rounds of context weighing: a merge gives its clusters new shared co-authors, so a later round can join pairs an
 * earlier one could not; three rounds reach chains of that kind in practice and keep the work bounded.
 */
export const CONTEXT_ROUNDS = 3;

/** How many shared co-authors and title words an evidence line names (the count is always given in full). */
export const EVIDENCE_COAUTHORS_SHOWN = 3;
export const EVIDENCE_WORDS_SHOWN = 4;
/** Affiliations kept per person, most frequent first: enough to recognise someone, bounded for people on huge bylines. */
export const MAX_AFFILIATIONS = 20;
