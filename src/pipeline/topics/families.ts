/**
 * Word families of the clustering vocabulary (cluster.ts counts a family as one dimension): an adjective in "-able" or
 * "-ible" and its quality noun in "-ability", "-ibility" name one subject ("explainable" and "explainability",
 * "interpretable" and "interpretability", "scalable" and "scalability"), and so does "X AI" with X ("explainable AI"
 * is explainability's subject; AI is the general word of an imaging-AI corpus). Issue 13 asks topics to be unified
 * across their written forms; these derivations keep the meaning, unlike a Porter stem ("generative", "generation",
 * "general" share one). Measured on the seeds and not kept: "-ness" ("fair", "fairness": the fairness and brain-tumour
 * themes lost papers) and "-tic"/"-sis" ("synthetic", "synthesis": synthesis split over its settings).
 *
 * A family is found only between terms of the clustering vocabulary, from their keys (lower case, last word singular,
 * acronyms expanded): no dictionary, so no word the corpus does not use both ways is touched.
 */
import type { TermStats } from "./terms";

/** Adjective ending -> the ending of its quality noun. */
const QUALITY_NOUN: readonly (readonly [string, string])[] = [
  ["able", "ability"],
  ["ible", "ibility"],
];

/** The long form an "AI" unit reads as (terms.ts expands defined acronyms; keys hold the long form). */
const AI_SUFFIX = " artificial intelligence";

/**
 * Per term gid, the gid of its family's representative (the quality noun, or the adjective where the corpus has no
 * noun); terms in no family are absent. `terms` is the clustering vocabulary.
 */
export function wordFamilies(terms: readonly TermStats[]): Map<string, string> {
  const bySingleWord = new Map<string, TermStats>();
  for (const t of terms) {
    const word = t.key.slice(2);
    if (!word.includes(" ")) bySingleWord.set(word, t);
  }
  const family = new Map<string, string>();
  for (const [word, t] of bySingleWord) {
    for (const [adjective, noun] of QUALITY_NOUN) {
      if (!word.endsWith(adjective) || word.length - adjective.length < 3) continue;
      const quality = bySingleWord.get(word.slice(0, word.length - adjective.length) + noun);
      if (quality && quality !== t) {
        family.set(t.gid, quality.gid);
        family.set(quality.gid, quality.gid);
      }
    }
  }
  for (const t of terms) {
    if (!t.key.endsWith(AI_SUFFIX)) continue;
    const modifier = bySingleWord.get(t.key.slice(2, -AI_SUFFIX.length));
    if (!modifier) continue;
    const head = family.get(modifier.gid) ?? modifier.gid;
    family.set(modifier.gid, head);
    family.set(t.gid, head);
  }
  return family;
}
