/**
 * Candidate terms of a corpus: every phrase of one to three words that could name a subject, and every keyword, with
 * their variants unified into one topic space.
 *
 * - A text candidate neither begins nor ends with a stop word (lexicon.ts) and ends with a noun-like word (no
 *   adjective, participle or adverb ending: "federated" alone is no term); a three-word candidate may have "of" in the
 *   middle ("region of interest"). Terms never cross punctuation or numbers (tokens.ts).
 * - Keywords (keywords.ts) are candidates as a whole, up to MAX_KEYWORD_UNITS units: author keywords weigh
 *   KEYWORD_WEIGHT abstract occurrences, indexer terms and MeSH headings INDEX_KEYWORD_WEIGHT; a title occurrence weighs
 *   TITLE_WEIGHT. They unify with text terms through the same identity, so "Federated Learning" as a keyword of one
 *   paper and "federated learning (FL)" in the abstract of another are one topic. MeSH headings are kept as given.
 * - Variants unify on an identity that ignores case, hyphens and spaces inside the phrase ("multi-center",
 *   "multicenter", "multi center"), the plural of the last word ("networks" -> "network" when "network" occurs in
 *   the corpus; "biases" -> "bias") and British spelling ("tumour" -> "tumor" when "tumor" occurs, spelling.ts), so no
 *   dictionary can mangle words the corpus never uses.
 * - Acronyms defined in a paper stand for their long form in that paper ("federated learning (FL)" then "FL" counts for
 *   federated learning); an acronym defined consistently elsewhere in the corpus (2 of 3 definitions agree) counts for
 *   its long form in papers that use it without defining it.
 * - Thesaurus lines (`merge-topic`, `drop-topic`) rewrite identities before anything is counted: merged terms count
 *   as the first term of their line, dropped terms are not counted at all.
 * - Display form: the surface form written in most papers (ties: the longer spelling, then the more frequent), each
 *   word in the case it has mid-sentence in abstracts, so "Federated Learning" in a title reads "federated learning"
 *   while "MRI", "U-Net" and "Gaussian" keep their capitals; a MeSH heading or a thesaurus merge shows as written.
 * - Usage evidence for later stages, from text occurrences only: how often a term is followed by another word of its
 *   phrase (a modifier: "breast" in "breast MRI"), stands alone as a whole noun phrase, or is reported with a number
 *   ("AUC of 0.91", "51 countries").
 */
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import { INDEX_KEYWORD_WEIGHT, KEYWORD_WEIGHT, MAX_KEYWORD_UNITS, cleanMeshHeading, foldCapitals, meshIdentity } from "./keywords";
import { cannotEndTerm, isFunctionWord, isStopWord } from "./lexicon";
import { spellingMap } from "./spelling";
import { acronymShortForm, lexField, type AcronymDefinition, type Chunk, type LexedField } from "./tokens";
import type { TopicInputPaper, TopicNote, TopicThesaurusEntry } from "./types";

export const TITLE_WEIGHT = 3;
export const MAX_UNITS = 3;

export interface TermStats {
  /** Identity: the words run together without spaces or hyphens, last word singular, American spelling. */
  gid: string;
  /** "t:" + the most frequent canonical spelling (lower case, last word singular, acronyms expanded). */
  key: string;
  display: string;
  /** Distinct display-cased surface forms, sorted. */
  variants: string[];
  /** Fewest units (words or acronyms) it was written with. */
  units: number;
  /**
   * False for a lone adjective or participle ("generative", "synthetic", "federated"): no topic, but evidence of
   * subject for clustering, where it ties "generative models" to "generative AI".
   */
  endable: boolean;
  df: number;
  /** Weighted occurrences are in paperTf; this counts every occurrence once. */
  occurrences: number;
  /**
   * Papers with it in the title; a single word also counts where the title has it as the first part of a hyphenated
   * adjective ("Privacy-Preserving", "Fairness-Aware", "Uncertainty-Aware" name their subject).
   */
  titleDf: number;
  /** Papers with a title that hold it (the base of its title share: untitled records say nothing about titles). */
  titledDf: number;
  /** Papers that list it as an author keyword, an indexer term or a MeSH heading. */
  keywordDf: number;
  /** Occurrences in titles and abstracts (the usage counts below are out of these). */
  textOccurrences: number;
  /** Text occurrences followed by another content word of the same phrase ("breast" in "breast MRI"). */
  modifier: number;
  /** Text occurrences that are a whole noun phrase: no content word right before or after it. */
  alone: number;
  /** Text occurrences right after a locative preposition ("in breast MRI", "on chest X-rays"): the setting of a study. */
  located: number;
  /** Text occurrences right after a number, digits or a number word ("51 countries", "five centres"): a counted unit. */
  counted: number;
  /** Text occurrences reported with a value ("AUC of 0.91", "Dice = 0.87"): a measurement. */
  valued: number;
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
  /** Papers with a title. */
  titled: number;
  /** Words over MAX_TOKEN_LENGTH skipped in the whole corpus (tokens.ts). */
  skippedLongTokens: number;
  /** Thesaurus lines that found nothing to act on. */
  notes: TopicNote[];
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
  keywordPapers: number;
  lastKeywordPaper: number;
  textOccurrences: number;
  modifier: number;
  alone: number;
  counted: number;
  valued: number;
  located: number;
  /** A MeSH heading or a thesaurus merge fixes the display form. */
  fixedDisplay: string | null;
  endable: boolean;
}

/** Occurrence flags of one unit in its chunk. */
const AFTER_NUMBER = 1;
const BEFORE_NUMBER = 2;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Number words count like digits before a counted noun ("five African countries"). */
const NUMBER_WORDS: ReadonlySet<string> = new Set(
  "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands millions dozens".split(" "),
);

/** Prepositions that introduce where a study is done: "in breast MRI", "on chest X-rays", "across institutions". */
const LOCATIVE: ReadonlySet<string> = new Set(["in", "on", "from", "across", "within", "among", "into", "at"]);

/** Second parts that make "X-Y" an adjective about X: "-aware", "-free", "-driven", participles ("-based", "-preserving"). */
function adjectivalHyphenHead(lower: string): string | null {
  const at = lower.indexOf("-");
  if (at < 3) return null;
  const rest = lower.slice(at + 1);
  const adjectival = cannotEndTerm(rest) || rest.endsWith("ing") || /^(?:aware|free|driven|wise|agnostic|specific)$/.test(rest);
  return adjectival ? lower.slice(0, at) : null;
}

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

interface LexedPaper {
  title: LexedField;
  abstract: LexedField;
  /** Author keywords then indexer terms, each lexed like a title; `indexFrom` is where the indexer terms start. */
  keywords: LexedField[];
  indexFrom: number;
  mesh: string[];
}

function lexPaper(p: TopicInputPaper): LexedPaper {
  const author = p.keywords ?? [];
  const index = p.indexKeywords ?? [];
  return {
    title: lexField(p.title, true, isStopWord),
    abstract: lexField(p.abstract, false, isStopWord),
    keywords: [...author, ...index].map((k) => lexField(typeof k === "string" ? foldCapitals(k) : null, true, isStopWord)),
    indexFrom: author.length,
    mesh: (p.meshTerms ?? []).flatMap((m) => {
      const h = typeof m === "string" ? cleanMeshHeading(m) : null;
      return h ? [h] : [];
    }),
  };
}

export function analyseCorpus(
  papers: TopicInputPaper[],
  thesaurus: readonly TopicThesaurusEntry[] = [],
  progress: StepReporter = silentSteps,
): CorpusTerms {
  const lexTick = stepCounter(progress, "reading titles, abstracts and keywords", papers.length, "papers");
  const lexed = papers.map((p, i) => {
    lexTick(i + 1);
    return lexPaper(p);
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
    for (const field of paper.keywords) for (const chunk of field.chunks) for (const t of chunk) vocabulary.add(t.lower);
    const defs = new Map<string, string[]>();
    const fields = [paper.title, paper.abstract, ...paper.keywords];
    for (const d of fields.flatMap((f) => f.definitions) as AcronymDefinition[]) {
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
  const american = spellingMap(vocabulary);
  const spell = (word: string) => american.get(word) ?? word;
  const strip = (ws: string[]) => ws.map(spell).join("").replace(/-/g, "");
  const unit = (words: string[], surface: string, stop: boolean, joiner: boolean, endable: boolean): Unit => ({
    words,
    surface,
    stop,
    joiner,
    endable,
    key: strip(words),
    headKey: strip(words.slice(0, -1)),
  });

  // Per-distinct-string caches: at 10,000 papers the same few thousand words recur millions of times, and building a
  // unit, testing for an acronym or singularising (regexes, joins) per occurrence dominated this pass.
  const singularCache = new Map<string, { word: string; key: string }>();
  const singularOf = (lastWord: string) => {
    let sing = singularCache.get(lastWord);
    if (sing === undefined) {
      const word = singular(lastWord, vocabulary);
      singularCache.set(lastWord, (sing = { word, key: spell(word).replace(/-/g, "") }));
    }
    return sing;
  };
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
  /** Units of a chunk, with per-unit number flags; `own` are the paper's acronym definitions. */
  const toUnits = (chunk: Chunk, own: Map<string, string[]>, flags: number[]): Unit[] => {
    const units: Unit[] = [];
    flags.length = 0;
    for (const t of chunk) {
      const short = shortFormOf(t.surface);
      if (t.definition) {
        // The long form is counted through its own words unless it is too long to be a candidate.
        const long = short ? own.get(short) : undefined;
        if (long && long.length > MAX_UNITS) {
          units.push(unit(long, long.join(" "), false, false, true));
          flags.push(0);
        }
        continue;
      }
      const long = short ? (own.get(short) ?? globalDefinitions.get(short)) : undefined;
      units.push(long ? unit(long, t.surface, false, false, true) : wordUnit(t.lower, t.surface));
      flags.push((t.afterNumber ? AFTER_NUMBER : 0) | (t.beforeNumber ? BEFORE_NUMBER : 0));
    }
    return units;
  };
  /** Identity of units[i, i+n): every unit whole, the last one with its last word singular. */
  const spanGid = (units: Unit[], i: number, n: number): string => {
    let gid = "";
    for (let k = i; k < i + n - 1; k++) gid += units[k]!.key;
    const last = units[i + n - 1]!;
    return gid + last.headKey + singularOf(last.words[last.words.length - 1]!).key;
  };
  const spanCanonical = (units: Unit[], i: number, n: number): string => {
    const words = units.slice(i, i + n).flatMap((u) => u.words);
    words[words.length - 1] = singularOf(words[words.length - 1]!).word;
    return words.join(" ");
  };

  // Thesaurus: identities of the terms on merge-topic and drop-topic lines, computed the way text terms are.
  const notes: TopicNote[] = [];
  const alias = new Map<string, string>();
  const aliasDisplay = new Map<string, { display: string; canonical: string }>();
  const dropped = new Set<string>();
  const thesaurusTerms: { gid: string; term: string; entry: TopicThesaurusEntry }[] = [];
  const phraseGid = (text: string): { gid: string; canonical: string } | null => {
    const field = lexField(text, true, isStopWord);
    const flags: number[] = [];
    const units = field.chunks.flatMap((c) => toUnits(c, new Map(field.definitions.map((d) => [d.short, d.long])), flags));
    if (units.length === 0) return null;
    return { gid: spanGid(units, 0, units.length), canonical: spanCanonical(units, 0, units.length) };
  };
  for (const entry of thesaurus) {
    const ids = entry.terms.map((term) => ({ term, id: phraseGid(term) }));
    for (const { term, id } of ids) {
      if (!id) notes.push({ ...entry.source, severity: "warning", message: `topic term "${term}" has no words; this cell is ignored` });
      else thesaurusTerms.push({ gid: id.gid, term, entry });
    }
    const valid = ids.filter((x) => x.id !== null) as { term: string; id: { gid: string; canonical: string } }[];
    if (entry.action === "drop-topic") {
      for (const { id } of valid) dropped.add(id.gid);
      continue;
    }
    const target = valid[0];
    if (!target) continue;
    const to = alias.get(target.id.gid) ?? target.id.gid;
    if (!aliasDisplay.has(to)) aliasDisplay.set(to, { display: target.term.replace(/\s+/g, " ").trim(), canonical: target.id.canonical });
    for (const { id } of valid.slice(1)) if (id.gid !== to && !alias.has(id.gid)) alias.set(id.gid, to);
  }
  const seenGids = new Set<string>();
  const resolve = (gid: string): string | null => {
    if (thesaurusTerms.length) seenGids.add(gid);
    const to = alias.get(gid) ?? gid;
    return dropped.has(to) || dropped.has(gid) ? null : to;
  };

  // Pass 2: units, n-grams, keywords, counts.
  const acc = new Map<string, Accumulator>();
  const contained = new Map<string, Map<string, number>>();
  const paperTf: Map<string, number>[] = [];
  const countContained = (sub: string | null | undefined, sup: string) => {
    if (!sub || sub === sup) return;
    let m = contained.get(sub);
    if (!m) contained.set(sub, (m = new Map()));
    m.set(sup, (m.get(sup) ?? 0) + 1);
  };
  const accumulator = (gid: string, n: number): Accumulator => {
    let a = acc.get(gid);
    if (!a) {
      acc.set(gid, (a = {
        occurrences: 0, units: n, surfaces: new Map(), keywordPapers: 0, lastKeywordPaper: -1,
        textOccurrences: 0, modifier: 0, alone: 0, counted: 0, valued: 0, located: 0, fixedDisplay: null, endable: true,
      }));
    }
    return a;
  };
  const countSurface = (a: Accumulator, surface: string, canonical: () => string, pi: number) => {
    a.occurrences++;
    let sc = a.surfaces.get(surface);
    if (!sc) a.surfaces.set(surface, (sc = { canonical: canonical(), count: 0, papers: 0, lastPaper: -1 }));
    sc.count++;
    if (sc.lastPaper !== pi) {
      sc.papers++;
      sc.lastPaper = pi;
    }
  };
  const markKeyword = (a: Accumulator, pi: number) => {
    if (a.lastKeywordPaper !== pi) {
      a.keywordPapers++;
      a.lastKeywordPaper = pi;
    }
  };
  const flags: number[] = [];
  const titleDf = new Map<string, number>();
  const inTitle = new Set<string>();
  const termTick = stepCounter(progress, "counting candidate terms", lexed.length, "papers");
  lexed.forEach((paper, pi) => {
    termTick(pi + 1);
    const tf = new Map<string, number>();
    paperTf.push(tf);
    const own = paperDefinitions[pi]!;
    inTitle.clear();
    for (const chunk of paper.title.chunks) {
      for (const t of chunk) {
        const head = t.lower.includes("-") ? adjectivalHyphenHead(t.lower) : null;
        if (head === null || isStopWord(head)) continue;
        const gid = resolve(spanGid([wordUnit(head, head)], 0, 1));
        if (gid !== null) inTitle.add(gid);
      }
    }
    for (const [field, weight] of [[paper.title, TITLE_WEIGHT], [paper.abstract, 1]] as const) {
      for (const chunk of field.chunks) {
        const units = toUnits(chunk, own, flags);
        // gids[i][n-1]: the term of n units starting at unit i, or null when it is not a candidate.
        const gids: (string | null)[][] = [];
        for (let i = 0; i < units.length; i++) {
          const row: (string | null)[] = [null, null, null];
          gids.push(row);
          const first = units[i]!;
          if (first.stop) continue;
          const before = i > 0 && !units[i - 1]!.stop;
          const counted = (flags[i]! & AFTER_NUMBER) !== 0 || (i > 0 && NUMBER_WORDS.has(units[i - 1]!.key));
          const located = i > 0 && LOCATIVE.has(units[i - 1]!.key);
          for (let n = 1; n <= MAX_UNITS && i + n <= units.length; n++) {
            const last = units[i + n - 1]!;
            if (last.stop) {
              // A stop word may only sit in the middle, and only a joiner ("of"): skip to the longer span.
              if (last.joiner && n < MAX_UNITS) continue;
              break;
            }
            // A lone adjective ("generative") is counted as evidence for clustering, never as part of a longer term.
            if (!last.endable && n > 1) continue;
            const gid = resolve(spanGid(units, i, n));
            if (gid === null) continue;
            if (last.endable) row[n - 1] = gid;
            let surface = first.surface;
            for (let k = i + 1; k < i + n; k++) surface += " " + units[k]!.surface;
            const a = accumulator(gid, n);
            if (n < a.units) a.units = n;
            if (!last.endable) a.endable = false;
            countSurface(a, surface, () => spanCanonical(units, i, n), pi);
            a.textOccurrences++;
            const after = i + n < units.length && !units[i + n]!.stop;
            if (after) a.modifier++;
            if (!before && !after) a.alone++;
            if (counted) a.counted++;
            if (located) a.located++;
            if ((flags[i + n - 1]! & BEFORE_NUMBER) !== 0) a.valued++;
            if (weight === TITLE_WEIGHT) inTitle.add(gid);
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
    for (const gid of inTitle) titleDf.set(gid, (titleDf.get(gid) ?? 0) + 1);
    // Keywords: each chunk of a keyword is one candidate, stop words trimmed from its ends ("the", "a").
    paper.keywords.forEach((field, k) => {
      const weight = k < paper.indexFrom ? KEYWORD_WEIGHT : INDEX_KEYWORD_WEIGHT;
      for (const chunk of field.chunks) {
        const units = toUnits(chunk, own, flags);
        let i = 0;
        let end = units.length;
        while (i < end && units[i]!.stop) i++;
        while (end > i && units[end - 1]!.stop) end--;
        const n = end - i;
        if (n === 0 || n > MAX_KEYWORD_UNITS) continue;
        const gid = resolve(spanGid(units, i, n));
        if (gid === null) continue;
        let surface = units[i]!.surface;
        for (let j = i + 1; j < end; j++) surface += " " + units[j]!.surface;
        const a = accumulator(gid, n);
        if (n < a.units) a.units = n;
        countSurface(a, surface, () => spanCanonical(units, i, n), pi);
        markKeyword(a, pi);
        tf.set(gid, (tf.get(gid) ?? 0) + weight);
      }
    });
    for (const heading of paper.mesh) {
      const gid = resolve(meshIdentity(heading));
      if (gid === null) continue;
      const a = accumulator(gid, heading.split(/\s+/).length);
      countSurface(a, heading, () => heading.toLowerCase(), pi);
      markKeyword(a, pi);
      if (a.fixedDisplay === null) a.fixedDisplay = heading;
      tf.set(gid, (tf.get(gid) ?? 0) + INDEX_KEYWORD_WEIGHT);
    }
  });

  for (const { gid, term, entry } of thesaurusTerms) {
    if (!seenGids.has(gid)) {
      notes.push({ ...entry.source, severity: "warning", message: `${entry.action} term "${term}" occurs in no title, abstract or keyword; check its spelling` });
    }
  }

  const df = new Map<string, number>();
  const titledDf = new Map<string, number>();
  paperTf.forEach((tf, pi) => {
    const titled = lexed[pi]!.title.chunks.length > 0;
    for (const gid of tf.keys()) {
      df.set(gid, (df.get(gid) ?? 0) + 1);
      if (titled) titledDf.set(gid, (titledDf.get(gid) ?? 0) + 1);
    }
  });
  const terms: TermStats[] = [];
  for (const gid of [...acc.keys()].sort(cmp)) {
    const a = acc.get(gid)!;
    const surfaceDf = new Map([...a.surfaces].map(([sf, c]) => [sf, c.papers]));
    const fixed = aliasDisplay.get(gid);
    const display = fixed?.display ?? a.fixedDisplay ?? argmax(surfaceDf, (x, y) => {
      if (x.length !== y.length) return y.length - x.length;
      const cx = a.surfaces.get(x)!.count;
      const cy = a.surfaces.get(y)!.count;
      return cx !== cy ? cy - cx : cmp(x, y);
    });
    const canonical = new Map<string, number>();
    for (const c of a.surfaces.values()) canonical.set(c.canonical, (canonical.get(c.canonical) ?? 0) + c.count);
    terms.push({
      gid,
      key: "t:" + (fixed?.canonical ?? argmax(canonical)),
      display,
      variants: [...new Set([...a.surfaces.keys(), ...(fixed ? [display] : [])])].sort(cmp),
      units: a.units,
      endable: a.endable,
      df: df.get(gid) ?? 0,
      occurrences: a.occurrences,
      titleDf: titleDf.get(gid) ?? 0,
      titledDf: titledDf.get(gid) ?? 0,
      keywordDf: a.keywordPapers,
      textOccurrences: a.textOccurrences,
      modifier: a.modifier,
      alone: a.alone,
      counted: a.counted,
      located: a.located,
      valued: a.valued,
    });
  }
  const titled = lexed.reduce((k, p) => k + (p.title.chunks.length > 0 ? 1 : 0), 0);
  const skippedLongTokens = lexed.reduce(
    (k, p) => k + p.title.skippedLongTokens + p.abstract.skippedLongTokens + p.keywords.reduce((m, f) => m + f.skippedLongTokens, 0),
    0,
  );
  return {
    n: papers.length, keys: papers.map((p) => p.key), terms, byGid: new Map(terms.map((t) => [t.gid, t])), paperTf, contained,
    words: vocabulary, phraseFinal, titled, skippedLongTokens, notes,
  };
}
