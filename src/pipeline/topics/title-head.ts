/**
 * What a title states as its contribution, and where it applies it: "Fairness in Cardiac MR Image Analysis",
 * "Interpretability for Cardiac MRI Classification", "Synthesis of High-Density Breast Mammograms". The words before a
 * setting preposition name the contribution (the head), the words after it the setting, purpose or means (the tail).
 *
 * Per paper: each colon-separated part of its title is split into chunks at SETTING_OPENERS; the head runs up to and
 * including the first chunk that holds a topic; the terms of the later chunks that the head does not also hold are the
 * tail. A part whose chunks hold no topic ("medigan", "Why is the winner the best?") has no tail, nor has a record
 * without a title. Terms match a chunk by any of their written forms, case, hyphens and punctuation aside.
 * Cost: per paper, its clustering terms that some title holds, against a handful of short chunks.
 */
import type { CorpusTerms } from "./terms";

/** Words that open the setting, purpose or means of a title's contribution. */
const SETTING_OPENERS: ReadonlySet<string> = new Set([
  "of", "for", "in", "on", "from", "with", "via", "using", "by", "through", "at", "across", "within", "into",
]);

/** Lower case, every run of characters other than letters and digits one space. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A title's parts (split at colons, question marks and dashes between spaces), each as its chunks, space-padded. */
export function titleChunks(title: string): string[][] {
  return title.split(/:|\?|\s[-–—]\s/).map((part) => {
    const chunks: string[] = [];
    let current: string[] = [];
    for (const word of normalise(part).split(" ")) {
      if (word === "") continue;
      if (!SETTING_OPENERS.has(word)) {
        current.push(word);
        continue;
      }
      if (current.length > 0) chunks.push(` ${current.join(" ")} `);
      current = [];
    }
    if (current.length > 0) chunks.push(` ${current.join(" ")} `);
    return chunks;
  }).filter((chunks) => chunks.length > 0);
}

/**
 * Per paper (corpus order), the indices (into corpus.terms) of the candidate terms its title's tail holds.
 * `candidate` says which terms to look for (their weight is what the tail changes); `topic` which of them end a head.
 */
export function titleTails(
  corpus: CorpusTerms,
  titles: readonly (string | null | undefined)[],
  candidate: (index: number) => boolean,
  topic: (index: number) => boolean,
): Set<number>[] {
  return titleParts(corpus, titles, candidate, topic).tails;
}

/** Per paper (corpus order), the candidate terms (indices into corpus.terms) of its title's head and of its tail. */
export interface TitleParts {
  heads: Set<number>[];
  /** Terms the head also holds are not in the tail. */
  tails: Set<number>[];
}

/** The head and the tail of every paper's title (titleTails' arguments). */
export function titleParts(
  corpus: CorpusTerms,
  titles: readonly (string | null | undefined)[],
  candidate: (index: number) => boolean,
  topic: (index: number) => boolean,
): TitleParts {
  const heads: Set<number>[] = [];
  const { tfStart, tfTerm } = corpus;
  const forms = new Map<number, string[]>();
  const formsOf = (index: number): string[] => {
    let f = forms.get(index);
    if (!f) forms.set(index, (f = [...new Set(corpus.terms[index]!.variants.map((v) => ` ${normalise(v)} `))]));
    return f;
  };
  const tails = corpus.keys.map((_, p) => {
    const tail = new Set<number>();
    heads[p] = new Set<number>();
    const title = titles[p];
    if (!title) return tail;
    const held: number[] = [];
    for (let k = tfStart[p]!; k < tfStart[p + 1]!; k++) {
      const index = tfTerm[k]!;
      if (corpus.terms[index]!.titleDf > 0 && candidate(index)) held.push(index);
    }
    if (held.length === 0) return tail;
    const head = new Set<number>();
    for (const chunks of titleChunks(title)) {
      let inHead = true;
      for (const chunk of chunks) {
        const found = held.filter((index) => formsOf(index).some((f) => chunk.includes(f)));
        if (!inHead) {
          for (const index of found) tail.add(index);
          continue;
        }
        for (const index of found) head.add(index);
        if (found.some(topic)) inHead = false;
      }
    }
    for (const index of head) tail.delete(index);
    heads[p] = head;
    return tail;
  });
  return { heads, tails };
}
