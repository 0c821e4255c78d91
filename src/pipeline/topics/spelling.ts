/**
 * British and American spellings of one word share a term identity ("tumour" = "tumor", "generalisation" =
 * "generalization", "paediatric" = "pediatric", "modelling" = "modeling", "centre" = "center", "analyse" = "analyze").
 * Like the plural rule (terms.ts), a rewrite only counts when the corpus itself uses the other spelling, so no word is
 * mangled into one the corpus never writes ("four" does not become "for": short words and function words are left
 * alone). The identity takes the American form; the display form is still the spelling written in most papers.
 */
import { isFunctionWord } from "./lexicon";

/** Spelling rules, British -> American, each tried alone on the whole word. */
const RULES: [RegExp, string][] = [
  [/our(?=s?$|ed$|ing$|ite|able|al|ful)/g, "or"], // tumour, colour, behaviour, favourable
  [/is(?=e$|es$|ed$|ing$|ation|ations$|er$|ers$)/g, "iz"], // generalisation, optimise, normalised
  [/ys(?=e$|es$|ed$|ing$|er$|ers$)/g, "yz"], // analyse, paralysed
  [/tre(?=s?$)/g, "ter"], // centre, fibre, metre
  [/ae/g, "e"], // paediatric, haemorrhage, anaemia
  [/oe(?=[^s]|$)/g, "e"], // oedema, oesophageal, foetal
  [/ell(?=ing$|ed$|er$|ers$)/g, "el"], // modelling, labelled, travelled
  [/ogue(?=s?$)/g, "og"], // catalogue, analogue
  [/ence(?=s?$)/g, "ense"], // defence, licence
];

/** Irregular pairs no rule covers. */
const PAIRS: Record<string, string> = { grey: "gray", programme: "program", programmes: "programs" };

/** The American spelling of each British word of the vocabulary whose American form the vocabulary also holds. */
export function spellingMap(vocabulary: ReadonlySet<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const word of vocabulary) {
    const american = americanForm(word, vocabulary);
    if (american !== word) map.set(word, american);
  }
  return map;
}

function americanForm(word: string, vocabulary: ReadonlySet<string>): string {
  if (word.length < 5 || isFunctionWord(word)) return word;
  const pair = PAIRS[word];
  if (pair !== undefined && vocabulary.has(pair)) return pair;
  // Hyphenated words are rewritten part by part ("multi-centre" -> "multi-center").
  if (word.includes("-")) {
    const parts = word.split("-");
    return parts.map((p) => americanForm(p, vocabulary)).join("-");
  }
  for (const [pattern, replacement] of RULES) {
    pattern.lastIndex = 0;
    if (!pattern.test(word)) continue;
    pattern.lastIndex = 0;
    const candidate = word.replace(pattern, replacement);
    if (candidate !== word && vocabulary.has(candidate)) return candidate;
  }
  return word;
}
