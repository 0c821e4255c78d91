/**
 * Word lists for term candidates. Two kinds of words may not begin or end a term:
 * - function words: natural's English stop words plus the ones it lacks (however, via, within, ...);
 * - scholarly boilerplate: words that name no subject in any paper (propose, method, results, novel, ...), matched by
 *   Porter stem so every inflection goes with them ("proposed", "proposes", "proposal").
 * The list is deliberately short: generic words specific to a corpus are dropped by the relevance measure
 * (relevance.ts), not here.
 */
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import naturalStopwords from "natural/lib/natural/util/stopwords.js";

const EXTRA_FUNCTION_WORDS = `
  however therefore thus hence via within without across among amongst upon toward towards whether either neither
  yet although though whereas unlike per versus vs etc al et ie eg i.e e.g may will shall can cannot could would
  often always usually typically mostly mainly largely rather quite almost even just already whose whom whereby
  along around beyond throughout despite against onto less least several various many much more most often
  one two three four five six seven eight nine ten first second third fourth fifth last next
  us we our ours they them their it its this these those here there not no nor non none both all any each every
  other another such only same own very together alone apart
`;

/** Scholarly boilerplate: verbs of reporting, evaluative adjectives, and nouns that name the paper's own apparatus. */
const BOILERPLATE_WORDS = `
  paper papers work works study studies studied article manuscript research researcher
  propose proposed proposes proposal present presented presents introduce introduced introduces
  show shows showed shown demonstrate demonstrated demonstrates achieve achieved achieves achieving
  use used uses using utilize utilized utilizes utilizing leverage leveraged leverages leveraging
  base based employ employed employs apply applied applies applying obtain obtained obtains
  perform performed performs performance outperform outperforms outperformed outperforming
  provide provided provides providing require required requires requiring include included includes including
  allow allows allowed enable enables enabled enabling consider considered considers considering
  describe described describes investigate investigated investigates explore explored explores exploring
  address addressed addresses addressing compare compared compares comparing comparison
  aim aims aimed focus focuses focused remain remains remained make makes made making lead leads led
  yield yields yielded help helps helped suggest suggests suggested indicate indicates indicated
  reveal reveals revealed find finds found finding findings 
  develop developed develops improve improved improves improving evaluate evaluated evaluates evaluating
  result results resulting method methods approach approaches technique techniques experiment experiments
  experimental state-of-the-art art sota baseline baselines
  novel new existing different various significant significantly high higher highest low lower lowest
  large larger largest small smaller smallest good better best important key main major specific
  current currently recent recently well also further furthermore moreover additionally respectively
  able possible potential potentially effective effectively efficient efficiently accurate accurately
  overall typically commonly widely simple simply particular particularly
  promising superior comparable competitive extensive extensively
  various numerous several certain given due able strong strongly important importantly
  problem problems issue issues aspect aspects way ways case cases type types number numbers set sets
  addition order terms term end use-case goal goals purpose purposes need needs
`;

/**
 * Standing in for a part-of-speech tagger (natural's English lexicon is 4 MB, too heavy for a browser worker): a subject
 * is a noun phrase, and a noun phrase ends with a noun. Word endings that mark adverbs, participles, adjectives and
 * verbs ("automatically", "federated", "generative", "biomedical", "heterogeneous", "classify") may not end a term;
 * the nouns that share those endings are listed.
 */
const NON_NOUN_ENDING = /(?:[^aeiouy]ly|.{3}ed|ous|ive|able|ible|al|ic|ful|less|ify|[^aeiou]ize|[^aeiou]ise)$/;
const NOUNS_WITH_NON_NOUN_ENDINGS = `
  assembly supply reply apply fly butterfly family anomaly italy
  speed seed need bleed breed feed embed hundred
  objective alternative initiative perspective incentive directive derivative detective positive negative relative
  representative executive adhesive archive narrative motive drive olive hive five live
  signal trial survival potential interval manual material proposal removal approval journal portal animal hospital
  capital tutorial terminal referral individual professional arrival renewal withdrawal retrieval disposal denial
  metal crystal pedal rival total festival mammal canal cereal appraisal principal radical chemical
  metric clinic topic logic music graphic epidemic pandemic mechanic arithmetic panic traffic fabric magic critic
  heuristic statistic characteristic diagnostic mosaic plastic republic
  variable table cable vegetable deliverable
  handful noise size expertise exercise enterprise premise promise surprise compromise franchise prize
`;

const split = (s: string) => s.split(/\s+/).filter((w) => w !== "");

const FUNCTION_WORDS: ReadonlySet<string> = new Set([...naturalStopwords.words, ...split(EXTRA_FUNCTION_WORDS)]);

const BOILERPLATE_STEMS: ReadonlySet<string> = new Set(split(BOILERPLATE_WORDS).map((w) => PorterStemmer.stem(w)));

const NOUN_EXCEPTIONS: ReadonlySet<string> = new Set(split(NOUNS_WITH_NON_NOUN_ENDINGS));

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** The last part of a hyphenated word decides: "multi-institutional" ends like "institutional". */
function lastPart(lower: string): string {
  const i = lower.lastIndexOf("-");
  return i < 0 ? lower : lower.slice(i + 1);
}

/** True for a lower-case word that may begin but not end a term (adjectives, participles, verbs). */
export function cannotEndTerm(lower: string): boolean {
  const last = lastPart(lower);
  if (last.length < 5 || NOUN_EXCEPTIONS.has(last)) return false;
  // Plurals of listed nouns ("metrics", "signals", "trials") end like the nouns.
  if (last.endsWith("s") && NOUN_EXCEPTIONS.has(last.slice(0, -1))) return false;
  return NON_NOUN_ENDING.test(last);
}

/** Adverbs ("automatically", "notably") name no subject at either end of a term. */
const isAdverb = (lower: string) => {
  const last = lastPart(lower);
  return last.length >= 5 && /[^aeiouy]ly$/.test(last) && !NOUN_EXCEPTIONS.has(last);
};

/** Articles, pronouns, prepositions, conjunctions and the like (not the scholarly boilerplate). */
export function isFunctionWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower);
}

/** True for a lower-case word that may not begin or end a term. */
const stopCache = new Map<string, boolean>();

export function isStopWord(lower: string): boolean {
  let v = stopCache.get(lower);
  if (v === undefined) {
    v = computeStopWord(lower);
    if (stopCache.size < 200_000) stopCache.set(lower, v);
  }
  return v;
}

function computeStopWord(lower: string): boolean {
  if (FUNCTION_WORDS.has(lower) || isAdverb(lower)) return true;
  if (!/\p{L}/u.test(lower)) return true;
  // Single letters and letter+digit fragments ("b", "x2") are list markers or symbols, not subjects.
  if (lower.replace(/[^\p{L}]/gu, "").length < 2 && !/\d/.test(lower)) return true;
  return BOILERPLATE_STEMS.has(stem(lower));
}
