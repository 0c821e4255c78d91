/**
 * Candidate terms of a corpus: every phrase of one to three words that could name a subject, with its variants unified.
 *
 * - A candidate neither begins nor ends with a stop word (lexicon.ts) and ends with a noun-like word (no adjective,
 *   participle or adverb ending: "federated" alone is no term); a three-word candidate may have "of" in the middle
 *   ("region of interest"). Terms never cross punctuation or numbers (tokens.ts).
 * - Variants unify on an identity that ignores case, hyphens and spaces inside the phrase ("multi-center",
 *   "multicenter", "multi center") and the plural of the last word ("networks" -> "network" when "network" occurs in
 *   the corpus; "biases" -> "bias"), so no dictionary can mangle words the corpus never uses.
 * - Acronyms defined in a paper stand for their long form in that paper ("federated learning (FL)" then "FL" counts for
 *   federated learning); an acronym defined consistently elsewhere in the corpus (2 of 3 definitions agree) counts for
 *   its long form in papers that use it without defining it.
 * - Title occurrences weigh TITLE_WEIGHT abstract occurrences.
 * - Display form: the surface form written in most papers (ties: the longer spelling, then the more frequent), each
 *   word in the case it has mid-sentence in abstracts, so "Federated Learning" in a title reads "federated learning"
 *   while "MRI", "U-Net" and "Gaussian" keep their capitals.
 */
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import { cannotEndTerm, isFunctionWord, isStopWord } from "./lexicon";
import { acronymShortForm, lexField, type AcronymDefinition, type Chunk, type LexedField } from "./tokens";
import type { TopicInputPaper } from "./types";

export const TITLE_WEIGHT = 3;
export const MAX_UNITS = 3;

export interface TermStats {
  /** Identity: the words run together without spaces or hyphens, last word singular. */
  gid: string;
  /** "t:" + the most frequent canonical spelling (lower case, last word singular, acronyms expanded). */
  key: string;
  display: string;
  /** Distinct display-cased surface forms, sorted. */
  variants: string[];
  /** Fewest units (words or acronyms) it was written with. */
  units: number;
  df: number;
  occurrences: number;
}

export interface CorpusTerms {
  n: number;
  /** Paper keys, input order. */
  keys: string[];
  /** Every candidate, sorted by gid. */
  terms: TermStats[];
  byGid: Map<string, TermStats>;
  /** Per paper (input order): gid -> weighted occurrences. */
  paperTf: Map<string, number>[];
  /** Sub-term gid -> longer term gid -> occurrences of the sub-term inside it. */
  contained: Map<string, Map<string, number>>;
  /** Every lower-case word of the corpus. */
  words: ReadonlySet<string>;
  /**
   * Per lower-case word: its occurrences, and how many of them end a phrase (the chunk ends or a function word follows).
   * A part-of-speech hint without a tagger: nouns end noun phrases, adjectives and verbs are followed by their noun or
   * object (subjects.ts).
   */
  phraseFinal: Map<string, { final: number; total: number }>;
  /** Words over MAX_TOKEN_LENGTH skipped in the whole corpus (tokens.ts). */
  skippedLongTokens: number;
}

interface Unit {
  words: string[];
  surface: string;
  stop: boolean;
  /** A middle word allowed in three-word terms. */
  joiner: boolean;
  /** May end a term (a noun, or an acronym). */
  endable: boolean;
  /** Its words run together without hyphens (its share of a term identity). */
  key: string;
  /** The same for all words but the last, which a term ending here singularises. */
  headKey: string;
}

function unit(words: string[], surface: string, stop: boolean, joiner: boolean, endable: boolean): Unit {
  const strip = (ws: string[]) => ws.join("").replace(/-/g, "");
  return { words, surface, stop, joiner, endable, key: strip(words), headKey: strip(words.slice(0, -1)) };
}

interface SurfaceCount {
  /** Lower case, last word singular, acronyms expanded: the same for every occurrence of one surface of one term. */
  canonical: string;
  count: number;
  papers: number;
  lastPaper: number;
}

interface Accumulator {
  occurrences: number;
  units: number;
  surfaces: Map<string, SurfaceCount>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Most frequent key of a count map; ties go to `tieBreak` (default: lexicographic). */
function argmax<K extends string>(counts: Map<K, number>, tieBreak: (a: K, b: K) => number = cmp): K {
  let best: K | undefined;
  let bestCount = -Infinity;
  for (const [k, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && tieBreak(k, best) < 0)) {
      best = k;
      bestCount = c;
    }
  }
  return best as K;
}

/** Plural of the last word -> singular, when the singular is itself a word of this corpus. */
export function singular(word: string, vocabulary: ReadonlySet<string>): string {
  if (word.length < 4 || !word.endsWith("s") || /(?:ss|us|is|ics|ous)$/.test(word)) return word;
  const options: string[] = [];
  if (word.endsWith("ies")) options.push(word.slice(0, -3) + "y");
  options.push(word.slice(0, -1));
  if (word.endsWith("es")) options.push(word.slice(0, -2));
  return options.find((o) => vocabulary.has(o)) ?? word;
}

/** Upper case somewhere other than at the start of a hyphen part: an acronym or a coined name ("nnU-Net", "BraTS"). */
const hasInnerCapital = (surface: string) => surface.split("-").some((part) => /\p{Lu}/u.test(part.slice(1)));

export function analyseCorpus(papers: TopicInputPaper[], progress: StepReporter = silentSteps): CorpusTerms {
  const lexTick = stepCounter(progress, "reading titles and abstracts", papers.length, "papers");
  const lexed: { title: LexedField; abstract: LexedField }[] = papers.map((p, i) => {
    lexTick(i + 1);
    return { title: lexField(p.title, true, isStopWord), abstract: lexField(p.abstract, false, isStopWord) };
  });

  // Pass 1: vocabulary, mid-sentence casing evidence, acronym definitions.
  const vocabulary = new Set<string>();
  const casing = new Map<string, Map<string, number>>();
  const phraseFinal = new Map<string, { final: number; total: number }>();
  const paperDefinitions: Map<string, string[]>[] = [];
  const corpusDefinitions = new Map<string, Map<string, number>>();
  lexed.forEach((paper) => {
    for (const field of [paper.title, paper.abstract]) {
      for (const chunk of field.chunks) {
        for (let i = 0; i < chunk.length; i++) {
          const t = chunk[i]!;
          vocabulary.add(t.lower);
          if (!t.definition) {
            let f = phraseFinal.get(t.lower);
            if (!f) phraseFinal.set(t.lower, (f = { final: 0, total: 0 }));
            f.total++;
            const next = chunk[i + 1];
            if (!next || isFunctionWord(next.lower)) f.final++;
          }
          if (field === paper.abstract && !t.sentenceStart && !t.definition) {
            let m = casing.get(t.lower);
            if (!m) casing.set(t.lower, (m = new Map()));
            m.set(t.surface, (m.get(t.surface) ?? 0) + 1);
          }
        }
      }
    }
    const defs = new Map<string, string[]>();
    for (const d of [...paper.title.definitions, ...paper.abstract.definitions] as AcronymDefinition[]) {
      if (!defs.has(d.short)) defs.set(d.short, d.long);
    }
    paperDefinitions.push(defs);
    for (const [short, long] of defs) {
      let m = corpusDefinitions.get(short);
      if (!m) corpusDefinitions.set(short, (m = new Map()));
      const k = long.join(" ");
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  });
  const globalDefinitions = new Map<string, string[]>();
  for (const [short, longs] of corpusDefinitions) {
    const best = argmax(longs);
    const total = [...longs.values()].reduce((a, b) => a + b, 0);
    if ((longs.get(best) ?? 0) * 3 >= total * 2) globalDefinitions.set(short, best.split(" "));
  }
  const displayWord = new Map<string, string>();
  for (const [lower, surfaces] of casing) {
    displayWord.set(lower, argmax(surfaces, (a, b) => (a === lower ? -1 : b === lower ? 1 : cmp(a, b))));
  }
  const caseOf = (lower: string, surface: string) =>
    displayWord.get(lower) ?? (hasInnerCapital(surface) ? surface : lower);

  // Pass 2: units, n-grams, counts.
  const acc = new Map<string, Accumulator>();
  const contained = new Map<string, Map<string, number>>();
  const paperTf: Map<string, number>[] = [];
  // Per-distinct-string caches: at 10,000 papers the same few thousand words recur millions of times, and building a
  // unit, testing for an acronym or singularising (regexes, joins) per occurrence dominated this pass.
  const singularCache = new Map<string, { word: string; key: string }>();
  const shortFormCache = new Map<string, string | null>();
  const shortFormOf = (surface: string): string | null => {
    let short = shortFormCache.get(surface);
    if (short === undefined) shortFormCache.set(surface, (short = acronymShortForm(surface)));
    return short;
  };
  // Units of plain words depend only on (surface, lower), never on the paper; units are never mutated, so sharing is safe.
  const wordUnitCache = new Map<string, Map<string, Unit>>();
  const wordUnit = (lower: string, surface: string): Unit => {
    let bySurface = wordUnitCache.get(lower);
    if (!bySurface) wordUnitCache.set(lower, (bySurface = new Map()));
    let u = bySurface.get(surface);
    if (!u) {
      const stop = isStopWord(lower);
      const joiner = stop && lower === "of";
      bySurface.set(surface, (u = unit([lower], caseOf(lower, surface), stop, joiner, !stop && !cannotEndTerm(lower))));
    }
    return u;
  };
  const countContained = (sub: string | null | undefined, sup: string) => {
    if (!sub || sub === sup) return;
    let m = contained.get(sub);
    if (!m) contained.set(sub, (m = new Map()));
    m.set(sup, (m.get(sup) ?? 0) + 1);
  };
  const termTick = stepCounter(progress, "counting candidate terms", lexed.length, "papers");
  lexed.forEach((paper, pi) => {
    termTick(pi + 1);
    const tf = new Map<string, number>();
    paperTf.push(tf);
    const own = paperDefinitions[pi]!;
    const toUnits = (chunk: Chunk): Unit[] => {
      const units: Unit[] = [];
      for (const t of chunk) {
        const short = shortFormOf(t.surface);
        if (t.definition) {
          // The long form is counted through its own words unless it is too long to be a candidate.
          const long = short ? own.get(short) : undefined;
          if (long && long.length > MAX_UNITS) units.push(unit(long, long.join(" "), false, false, true));
          continue;
        }
        const long = short ? (own.get(short) ?? globalDefinitions.get(short)) : undefined;
        if (long) units.push(unit(long, t.surface, false, false, true));
        else units.push(wordUnit(t.lower, t.surface));
      }
      return units;
    };
    for (const [field, weight] of [[paper.title, TITLE_WEIGHT], [paper.abstract, 1]] as const) {
      for (const chunk of field.chunks) {
        const units = toUnits(chunk);
        // gids[i][n-1]: the term of n units starting at unit i, or null when it is not a candidate.
        const gids: (string | null)[][] = [];
        for (let i = 0; i < units.length; i++) {
          const row: (string | null)[] = [null, null, null];
          gids.push(row);
          const first = units[i]!;
          if (first.stop) continue;
          for (let n = 1; n <= MAX_UNITS && i + n <= units.length; n++) {
            const last = units[i + n - 1]!;
            if (last.stop) {
              // A stop word may only sit in the middle, and only a joiner ("of"): skip to the longer span.
              if (last.joiner && n < MAX_UNITS) continue;
              break;
            }
            if (!last.endable) continue;
            // Identity built from per-unit pieces: every unit whole, the last one with its last word singular.
            let gid = "";
            for (let k = i; k < i + n - 1; k++) gid += units[k]!.key;
            const lastWord = last.words[last.words.length - 1]!;
            let sing = singularCache.get(lastWord);
            if (sing === undefined) {
              const word = singular(lastWord, vocabulary);
              singularCache.set(lastWord, (sing = { word, key: word.replace(/-/g, "") }));
            }
            gid += last.headKey + sing.key;
            row[n - 1] = gid;
            let surface = first.surface;
            for (let k = i + 1; k < i + n; k++) surface += " " + units[k]!.surface;
            let a = acc.get(gid);
            if (!a) acc.set(gid, (a = { occurrences: 0, units: n, surfaces: new Map() }));
            a.occurrences++;
            if (n < a.units) a.units = n;
            let sc = a.surfaces.get(surface);
            if (!sc) {
              const words = units.slice(i, i + n).flatMap((u) => u.words);
              words[words.length - 1] = sing.word;
              a.surfaces.set(surface, (sc = { canonical: words.join(" "), count: 0, papers: 0, lastPaper: -1 }));
            }
            sc.count++;
            if (sc.lastPaper !== pi) {
              sc.papers++;
              sc.lastPaper = pi;
            }
            tf.set(gid, (tf.get(gid) ?? 0) + weight);
          }
        }
        for (let i = 0; i < units.length; i++) {
          for (let n = 2; n <= MAX_UNITS && i + n <= units.length; n++) {
            const sup = gids[i]![n - 1];
            if (!sup) continue;
            countContained(gids[i]![n - 2], sup);
            countContained(gids[i + 1]![n - 2], sup);
          }
        }
      }
    }
  });

  const df = new Map<string, number>();
  for (const tf of paperTf) for (const gid of tf.keys()) df.set(gid, (df.get(gid) ?? 0) + 1);
  const terms: TermStats[] = [];
  for (const gid of [...acc.keys()].sort(cmp)) {
    const a = acc.get(gid)!;
    const surfaceDf = new Map([...a.surfaces].map(([sf, c]) => [sf, c.papers]));
    const display = argmax(surfaceDf, (x, y) => {
      if (x.length !== y.length) return y.length - x.length;
      const cx = a.surfaces.get(x)!.count;
      const cy = a.surfaces.get(y)!.count;
      return cx !== cy ? cy - cx : cmp(x, y);
    });
    const canonical = new Map<string, number>();
    for (const c of a.surfaces.values()) canonical.set(c.canonical, (canonical.get(c.canonical) ?? 0) + c.count);
    terms.push({
      gid,
      key: "t:" + argmax(canonical),
      display,
      variants: [...a.surfaces.keys()].sort(cmp),
      units: a.units,
      df: df.get(gid) ?? 0,
      occurrences: a.occurrences,
    });
  }
  const skippedLongTokens = lexed.reduce((n, p) => n + p.title.skippedLongTokens + p.abstract.skippedLongTokens, 0);
  return { n: papers.length, keys: papers.map((p) => p.key), terms, byGid: new Map(terms.map((t) => [t.gid, t])), paperTf, contained, words: vocabulary, phraseFinal, skippedLongTokens };
}
