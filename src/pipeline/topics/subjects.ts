/**
 * Does a term name a subject on its own? Without a part-of-speech tagger (natural's lexicon is 4 MB), the corpus itself
 * is the evidence (terms.ts counts it), checked in this order:
 *
 * 0. Any term: a measurement or a counted unit is no topic unless the corpus is about it. A term reported with a value
 *    ("AUC of 0.91", "Dice similarity coefficient of 0.87") in at least VALUE_SHARE of its text occurrences, or
 *    counted ("95% confidence intervals", "51 countries") in at least COUNT_SHARE, is dropped unless at least
 *    ABOUT_TITLE_SHARE of its papers name it in their title ("Metrics reloaded" makes metrics a subject).
 * 1. Multi-word terms are noun phrases by construction (terms.ts): they pass.
 * 2. Vague scholarly nouns and genre words (GENERIC_ALONE, by Porter stem: "impact", "report", "guidance", "review")
 *    never stand alone; they may still end a longer term ("cardiac function", "radiology report").
 * 3. A word that MIN_KEYWORD_PAPERS papers list as a keyword passes: its authors or indexers named it.
 * 4. A modifier that never stands alone joins its phrase: a word followed by another word of its phrase in at least
 *    MODIFIER_SHARE of its uses ("breast" in "breast cancer", "cardiac" in "cardiac MRI", "2D" in "2D ultrasound"), or
 *    one that is the whole noun phrase in under ALONE_SHARE of its uses while modifying in at least FRAGMENT_SHARE
 *    ("cell" of "sickle cell disease" and "epithelial cells"), is no topic; its phrases are. This holds for acronyms
 *    too, and for phrases that modify in PHRASE_MODIFIER_SHARE of their uses ("cine cardiac", "short axis"); it is
 *    checked before rule 1.
 * 5. A word must be in the title of at least MIN_TITLE_SHARE of its papers that have a title (or be the first part of
 *    a hyphenated title adjective: "Privacy-Preserving"): titles name subjects, while words that only abstracts use
 *    are the apparatus of the study ("clinicians", "workflow", "countries", "centers"). Judged when at least
 *    MIN_TITLED_PAPERS of its papers have a title (records of abstracts alone say nothing by their titles).
 * 6. An acronym or proper noun (upper case in its mid-sentence display form: "BraTS", "CT", "Africa") passes.
 * 7. A word whose "-ly" adverb the corpus uses ("manual" and "manually", "common" and "commonly") is an adjective, and so
 *    is a compound opened by an evaluative word ("high-quality", "large-scale").
 * 8. A word ending a phrase (the chunk ends, or a function word follows) in at least MIN_PHRASE_FINAL_SHARE of its
 *    occurrences is a noun: nouns end noun phrases ("the impact of", "privacy."), while adjectives and verbs are
 *    followed by their noun or object ("whole slide", "generating realistic images").
 * 9. Otherwise it needs positive noun evidence: it is the head (last word) of a multi-word candidate ("brain tumor"
 *    for "tumor"), ends in a noun-forming suffix ("fairness", "radiology"), or its plural occurs. Words in "-ing" count
 *    only through the first (a gerund heading "medical image computing" is a noun; "quantifying" is a verb).
 */
import { isStopWord, stem } from "./lexicon";
import type { CorpusTerms, TermStats } from "./terms";

export const MIN_PHRASE_FINAL_SHARE = 0.3;
export const VALUE_SHARE = 0.15;
export const COUNT_SHARE = 0.4;
export const ABOUT_TITLE_SHARE = 1 / 3;
export const MODIFIER_SHARE = 0.6;
export const ALONE_SHARE = 0.1;
export const FRAGMENT_SHARE = 0.4;
export const PHRASE_MODIFIER_SHARE = 0.8;
export const MIN_TITLE_SHARE = 0.15;
export const MIN_KEYWORD_PAPERS = 2;
export const MIN_TITLED_PAPERS = 3;
/** Usage shares are judged only on terms with at least this many text occurrences. */
const MIN_EVIDENCE = 3;

/**
 * Nouns of scholarly prose that name no subject alone (each one was a single-word topic on the seed corpus). The last
 * line is issue 13's: words an expert would strike that no corpus evidence separates from kept subjects (their
 * relevance, title share, title-head share and spread over the clusters are those of "surrogate", "planning",
 * "biomarkers"; README "Topic terms").
 */
const GENERIC_ALONE = `
  subject subjects participant participants group groups impact concern concerns estimate estimates function functions
  value values benefit benefits cause causes question questions rate rates score scores system systems capability
  capabilities access measurement measurements methodology metric metrics community communities team teams lack future
  mean means level levels factor factors outcome outcomes effect effects role roles challenge challenges limitation
  limitations advantage advantages contribution contributions application applications tool tools strategy strategies
  insight insights evidence quality information process processes property properties component components
  little short faster exhibit automate showcase conjunction concept area length years selection parameter parameters
  response responses enhancement improvement sequence sequences principle principles pitfall pitfalls
  report reports guidance guideline guidelines recommendation recommendations review reviews survey overview
  perspective lesson lessons tutorial commentary consensus statement roadmap proceedings conference conferences
  workshop chapter
  choice choices relationship relationships section sections view views sub-region sub-regions
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

/** How much a term that names the setting of a study ("in breast MRI") weighs less in clusters and labels, at most. */
export const SETTING_DISCOUNT = 0.5;

/**
 * How much a term names the setting of a study rather than its subject, 0..1: twice the share of its text uses right
 * after a locative preposition ("in breast MRI", "on chest X-rays", "across institutions"; terms.ts), capped at 1.
 * Methods and problems are rarely written so ("image synthesis", "bias", "federated learning": under 5%), settings
 * often ("mammography" 33%, "healthcare" 54% on the seeds).
 */
export function settingShare(t: TermStats): number {
  return t.textOccurrences > 0 ? Math.min(1, (2 * t.located) / t.textOccurrences) : 0;
}

/** A measurement or a counted unit that the corpus is not about (rule 0). */
export function isMeasureOrCount(term: TermStats): boolean {
  const about = term.titledDf > 0 && term.titleDf >= ABOUT_TITLE_SHARE * term.titledDf;
  if (term.textOccurrences < MIN_EVIDENCE || about) return false;
  return term.valued >= VALUE_SHARE * term.textOccurrences || term.counted >= COUNT_SHARE * term.textOccurrences;
}

/** A word or phrase that only ever modifies the next word of its phrase (rule 4). */
export function isModifier(term: TermStats): boolean {
  const uses = term.textOccurrences;
  if (uses < MIN_EVIDENCE) return false;
  if (term.units > 1) return term.modifier >= PHRASE_MODIFIER_SHARE * uses;
  return term.modifier >= MODIFIER_SHARE * uses || (term.alone < ALONE_SHARE * uses && term.modifier >= FRAGMENT_SHARE * uses);
}

/** Returns a predicate for the judged terms of one corpus; candidates with df >= minDf supply the head words. */
export function subjectTest(corpus: CorpusTerms, minDf: number): (term: TermStats) => boolean {
  const heads = new Set<string>();
  for (const t of corpus.terms) {
    if (t.df < minDf) continue;
    const words = t.key.slice(2).split(" ");
    if (words.length > 1) heads.add(words[words.length - 1]!);
  }
  const keyworded = (term: TermStats) => term.keywordDf >= Math.max(MIN_KEYWORD_PAPERS, minDf);
  return (term) => {
    if (!term.endable || isMeasureOrCount(term)) return false;
    if (isModifier(term) && !keyworded(term)) return false;
    const word = singleWord(term);
    if (word === null) return true;
    if (GENERIC_STEMS.has(stem(word))) return false;
    if (keyworded(term)) return true;
    if (term.titledDf >= MIN_TITLED_PAPERS && term.titleDf < MIN_TITLE_SHARE * term.titledDf) return false;
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
