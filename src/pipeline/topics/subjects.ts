/**
 * Does a single word name a subject on its own? Multi-word terms are noun phrases by construction (terms.ts); a single
 * word that passed the relevance measure may still be an adjective ("whole", "common", "high-quality"), a verb form
 * ("quantifying", "generating") or a vague noun ("impact", "groups", "subjects"). Without a part-of-speech tagger
 * (natural's lexicon is 4 MB), the corpus itself is the evidence, checked in this order:
 *
 * 1. Vague scholarly nouns (GENERIC_ALONE, by Porter stem) never stand alone; they may still end a longer term
 *    ("cardiac function", "demographic groups").
 * 2. An acronym or proper noun (upper case in its mid-sentence display form: "BraTS", "CT", "Africa") does.
 * 3. A word whose "-ly" adverb the corpus uses ("manual" and "manually", "common" and "commonly") is an adjective, and so
 *    is a compound opened by an evaluative word ("high-quality", "large-scale").
 * 4. A word ending a phrase (the chunk ends, or a function word follows) in at least MIN_PHRASE_FINAL_SHARE of its
 *    occurrences is a noun: nouns end noun phrases ("the impact of", "privacy."), while adjectives and verbs are
 *    followed by their noun or object ("whole slide", "generating realistic images").
 * 5. Otherwise it needs positive noun evidence: it is the head (last word) of a multi-word candidate ("brain tumor"
 *    for "tumor"), ends in a noun-forming suffix ("fairness", "radiology"), or its plural occurs. Words in "-ing" count
 *    only through the first (a gerund heading "medical image computing" is a noun; "quantifying" is a verb).
 */
import { isStopWord, stem } from "./lexicon";
import type { CorpusTerms, TermStats } from "./terms";

export const MIN_PHRASE_FINAL_SHARE = 0.3;

/** Nouns of scholarly prose that name no subject alone (each one was a single-word topic on the seed corpus). */
const GENERIC_ALONE = `
  subject subjects participant participants group groups impact concern concerns estimate estimates function functions
  value values benefit benefits cause causes question questions rate rates score scores system systems capability
  capabilities access measurement measurements methodology metric metrics community communities team teams lack future
  mean means level levels factor factors outcome outcomes effect effects role roles challenge challenges limitation
  limitations advantage advantages contribution contributions application applications tool tools strategy strategies
  insight insights evidence quality information process processes property properties component components
  little short faster exhibit automate showcase conjunction concept area length years selection parameter parameters
`;

const GENERIC_STEMS: ReadonlySet<string> = new Set(
  GENERIC_ALONE.split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => stem(w)),
);

const NOUN_SUFFIX = /(?:ness|ity|ty|tion|sion|ment|ance|ence|ism|ist|ogy|graphy|acy|ship|sis|ure|er|or)$/;

/** The single word a term consists of, or null for a multi-word term (an acronym's key is its long form). */
function singleWord(term: TermStats): string | null {
  const word = term.key.slice(2);
  return word.includes(" ") ? null : word;
}

function adverbOf(word: string): string[] {
  const forms = [word + "ly"];
  if (word.endsWith("y")) forms.push(word.slice(0, -1) + "ily");
  if (word.endsWith("le")) forms.push(word.slice(0, -1) + "y");
  if (word.endsWith("ic")) forms.push(word + "ally");
  if (word.endsWith("e")) forms.push(word.slice(0, -1) + "ly");
  return forms;
}

/** Returns a predicate for the judged terms of one corpus; candidates with df >= minDf supply the head words. */
export function subjectTest(corpus: CorpusTerms, minDf: number): (term: TermStats) => boolean {
  const heads = new Set<string>();
  for (const t of corpus.terms) {
    if (t.df < minDf) continue;
    const words = t.key.slice(2).split(" ");
    if (words.length > 1) heads.add(words[words.length - 1]!);
  }
  return (term) => {
    const word = singleWord(term);
    if (word === null) return true;
    if (GENERIC_STEMS.has(stem(word))) return false;
    if (/\p{Lu}/u.test(term.display)) return true;
    if (adverbOf(word).some((a) => corpus.words.has(a))) return false;
    // "high-quality", "large-scale", "well-known": a compound opened by an evaluative word is an adjective.
    if (word.includes("-") && isStopWord(word.slice(0, word.indexOf("-")))) return false;
    if (word.endsWith("ing")) return heads.has(word);
    let final = 0;
    let total = 0;
    for (const variant of term.variants) {
      const f = corpus.phraseFinal.get(variant.toLowerCase());
      if (f) {
        final += f.final;
        total += f.total;
      }
    }
    if (total > 0 && final >= MIN_PHRASE_FINAL_SHARE * total) return true;
    return heads.has(word) || NOUN_SUFFIX.test(word) || corpus.words.has(word + "s") || corpus.words.has(word + "es");
  };
}
