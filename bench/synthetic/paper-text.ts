/**
 * Titles and abstracts of synthetic papers, shared by the profile-page corpus and the field (Web of Science) corpus:
 * a main subject term and two more (from the paper's field, another field or the shared terms) written into
 * templates, so that terms co-occur the way one field's papers make them co-occur.
 */
import type { Rng } from "../../src/pipeline/graph/types";

export interface PaperText {
  title: string;
  abstract: string;
  /** The terms written into title and abstract: the main subject, then two more. */
  main: string;
  a: string;
  b: string;
  /** Field index of the paper's main subject. */
  field: number;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "via", "with", "under"]);

/** Title case as listings print it: small words lower case (except first), acronyms and inner capitals kept. */
export function titleCase(s: string): string {
  return s
    .split(" ")
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : capitalise(w)))
    .join(" ");
}

export function shuffled<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function acronym(rng: Rng): string {
  const consonants = "bcdfghklmnprstvz";
  const vowels = "aeiou";
  let s = "";
  const syllables = 2 + Math.floor(rng() * 2);
  for (let i = 0; i < syllables; i++) s += pick(rng, [...consonants]) + pick(rng, [...vowels]);
  const suffix = pick(rng, ["Net", "Seg", "GAN", "Former", "Diff", "Fed", "", "", ""]);
  return capitalise(s) + suffix;
}

const TITLE_TEMPLATES: readonly ((m: string, a: string, b: string, acr: string) => string)[] = [
  (m, a, b) => `${m} for ${a} in ${b}`,
  (m, a, _b, acr) => `${acr}: ${m} with ${a}`,
  (m, a, b) => `Towards ${m}: ${a} and ${b}`,
  (m, a) => `Improving ${m} via ${a}`,
  (m, a) => `On the Role of ${a} in ${m}`,
  (m, a, b) => `A Benchmark for ${m} under ${a} and ${b}`,
  (m, a, _b, acr) => `${acr}: Revisiting ${a} for ${m}`,
  (m, a, b) => `Learning ${m} from ${a} with ${b}`,
];

const SENTENCES: readonly ((m: string, a: string, b: string, n: number) => string)[] = [
  (m, a) => `Recent advances in ${a} have renewed interest in ${m}.`,
  (m, a, b) => `However, existing approaches to ${m} rely on ${a}, which limits their use where ${b} matters.`,
  (m, a) => `We propose a framework that combines ${m} with ${a}.`,
  (m, _a, b) => `Our method addresses ${b} without additional annotations and integrates ${m} into existing pipelines.`,
  (m, a, _b, n) => `Experiments on ${n} public datasets show that ${m} improves over strong baselines, in particular for ${a}.`,
  (m, _a, b, n) => `We release code and report results on ${n * 100} cases, including an analysis of ${b} and of ${m}.`,
  (_m, a, b) => `The results highlight the importance of ${a} and ${b} for clinical translation.`,
  (m, a, b, n) => `Compared with ${n} prior methods, our approach to ${m} reduces errors related to ${a} and ${b}.`,
];

/** A title not used before (case-insensitively); `usedTitles` is updated. */
export function titleText(rng: Rng, main: string, a: string, b: string, usedTitles: Set<string>, serial: number): string {
  let title = "";
  for (let attempt = 0; attempt < 20 && (title === "" || usedTitles.has(title.toLowerCase())); attempt++) {
    const template = attempt < 3 ? pick(rng, TITLE_TEMPLATES) : TITLE_TEMPLATES[1]!;
    title = titleCase(template(main, a, b, acronym(rng)));
  }
  if (usedTitles.has(title.toLowerCase())) title = `${title} (${serial})`;
  usedTitles.add(title.toLowerCase());
  return title;
}

/** Four to seven template sentences, in template order. */
export function abstractText(rng: Rng, main: string, a: string, b: string): string {
  const sentenceCount = 4 + Math.floor(rng() * 4);
  const order = shuffled(rng, [...SENTENCES.keys()]).slice(0, sentenceCount).sort((x, y) => x - y);
  return order.map((i) => SENTENCES[i]!(main, a, b, 2 + Math.floor(rng() * 9))).join(" ");
}

const FUNCTION_WORDS = ["the", "of", "and", "in", "to", "a", "for", "with", "on", "is", "are", "we", "that", "by", "from", "as", "this", "an", "which", "between"];
const WORD_PARTS = ["ab", "cor", "den", "ex", "fol", "gra", "hem", "in", "jus", "kin", "lat", "mor", "neu", "ob", "pra", "quo", "ret", "sal",
  "ter", "ul", "ven", "xan", "yel", "zor", "al", "bi", "cy", "do", "ep", "fu"];
const WORD_ENDS = ["al", "ic", "ive", "ity", "ment", "ion", "ance", "ure", "ism", "ar", "ous", "ing", "ed", "er", "s"];

/**
 * A vocabulary of `size` pseudo-words (seeded), drawn with a Zipf law: the long tail of a real abstract's words, which
 * makes topic extraction see many rare candidate phrases as it does on real exports.
 */
export class Prose {
  private readonly words: string[] = [];
  private readonly zipf: { sample(rng: Rng): number };

  constructor(rng: Rng, size: number, zipf: (size: number) => { sample(rng: Rng): number }) {
    const seen = new Set<string>();
    while (this.words.length < size) {
      let w = "";
      const parts = 2 + Math.floor(rng() * 2);
      for (let i = 0; i < parts; i++) w += pick(rng, WORD_PARTS);
      w += pick(rng, WORD_ENDS);
      if (!seen.has(w)) {
        seen.add(w);
        this.words.push(w);
      }
    }
    this.zipf = zipf(size);
  }

  /** One sentence of 10-24 words, about a third of them function words. */
  sentence(rng: Rng): string {
    const n = 10 + Math.floor(rng() * 15);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(rng() < 0.35 ? pick(rng, FUNCTION_WORDS) : this.words[this.zipf.sample(rng)]!);
    return capitalise(out.join(" ")) + ".";
  }
}
