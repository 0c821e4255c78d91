/**
 * Keywords as topic evidence. Author keywords (WoS DE, Scopus author keywords, BibTeX/RIS/CSL keywords) and indexer
 * terms (Keywords Plus, Scopus index keywords, OpenAlex topics and concepts, Semantic Scholar fields of study) are
 * lexed like titles and unified with text terms (terms.ts); MeSH headings are a controlled vocabulary and are kept as
 * given, only cleaned of PubMed's markers.
 */

/** Author keywords weigh this many abstract occurrences (a title occurrence weighs 3, terms.ts). */
export const KEYWORD_WEIGHT = 5;
/** Indexer terms and MeSH headings: assigned by a database, not by the authors, so they weigh as a title occurrence. */
export const INDEX_KEYWORD_WEIGHT = 3;
/** A keyword longer than this many units is a sentence, not a term. */
export const MAX_KEYWORD_UNITS = 6;

/**
 * MeSH check tags (NLM, "Check Tags" in the MeSH indexing manual): species, sex and age groups added to nearly every
 * record. They describe the population studied, never the subject, so they are not topic candidates.
 */
const MESH_CHECK_TAGS: ReadonlySet<string> = new Set(
  [
    "humans", "animals", "male", "female", "pregnancy", "infant, newborn", "infant", "child, preschool", "child",
    "adolescent", "young adult", "adult", "middle aged", "aged", "aged, 80 and over", "mice", "rats", "dogs", "cats",
    "cattle", "swine", "rabbits", "guinea pigs", "cricetinae", "chick embryo", "sheep", "horses",
  ],
);

/**
 * A MeSH heading as given, without PubMed's markers: "Breast Neoplasms/*diagnostic imaging" -> "Breast Neoplasms"
 * (the qualifier after "/" and the major-topic "*"). Null for an empty heading or a check tag.
 */
export function cleanMeshHeading(raw: string): string | null {
  const heading = raw.split("/")[0]!.replace(/\*/g, "").replace(/\s+/g, " ").trim();
  if (heading === "" || !/\p{L}/u.test(heading)) return null;
  return MESH_CHECK_TAGS.has(heading.toLowerCase()) ? null : heading;
}

/**
 * Keywords Plus and some databases write keywords in capitals ("DEEP LEARNING", "CT IMAGES"): words of four letters or
 * more are lower-cased, shorter ones kept as the acronyms they usually are ("CT images"), so the display form comes
 * from how abstracts write the words. Mixed-case keywords are returned as given.
 */
export function foldCapitals(keyword: string): string {
  if (keyword !== keyword.toUpperCase() || !/\p{Lu}{4}/u.test(keyword)) return keyword;
  return keyword.replace(/\p{L}{4,}/gu, (w) => w.toLowerCase());
}

/** Identity of a MeSH heading: lower case, spaces and hyphens removed (its commas stay: "Tomography, X-Ray Computed"). */
export function meshIdentity(heading: string): string {
  return heading.toLowerCase().replace(/[\s-]+/g, "");
}
