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
import { ConcatHash, FloatList, IntList, Interner, TripleMap, grown, tripleKey } from "./tables";
import { acronymShortForm, lexField, type Chunk, type LexedField } from "./tokens";
import type { TopicInputPaper, TopicNote, TopicThesaurusEntry } from "./types";
import { compareStrings } from "../../model/compare";

export const TITLE_WEIGHT = 3;
export const MAX_UNITS = 3;

export interface TermStats {
  /** Its position in CorpusTerms.terms (what the per-paper lists tfTerm hold). */
  index: number;
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
  /** Weighted occurrences are in the per-paper lists (tfWeight); this counts every occurrence once. */
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
  /**
   * Every candidate held by at least `minDf` papers (analyseCorpus's argument; 1, the default, keeps all), sorted by
   * gid. Rarer ones are counted but not kept: no later stage judges them.
   */
  terms: TermStats[];
  byGid: Map<string, TermStats>;
  /**
   * Per paper p (input order), its terms and their weighted occurrences, in the order the paper first uses them:
   * terms[tfTerm[k]] with weight tfWeight[k] for k from tfStart[p] to tfStart[p + 1] (one flat list for all papers,
   * not a Map per paper). termCountsOf(corpus, p) gives one paper's as a gid -> weight Map.
   */
  tfStart: Int32Array;
  tfTerm: Int32Array;
  tfWeight: Float64Array;
  /** Sub-term gid -> longer term gid -> occurrences of the sub-term inside it (both among `terms`). */
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

/** Whether paper `paper` holds the term at `index` of corpus.terms. */
export function paperHolds(corpus: CorpusTerms, paper: number, index: number): boolean {
  const { tfStart, tfTerm } = corpus;
  for (let k = tfStart[paper]!; k < tfStart[paper + 1]!; k++) if (tfTerm[k] === index) return true;
  return false;
}

/** One paper's terms as gid -> weighted occurrences, in the order the paper first uses them. */
export function termCountsOf(corpus: CorpusTerms, paper: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let k = corpus.tfStart[paper]!; k < corpus.tfStart[paper + 1]!; k++) counts.set(corpus.terms[corpus.tfTerm[k]!]!.gid, corpus.tfWeight[k]!);
  return counts;
}

/** Occurrence flags of one unit in its chunk. */
const AFTER_NUMBER = 1;
const BEFORE_NUMBER = 2;

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
function argmax<K extends string>(counts: Map<K, number>, tieBreak: (a: K, b: K) => number = compareStrings): K {
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


interface Unit {
  /** Dense id (units met in the corpus); -1 for the thesaurus's own units, which are never counted. */
  id: number;
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
  /** A number word ("five"): the unit after it is counted. */
  numberWord: boolean;
  /** A locative preposition ("in"): the unit after it names a setting. */
  locative: boolean;
}

/** Token flags, packed with the token's surface id (surface id << TOKEN_SHIFT | flags). */
const SENTENCE_START = 1;
const DEFINITION = 2;
const TOKEN_AFTER_NUMBER = 4;
const TOKEN_BEFORE_NUMBER = 8;
const CHUNK_START = 16;
const TOKEN_SHIFT = 5;

/** spanRule's answers. */
const SPAN = 0;
const SKIP = 1;
const STOP = 2;

/** A span record's sub-term pair not worked out yet. */
const PAIR_UNKNOWN = -3;

/**
 * The lexed corpus, compact: every token is one int (its surface's id and its flags) in one flat list, fields are
 * ranges of it (per paper: title, abstract, then one per keyword), chunks start at a CHUNK_START token. The tokens'
 * objects (tokens.ts) live only while their field is encoded, so the whole corpus never sits in memory as objects.
 */
class LexedCorpus {
  readonly surfaces = new Interner();
  readonly lowers = new Interner();
  /** Per surface id: the id of its lower-case form. */
  readonly lowerOf = new IntList();
  readonly tokens = new IntList(1 << 16);
  /** Token index where each field starts; the field f ends where f + 1 starts. */
  readonly fieldStart = new IntList();
  /** Per paper: its first field (title); its abstract is the next, its keywords follow. */
  readonly firstField: Int32Array;
  /** Per paper: fields from firstField + 2 + indexFrom on are indexer terms (the ones before, author keywords). */
  readonly indexFrom: Int32Array;
  readonly mesh: (string[] | null)[];
  /** Per paper: acronym definitions (short form -> long form words; the first one of each short form). */
  readonly definitions: (Map<string, string[]> | null)[];
  skippedLongTokens = 0;

  constructor(papers: number) {
    this.firstField = new Int32Array(papers + 1);
    this.indexFrom = new Int32Array(papers);
    this.mesh = new Array<string[] | null>(papers).fill(null);
    this.definitions = new Array<Map<string, string[]> | null>(papers).fill(null);
  }

  addPaper(pi: number, p: TopicInputPaper): void {
    const author = p.keywords ?? [];
    const index = p.indexKeywords ?? [];
    this.firstField[pi] = this.fieldStart.length;
    this.indexFrom[pi] = author.length;
    const fields = [lexField(p.title, true, isStopWord), lexField(p.abstract, false, isStopWord)];
    for (const k of [...author, ...index]) fields.push(lexField(typeof k === "string" ? foldCapitals(k) : null, true, isStopWord));
    let defs: Map<string, string[]> | null = null;
    for (const field of fields) {
      this.addField(field);
      for (const d of field.definitions) {
        if (!defs) defs = new Map();
        if (!defs.has(d.short)) defs.set(d.short, d.long);
      }
    }
    this.definitions[pi] = defs;
    const mesh = (p.meshTerms ?? []).flatMap((m) => {
      const h = typeof m === "string" ? cleanMeshHeading(m) : null;
      return h ? [h] : [];
    });
    if (mesh.length) this.mesh[pi] = mesh;
    this.firstField[pi + 1] = this.fieldStart.length;
  }

  private addField(field: LexedField): void {
    this.fieldStart.push(this.tokens.length);
    this.skippedLongTokens += field.skippedLongTokens;
    for (const chunk of field.chunks) {
      for (let j = 0; j < chunk.length; j++) {
        const t = chunk[j]!;
        const sid = this.surfaces.id(t.surface);
        if (sid === this.lowerOf.length) this.lowerOf.push(this.lowers.id(t.lower));
        const flags =
          (j === 0 ? CHUNK_START : 0) |
          (t.sentenceStart ? SENTENCE_START : 0) |
          (t.definition ? DEFINITION : 0) |
          (t.afterNumber ? TOKEN_AFTER_NUMBER : 0) |
          (t.beforeNumber ? TOKEN_BEFORE_NUMBER : 0);
        this.tokens.push((sid << TOKEN_SHIFT) | flags);
      }
    }
  }

  /** Closes the field list (call once, after the last paper). */
  finish(): void {
    this.fieldStart.push(this.tokens.length);
  }

  fieldFrom(f: number): number {
    return this.fieldStart.data[f]!;
  }

  fieldTo(f: number): number {
    return this.fieldStart.data[f + 1]!;
  }
}

/** End of the chunk that starts at token `from` (tokens[from] has CHUNK_START), within a field ending at `to`. */
function chunkEnd(tokens: Int32Array, from: number, to: number): number {
  let k = from + 1;
  while (k < to && (tokens[k]! & CHUNK_START) === 0) k++;
  return k;
}

/** Per-term counts, in typed arrays indexed by term id (ids in the order terms are first met). */
class TermCounts {
  capacity = 0;
  occurrences = new Int32Array(0);
  /** Fewest units; 0 until the term is first counted. */
  units = new Int32Array(0);
  notEndable = new Uint8Array(0);
  keywordPapers = new Int32Array(0);
  lastKeywordPaper = new Int32Array(0);
  textOccurrences = new Int32Array(0);
  modifier = new Int32Array(0);
  alone = new Int32Array(0);
  counted = new Int32Array(0);
  valued = new Int32Array(0);
  located = new Int32Array(0);
  df = new Int32Array(0);
  titledDf = new Int32Array(0);
  titleDf = new Int32Array(0);
  /** Last paper that held the term in its title / in its term list, and where in that list. */
  titleMark = new Int32Array(0);
  tfMark = new Int32Array(0);
  tfAt = new Int32Array(0);
  /** Its surface slots, as a linked list (slotNext). */
  firstSlot = new Int32Array(0);

  ensure(size: number): void {
    if (size <= this.capacity) return;
    this.occurrences = grown(this.occurrences, size);
    this.units = grown(this.units, size);
    this.notEndable = grown(this.notEndable, size);
    this.keywordPapers = grown(this.keywordPapers, size);
    this.lastKeywordPaper = grown(this.lastKeywordPaper, size, -1);
    this.textOccurrences = grown(this.textOccurrences, size);
    this.modifier = grown(this.modifier, size);
    this.alone = grown(this.alone, size);
    this.counted = grown(this.counted, size);
    this.valued = grown(this.valued, size);
    this.located = grown(this.located, size);
    this.df = grown(this.df, size);
    this.titledDf = grown(this.titledDf, size);
    this.titleDf = grown(this.titleDf, size);
    this.titleMark = grown(this.titleMark, size, -1);
    this.tfMark = grown(this.tfMark, size, -1);
    this.tfAt = grown(this.tfAt, size);
    this.firstSlot = grown(this.firstSlot, size, -1);
    this.capacity = this.occurrences.length;
  }
}

export function analyseCorpus(
  papers: TopicInputPaper[],
  thesaurus: readonly TopicThesaurusEntry[] = [],
  progress: StepReporter = silentSteps,
  minDf = 1,
): CorpusTerms {
  const lexTick = stepCounter(progress, "reading titles, abstracts and keywords", papers.length, "papers");
  const lexed = new LexedCorpus(papers.length);
  papers.forEach((p, i) => {
    lexTick(i + 1);
    lexed.addPaper(i, p);
  });
  lexed.finish();
  const tokens = lexed.tokens.data;
  const surfaceOf = lexed.surfaces.strings;
  const lowerString = lexed.lowers.strings;
  const lowerOf = lexed.lowerOf.data;
  const lowerCount = lexed.lowers.size;

  // Pass 1: vocabulary, mid-sentence casing evidence, acronym definitions.
  const inVocabulary = new Uint8Array(lowerCount);
  const vocabularyOrder: number[] = [];
  const finalCount = new Int32Array(lowerCount);
  const totalCount = new Int32Array(lowerCount);
  const casingCount = new Int32Array(lexed.surfaces.size);
  const functionWord = new Int8Array(lowerCount).fill(-1);
  const isFunction = (lid: number) => {
    let f = functionWord[lid]!;
    if (f < 0) functionWord[lid] = f = isFunctionWord(lowerString[lid]!) ? 1 : 0;
    return f === 1;
  };
  const addWord = (lid: number) => {
    if (inVocabulary[lid] === 0) {
      inVocabulary[lid] = 1;
      vocabularyOrder.push(lid);
    }
  };
  const corpusDefinitions = new Map<string, Map<string, number>>();
  for (let pi = 0; pi < papers.length; pi++) {
    const first = lexed.firstField[pi]!;
    const last = lexed.firstField[pi + 1]!;
    for (let f = first; f < first + 2; f++) {
      const inAbstract = f === first + 1;
      const to = lexed.fieldTo(f);
      for (let k = lexed.fieldFrom(f); k < to; k++) {
        const packed = tokens[k]!;
        const sid = packed >>> TOKEN_SHIFT;
        const lid = lowerOf[sid]!;
        addWord(lid);
        if ((packed & DEFINITION) === 0) {
          totalCount[lid]!++;
          const next = k + 1 < to && (tokens[k + 1]! & CHUNK_START) === 0 ? tokens[k + 1]! : -1;
          if (next < 0 || isFunction(lowerOf[next >>> TOKEN_SHIFT]!)) finalCount[lid]!++;
          if (inAbstract && (packed & SENTENCE_START) === 0) casingCount[sid]!++;
        }
      }
    }
    for (let k = lexed.fieldFrom(first + 2); k < lexed.fieldFrom(last); k++) addWord(lowerOf[tokens[k]! >>> TOKEN_SHIFT]!);
    const defs = lexed.definitions[pi];
    if (defs) {
      for (const [short, long] of defs) {
        let m = corpusDefinitions.get(short);
        if (!m) corpusDefinitions.set(short, (m = new Map()));
        const k = long.join(" ");
        m.set(k, (m.get(k) ?? 0) + 1);
      }
    }
  }
  const vocabulary = new Set<string>(vocabularyOrder.map((lid) => lowerString[lid]!));
  const phraseFinal = new Map<string, { final: number; total: number }>();
  for (const lid of vocabularyOrder) {
    if (totalCount[lid]! > 0) phraseFinal.set(lowerString[lid]!, { final: finalCount[lid]!, total: totalCount[lid]! });
  }
  const globalDefinitions = new Map<string, string[]>();
  for (const [short, longs] of corpusDefinitions) {
    const best = argmax(longs);
    const total = [...longs.values()].reduce((a, b) => a + b, 0);
    if ((longs.get(best) ?? 0) * 3 >= total * 2) globalDefinitions.set(short, best.split(" "));
  }
  // Display casing of each word: its most frequent mid-sentence surface in abstracts (ties: the lower-case form, then
  // the first in code order).
  const displaySid = new Int32Array(lowerCount).fill(-1);
  for (let sid = 0; sid < casingCount.length; sid++) {
    const c = casingCount[sid]!;
    if (c === 0) continue;
    const lid = lowerOf[sid]!;
    const best = displaySid[lid]!;
    if (best < 0) {
      displaySid[lid] = sid;
      continue;
    }
    const bc = casingCount[best]!;
    if (c < bc) continue;
    const lower = lowerString[lid]!;
    const a = surfaceOf[sid]!;
    const b = surfaceOf[best]!;
    if (c > bc || (a === lower ? -1 : b === lower ? 1 : compareStrings(a, b)) < 0) displaySid[lid] = sid;
  }
  const displayWord = new Map<string, string>();
  for (let lid = 0; lid < lowerCount; lid++) if (displaySid[lid]! >= 0) displayWord.set(lowerString[lid]!, surfaceOf[displaySid[lid]!]!);
  const caseOf = (lower: string, surface: string) =>
    displayWord.get(lower) ?? (hasInnerCapital(surface) ? surface : lower);
  const american = spellingMap(vocabulary);
  const spell = (word: string) => american.get(word) ?? word;
  const strip = (ws: string[]) => ws.map(spell).join("").replace(/-/g, "");
  const units: Unit[] = [];
  const unit = (words: string[], surface: string, stop: boolean, joiner: boolean, endable: boolean, register: boolean): Unit => {
    const key = strip(words);
    const u: Unit = {
      id: register ? units.length : -1,
      words, surface, stop, joiner, endable, key,
      headKey: strip(words.slice(0, -1)),
      numberWord: NUMBER_WORDS.has(key),
      locative: LOCATIVE.has(key),
    };
    if (register) units.push(u);
    return u;
  };

  // Per-distinct-string caches: at 10,000 papers the same few thousand words recur millions of times.
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
  const shortOfSid: (string | null | undefined)[] = new Array<string | null | undefined>(lexed.surfaces.size);
  const wordUnitOf = (lower: string, surface: string, register: boolean): Unit => {
    const stop = isStopWord(lower);
    const joiner = stop && lower === "of";
    return unit([lower], caseOf(lower, surface), stop, joiner, !stop && !cannotEndTerm(lower), register);
  };
  // Units of plain words depend only on the token's surface, never on the paper; acronyms read as their long form
  // only on (long form, surface). Units are never mutated, so sharing is safe.
  const unitOfSid = new Int32Array(lexed.surfaces.size).fill(-1);
  const wordUnit = (sid: number): Unit => {
    const u = unitOfSid[sid]!;
    if (u >= 0) return units[u]!;
    const made = wordUnitOf(lowerString[lowerOf[sid]!]!, surfaceOf[sid]!, true);
    unitOfSid[sid] = made.id;
    return made;
  };
  const longUnits = new Map<string, Unit>();
  const longUnit = (long: string[], surface: string): Unit => {
    const key = long.join(" ") + "\u0000" + surface;
    let u = longUnits.get(key);
    if (!u) longUnits.set(key, (u = unit(long, surface, false, false, true, true)));
    return u;
  };
  const noDefinitions = new Map<string, string[]>();
  // Units of the chunk tokens[from, to): unitIds / unitBuf / unitFlags[0, count), with per-unit number flags.
  let unitIds = new Int32Array(64);
  let unitFlags = new Int32Array(64);
  const unitBuf: Unit[] = [];
  const toUnits = (from: number, to: number, own: Map<string, string[]>): number => {
    if (to - from > unitIds.length) {
      unitIds = grown(unitIds, to - from);
      unitFlags = grown(unitFlags, to - from);
    }
    let count = 0;
    for (let k = from; k < to; k++) {
      const packed = tokens[k]!;
      const sid = packed >>> TOKEN_SHIFT;
      let short = shortOfSid[sid];
      if (short === undefined) shortOfSid[sid] = short = shortFormOf(surfaceOf[sid]!);
      let u: Unit;
      if ((packed & DEFINITION) !== 0) {
        // The long form is counted through its own words unless it is too long to be a candidate.
        const long = short ? own.get(short) : undefined;
        if (!(long && long.length > MAX_UNITS)) continue;
        u = longUnit(long, long.join(" "));
        unitFlags[count] = 0;
      } else {
        const long = short ? (own.get(short) ?? globalDefinitions.get(short)) : undefined;
        u = long ? longUnit(long, surfaceOf[sid]!) : wordUnit(sid);
        unitFlags[count] = ((packed & TOKEN_AFTER_NUMBER) !== 0 ? AFTER_NUMBER : 0) | ((packed & TOKEN_BEFORE_NUMBER) !== 0 ? BEFORE_NUMBER : 0);
      }
      unitIds[count] = u.id;
      unitBuf[count++] = u;
    }
    return count;
  };
  /** Identity of units[i, i+n): every unit whole, the last one with its last word singular. */
  const spanGid = (us: Unit[], i: number, n: number): string => {
    let gid = "";
    for (let k = i; k < i + n - 1; k++) gid += us[k]!.key;
    const last = us[i + n - 1]!;
    return gid + last.headKey + singularOf(last.words[last.words.length - 1]!).key;
  };
  const spanCanonical = (us: Unit[], i: number, n: number): string => {
    const words = us.slice(i, i + n).flatMap((u) => u.words);
    words[words.length - 1] = singularOf(words[words.length - 1]!).word;
    return words.join(" ");
  };
  const spanSurface = (us: Unit[], i: number, n: number): string => {
    let surface = us[i]!.surface;
    for (let k = i + 1; k < i + n; k++) surface += " " + us[k]!.surface;
    return surface;
  };

  // Thesaurus: identities of the terms on merge-topic and drop-topic lines, computed the way text terms are.
  const notes: TopicNote[] = [];
  const alias = new Map<string, string>();
  const aliasDisplay = new Map<string, { display: string; canonical: string }>();
  const dropped = new Set<string>();
  const thesaurusTerms: { gid: string; term: string; entry: TopicThesaurusEntry }[] = [];
  const chunkUnits = (chunk: Chunk, own: Map<string, string[]>): Unit[] => {
    const us: Unit[] = [];
    for (const t of chunk) {
      const short = shortFormOf(t.surface);
      if (t.definition) {
        const long = short ? own.get(short) : undefined;
        if (long && long.length > MAX_UNITS) us.push(unit(long, long.join(" "), false, false, true, false));
        continue;
      }
      const long = short ? (own.get(short) ?? globalDefinitions.get(short)) : undefined;
      us.push(long ? unit(long, t.surface, false, false, true, false) : wordUnitOf(t.lower, t.surface, false));
    }
    return us;
  };
  const phraseGid = (text: string): { gid: string; canonical: string } | null => {
    const field = lexField(text, true, isStopWord);
    const us = field.chunks.flatMap((c) => chunkUnits(c, new Map(field.definitions.map((d) => [d.short, d.long]))));
    if (us.length === 0) return null;
    return { gid: spanGid(us, 0, us.length), canonical: spanCanonical(us, 0, us.length) };
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

  /**
   * Whether units unitBuf[i, i+n) of a title or abstract chunk are a candidate (SPAN), are none but a longer span from
   * i may be (SKIP), or no longer span from i is (STOP). A stop word may only sit in the middle, and only a joiner
   * ("of"); a lone adjective ("generative") is counted as evidence for clustering, never as part of a longer term.
   */
  const spanRule = (i: number, n: number): number => {
    const last = unitBuf[i + n - 1]!;
    if (last.stop) return last.joiner && n < MAX_UNITS ? SKIP : STOP;
    return !last.endable && n > 1 ? SKIP : SPAN;
  };
  /** A keyword chunk of m units without the stop words at its ends ("the", "a"): its first unit and length. */
  const keywordSpan = (m: number): { i: number; n: number } => {
    let i = 0;
    let stop = m;
    while (i < stop && unitBuf[i]!.stop) i++;
    while (stop > i && unitBuf[stop - 1]!.stop) stop--;
    return { i, n: stop - i };
  };

  // Identities held by fewer than minDf papers are never kept, so pass 2 skips them: their spans make no strings, terms
  // or slots (at 100,000 papers 1.3 million identities, of which a few percent reach minDf). Pass 1b counts papers per
  // identity on hashes of the identity strings, composed from the units' hashes without building a string; a collision
  // only merges two counts, so no count is below its identity's papers and nothing that reaches minDf is skipped.
  // Identities the thesaurus names (and what they merge into) are never skipped.
  const rareIdentity = minDf > 1 ? rareIdentities() : null;
  function rareIdentities(): { span: (i: number, n: number) => boolean; text: (identity: string) => boolean } {
    const hash = new ConcatHash();
    const partHash = new ConcatHash();
    // Per unit id: the hashes of its key (inside a span) and of its last-position part (stride 8; p1 = 0: not yet).
    let unitParts = new Int32Array(8 * 1024);
    const partsOf = (u: Unit): number => {
      const at = 8 * u.id;
      if (at + 8 > unitParts.length) unitParts = grown(unitParts, at + 8);
      if (unitParts[at + 2] === 0) {
        partHash.reset().addString(u.key).store(unitParts, at);
        partHash.reset().addString(u.headKey).addString(singularOf(u.words[u.words.length - 1]!).key).store(unitParts, at + 4);
      }
      return at;
    };
    /** The identity hash of units unitBuf[i, i+n) into `hash` (spanGid's string, composed). */
    const spanHash = (i: number, n: number): ConcatHash => {
      hash.reset();
      // partsOf may grow unitParts: read the array after it returns.
      for (let k = i; k < i + n - 1; k++) {
        const at = partsOf(unitBuf[k]!);
        hash.addPart(unitParts, at);
      }
      const at = partsOf(unitBuf[i + n - 1]!);
      return hash.addPart(unitParts, at + 4);
    };
    // Sized from the token count (about one identity per 8-13 tokens on the field corpus) so the table is made once
    // instead of doubled seven times: each large allocation is one step nearer a full collection of the build's heap.
    const expected = Math.max(1024, Math.ceil(lexed.tokens.length / 8));
    const groups = new TripleMap(Math.min(24, Math.ceil(Math.log2(2 * expected))));
    const papersOf = new IntList(expected);
    const lastPaper = new IntList(expected);
    const count = (h: ConcatHash, pi: number) => {
      const a = tripleKey(h.h1);
      const b = tripleKey(h.h2);
      let g = groups.get(a, b, 0);
      if (g === TripleMap.MISSING) {
        g = papersOf.length;
        groups.set(a, b, 0, g);
        papersOf.push(0);
        lastPaper.push(-1);
      }
      if (lastPaper.data[g] !== pi) {
        lastPaper.data[g] = pi;
        papersOf.data[g]!++;
      }
    };
    const named = new TripleMap(8);
    const thesaurusGids = [...thesaurusTerms.map((t) => t.gid), ...alias.values(), ...dropped];
    for (const gid of thesaurusGids) named.set(tripleKey(hash.reset().addString(gid).h1), tripleKey(hash.h2), 0, 1);
    const tick = stepCounter(progress, "papers per term", papers.length, "papers");
    for (let pi = 0; pi < papers.length; pi++) {
      tick(pi + 1);
      const own = lexed.definitions[pi] ?? noDefinitions;
      const first = lexed.firstField[pi]!;
      for (let f = first; f < lexed.firstField[pi + 1]!; f++) {
        const keyword = f >= first + 2;
        const to = lexed.fieldTo(f);
        for (let from = lexed.fieldFrom(f); from < to; ) {
          const end = chunkEnd(tokens, from, to);
          const m = toUnits(from, end, own);
          from = end;
          if (keyword) {
            const { i, n } = keywordSpan(m);
            if (n > 0 && n <= MAX_KEYWORD_UNITS) count(spanHash(i, n), pi);
            continue;
          }
          // The spans pass 2 counts.
          for (let i = 0; i < m; i++) {
            if (unitBuf[i]!.stop) continue;
            for (let n = 1; n <= MAX_UNITS && i + n <= m; n++) {
              const rule = spanRule(i, n);
              if (rule === STOP) break;
              if (rule === SPAN) count(spanHash(i, n), pi);
            }
          }
        }
      }
      for (const heading of lexed.mesh[pi] ?? []) count(hash.reset().addString(meshIdentity(heading)), pi);
    }
    const rare = (h: ConcatHash) => {
      const a = tripleKey(h.h1);
      const b = tripleKey(h.h2);
      if (named.get(a, b, 0) !== TripleMap.MISSING) return false;
      const g = groups.get(a, b, 0);
      return g !== TripleMap.MISSING && papersOf.data[g]! < minDf;
    };
    return { span: (i, n) => rare(spanHash(i, n)), text: (identity) => rare(hash.reset().addString(identity)) };
  }

  // Pass 2: units, n-grams, keywords, counts. Terms, surfaces and unit sequences are ids; a string is built only the
  // first time a unit sequence (or a term's surface) is met.
  const gids = new Interner();
  const counts = new TermCounts();
  /** Term id of a resolved gid (null: dropped by the thesaurus -> -1). */
  const termOf = (gid: string | null): number => {
    if (gid === null) return -1;
    const t = gids.id(gid);
    counts.ensure(t + 1);
    return t;
  };
  // Surface slots: one per (term, surface as written), with its counts and the canonical spelling of its first use.
  const surfaceIds = new Interner();
  const slotOfSurface = new TripleMap(14);
  const slotTerm = new IntList();
  const slotSurface = new IntList();
  const slotCount = new IntList();
  const slotPapers = new IntList();
  const slotLastPaper = new IntList();
  const slotNext = new IntList();
  // The canonical spelling of a slot: a string, or (text spans) computed from the units of its first use, kept as
  // slotUnits[3s..3s+2] until the end, when only the slots of kept terms need it.
  const slotCanonical: (string | undefined)[] = [];
  const slotUnits = new IntList();
  const slotOf = (term: number, surface: string, canonical: (() => string) | null): number => {
    const sid = surfaceIds.id(surface);
    let s = slotOfSurface.get(term, sid, -1);
    if (s === TripleMap.MISSING) {
      s = slotTerm.length;
      slotOfSurface.set(term, sid, -1, s);
      slotTerm.push(term);
      slotSurface.push(sid);
      slotCount.push(0);
      slotPapers.push(0);
      slotLastPaper.push(-1);
      slotNext.push(counts.firstSlot[term]!);
      counts.firstSlot[term] = s;
      slotCanonical.push(canonical ? canonical() : undefined);
      slotUnits.push(canonical ? -1 : unitIds[spanFrom]!);
      slotUnits.push(canonical || spanLength < 2 ? -1 : unitIds[spanFrom + 1]!);
      slotUnits.push(canonical || spanLength < 3 ? -1 : unitIds[spanFrom + 2]!);
    }
    return s;
  };
  const countSlot = (s: number, term: number, pi: number) => {
    counts.occurrences[term]!++;
    slotCount.data[s]!++;
    if (slotLastPaper.data[s] !== pi) {
      slotPapers.data[s]!++;
      slotLastPaper.data[s] = pi;
    }
  };
  const fewestUnits = (term: number, n: number) => {
    const u = counts.units[term]!;
    if (u === 0 || n < u) counts.units[term] = n;
  };
  // Text spans: a unit sequence (one, two or three unit ids) -> its span record: its surface slot (-1: a term the
  // thesaurus drops) and, once known, the two sub-term pairs it counts in `contained`. All of these depend only on
  // the units, so each is worked out the first time the sequence is met. One unit: an array by unit id.
  let spanFrom = 0;
  let spanLength = 0;
  let spanOfUnit = new Int32Array(1024).fill(TripleMap.MISSING);
  const spanOfUnits = new TripleMap(16);
  const spanSlotOf = new IntList();
  const spanPairs = new IntList();
  const spanAt = (i: number, n: number): number => {
    let sp: number;
    if (n === 1) {
      const u = unitIds[i]!;
      if (u >= spanOfUnit.length) spanOfUnit = grown(spanOfUnit, u + 1, TripleMap.MISSING);
      sp = spanOfUnit[u]!;
    } else {
      sp = spanOfUnits.get(unitIds[i]!, unitIds[i + 1]!, n === 3 ? unitIds[i + 2]! : -1);
    }
    if (sp !== TripleMap.MISSING) return sp;
    const term = rareIdentity?.span(i, n) ? -1 : termOf(resolve(spanGid(unitBuf, i, n)));
    spanFrom = i;
    spanLength = n;
    const s = term < 0 ? -1 : slotOf(term, spanSurface(unitBuf, i, n), null);
    sp = spanSlotOf.length;
    spanSlotOf.push(s);
    spanPairs.push(PAIR_UNKNOWN);
    spanPairs.push(PAIR_UNKNOWN);
    if (n === 1) spanOfUnit[unitIds[i]!] = sp;
    else spanOfUnits.set(unitIds[i]!, unitIds[i + 1]!, n === 3 ? unitIds[i + 2]! : -1, sp);
    return sp;
  };
  /** The canonical spelling of a text span's slot from its units (lower case, last word singular). */
  const canonicalOfSlot = (s: number): string => {
    const us: Unit[] = [];
    for (let k = 3 * s; k < 3 * s + 3; k++) if (slotUnits.data[k]! >= 0) us.push(units[slotUnits.data[k]!]!);
    return spanCanonical(us, 0, us.length);
  };
  // Per paper, its terms in first-use order with their weights (flat lists for all papers).
  const tfStartRaw = new Int32Array(papers.length + 1);
  const tfTermRaw = new IntList(1 << 16);
  const tfWeightRaw = new FloatList(1 << 16);
  let titled = 0;
  let paperTitled = false;
  const addTf = (term: number, weight: number, pi: number) => {
    if (counts.tfMark[term] !== pi) {
      counts.tfMark[term] = pi;
      counts.tfAt[term] = tfTermRaw.length;
      tfTermRaw.push(term);
      tfWeightRaw.push(weight);
      counts.df[term]!++;
      if (paperTitled) counts.titledDf[term]!++;
    } else {
      tfWeightRaw.data[counts.tfAt[term]!]! += weight;
    }
  };
  const markTitle = (term: number, pi: number) => {
    if (counts.titleMark[term] !== pi) {
      counts.titleMark[term] = pi;
      counts.titleDf[term]!++;
    }
  };
  /** A MeSH heading fixes the display form (the first one met). */
  const fixedDisplay = new Map<number, string>();
  const markKeyword = (term: number, pi: number) => {
    if (counts.lastKeywordPaper[term] !== pi) {
      counts.keywordPapers[term]!++;
      counts.lastKeywordPaper[term] = pi;
    }
  };
  // Sub-term -> longer term occurrence counts, as (sub, sup) pairs.
  const pairOf = new TripleMap(14);
  const pairSub = new IntList();
  const pairSup = new IntList();
  const pairCount = new IntList();
  /** The pair (sub, sup), made on first use; -1 when there is none (no sub-term, or the term itself). */
  const pairId = (sub: number, sup: number): number => {
    if (sub < 0 || sub === sup) return -1;
    let p = pairOf.get(sub, sup, -1);
    if (p === TripleMap.MISSING) {
      p = pairSub.length;
      pairOf.set(sub, sup, -1, p);
      pairSub.push(sub);
      pairSup.push(sup);
      pairCount.push(0);
    }
    return p;
  };
  /** Counts one occurrence of the span record's `which` (0: the sub-term before, 1: after) sub-term pair. */
  const countContained = (span: number, which: number, sub: number, sup: number) => {
    let p = spanPairs.data[2 * span + which]!;
    if (p === PAIR_UNKNOWN) spanPairs.data[2 * span + which] = p = pairId(sub, sup);
    if (p >= 0) pairCount.data[p]!++;
  };
  // Hyphenated title words whose first part names the subject ("Privacy-Preserving"): per word, that part's term.
  const headTermOf = new Int32Array(lowerCount).fill(TripleMap.MISSING);
  const hyphenHeadTerm = (lid: number): number => {
    let t = headTermOf[lid]!;
    if (t === TripleMap.MISSING) {
      const lower = lowerString[lid]!;
      const head = lower.includes("-") ? adjectivalHyphenHead(lower) : null;
      // The term of the one-word span `head` (a unit of no head words, its word singularised).
      t = head === null || isStopWord(head) ? -1 : termOf(resolve(singularOf(head).key));
      headTermOf[lid] = t;
    }
    return t;
  };
  let rows = new Int32Array(3 * 64);
  let rowSpans = new Int32Array(3 * 64);
  const termTick = stepCounter(progress, "counting candidate terms", papers.length, "papers");
  for (let pi = 0; pi < papers.length; pi++) {
    termTick(pi + 1);
    tfStartRaw[pi] = tfTermRaw.length;
    const own = lexed.definitions[pi] ?? noDefinitions;
    const first = lexed.firstField[pi]!;
    paperTitled = lexed.fieldTo(first) > lexed.fieldFrom(first);
    if (paperTitled) titled++;
    for (let k = lexed.fieldFrom(first); k < lexed.fieldTo(first); k++) {
      const t = hyphenHeadTerm(lowerOf[tokens[k]! >>> TOKEN_SHIFT]!);
      if (t >= 0) markTitle(t, pi);
    }
    for (let f = first; f < first + 2; f++) {
      const weight = f === first ? TITLE_WEIGHT : 1;
      const to = lexed.fieldTo(f);
      for (let from = lexed.fieldFrom(f); from < to; ) {
        const end = chunkEnd(tokens, from, to);
        const m = toUnits(from, end, own);
        from = end;
        // rows[3i + n-1]: the term of n units starting at unit i, or -1 when it is not a candidate.
        if (3 * m > rows.length) {
          rows = grown(rows, 3 * m);
          rowSpans = grown(rowSpans, 3 * m);
        }
        rows.fill(-1, 0, 3 * m);
        for (let i = 0; i < m; i++) {
          const firstUnit = unitBuf[i]!;
          if (firstUnit.stop) continue;
          const before = i > 0 && !unitBuf[i - 1]!.stop;
          const counted = (unitFlags[i]! & AFTER_NUMBER) !== 0 || (i > 0 && unitBuf[i - 1]!.numberWord);
          const located = i > 0 && unitBuf[i - 1]!.locative;
          for (let n = 1; n <= MAX_UNITS && i + n <= m; n++) {
            const rule = spanRule(i, n);
            if (rule === STOP) break;
            if (rule === SKIP) continue;
            const last = unitBuf[i + n - 1]!;
            const span = spanAt(i, n);
            const s = spanSlotOf.data[span]!;
            if (s < 0) continue;
            const term = slotTerm.data[s]!;
            if (last.endable) {
              rows[3 * i + n - 1] = term;
              rowSpans[3 * i + n - 1] = span;
            }
            fewestUnits(term, n);
            if (!last.endable) counts.notEndable[term] = 1;
            countSlot(s, term, pi);
            counts.textOccurrences[term]!++;
            const after = i + n < m && !unitBuf[i + n]!.stop;
            if (after) counts.modifier[term]!++;
            if (!before && !after) counts.alone[term]!++;
            if (counted) counts.counted[term]!++;
            if (located) counts.located[term]!++;
            if ((unitFlags[i + n - 1]! & BEFORE_NUMBER) !== 0) counts.valued[term]!++;
            if (weight === TITLE_WEIGHT) markTitle(term, pi);
            addTf(term, weight, pi);
          }
        }
        for (let i = 0; i < m; i++) {
          for (let n = 2; n <= MAX_UNITS && i + n <= m; n++) {
            const sup = rows[3 * i + n - 1]!;
            if (sup < 0) continue;
            const span = rowSpans[3 * i + n - 1]!;
            countContained(span, 0, rows[3 * i + n - 2]!, sup);
            countContained(span, 1, rows[3 * (i + 1) + n - 2]!, sup);
          }
        }
      }
    }
    // Keywords: each chunk of a keyword is one candidate, stop words trimmed from its ends ("the", "a").
    const indexFrom = first + 2 + lexed.indexFrom[pi]!;
    for (let f = first + 2; f < lexed.firstField[pi + 1]!; f++) {
      const weight = f < indexFrom ? KEYWORD_WEIGHT : INDEX_KEYWORD_WEIGHT;
      const to = lexed.fieldTo(f);
      for (let from = lexed.fieldFrom(f); from < to; ) {
        const end = chunkEnd(tokens, from, to);
        const m = toUnits(from, end, own);
        from = end;
        const { i, n } = keywordSpan(m);
        if (n === 0 || n > MAX_KEYWORD_UNITS || rareIdentity?.span(i, n)) continue;
        const term = termOf(resolve(spanGid(unitBuf, i, n)));
        if (term < 0) continue;
        fewestUnits(term, n);
        countSlot(slotOf(term, spanSurface(unitBuf, i, n), () => spanCanonical(unitBuf, i, n)), term, pi);
        markKeyword(term, pi);
        addTf(term, weight, pi);
      }
    }
    for (const heading of lexed.mesh[pi] ?? []) {
      const identity = meshIdentity(heading);
      if (rareIdentity?.text(identity)) continue;
      const term = termOf(resolve(identity));
      if (term < 0) continue;
      if (counts.units[term] === 0) counts.units[term] = heading.split(/\s+/).length;
      countSlot(slotOf(term, heading, () => heading.toLowerCase()), term, pi);
      markKeyword(term, pi);
      if (!fixedDisplay.has(term)) fixedDisplay.set(term, heading);
      addTf(term, INDEX_KEYWORD_WEIGHT, pi);
    }
  }
  tfStartRaw[papers.length] = tfTermRaw.length;

  for (const { gid, term, entry } of thesaurusTerms) {
    if (!seenGids.has(gid)) {
      notes.push({ ...entry.source, severity: "warning", message: `${entry.action} term "${term}" occurs in no title, abstract or keyword; check its spelling` });
    }
  }

  // Terms that were counted (not only named by a title adjective) in at least minDf papers, in gid order.
  const kept: number[] = [];
  for (let t = 0; t < gids.size; t++) if (counts.occurrences[t]! > 0 && counts.df[t]! >= minDf) kept.push(t);
  const gidOf = gids.strings;
  kept.sort((a, b) => compareStrings(gidOf[a]!, gidOf[b]!));
  const indexOf = new Int32Array(gids.size).fill(-1);
  const surfaceString = surfaceIds.strings;
  const terms: TermStats[] = kept.map((t, index) => {
    indexOf[t] = index;
    return termStats(t, index);
  });
  function termStats(t: number, index: number): TermStats {
    const gid = gidOf[t]!;
    const fixed = aliasDisplay.get(gid);
    // Display: the surface in most papers (ties: the longer spelling, then the more frequent, then code order).
    let best = -1;
    const canonical = new Map<string, number>();
    const variants: string[] = [];
    for (let s = counts.firstSlot[t]!; s >= 0; s = slotNext.data[s]!) {
      variants.push(surfaceString[slotSurface.data[s]!]!);
      const c = slotCanonical[s] ?? canonicalOfSlot(s);
      canonical.set(c, (canonical.get(c) ?? 0) + slotCount.data[s]!);
      if (best < 0 || surfaceBefore(s, best)) best = s;
    }
    const display = fixed?.display ?? fixedDisplay.get(t) ?? surfaceString[slotSurface.data[best]!]!;
    if (fixed && !variants.includes(display)) variants.push(display);
    return {
      index,
      gid,
      key: "t:" + (fixed?.canonical ?? argmax(canonical)),
      display,
      variants: variants.sort(compareStrings),
      units: counts.units[t]!,
      endable: counts.notEndable[t] === 0,
      df: counts.df[t]!,
      occurrences: counts.occurrences[t]!,
      titleDf: counts.titleDf[t]!,
      titledDf: counts.titledDf[t]!,
      keywordDf: counts.keywordPapers[t]!,
      textOccurrences: counts.textOccurrences[t]!,
      modifier: counts.modifier[t]!,
      alone: counts.alone[t]!,
      counted: counts.counted[t]!,
      located: counts.located[t]!,
      valued: counts.valued[t]!,
    };
  }
  function surfaceBefore(a: number, b: number): boolean {
    const pa = slotPapers.data[a]!;
    const pb = slotPapers.data[b]!;
    if (pa !== pb) return pa > pb;
    const x = surfaceString[slotSurface.data[a]!]!;
    const y = surfaceString[slotSurface.data[b]!]!;
    if (x.length !== y.length) return x.length > y.length;
    const cx = slotCount.data[a]!;
    const cy = slotCount.data[b]!;
    return cx !== cy ? cx > cy : x < y;
  }

  const contained = new Map<string, Map<string, number>>();
  for (let p = 0; p < pairSub.length; p++) {
    const sub = indexOf[pairSub.data[p]!]!;
    const sup = indexOf[pairSup.data[p]!]!;
    if (sub < 0 || sup < 0) continue;
    let m = contained.get(terms[sub]!.gid);
    if (!m) contained.set(terms[sub]!.gid, (m = new Map()));
    m.set(terms[sup]!.gid, pairCount.data[p]!);
  }

  // The per-paper lists, kept terms only, as indices into `terms`.
  const tfStart = new Int32Array(papers.length + 1);
  let length = 0;
  for (let k = 0; k < tfTermRaw.length; k++) if (indexOf[tfTermRaw.data[k]!]! >= 0) length++;
  const tfTerm = new Int32Array(length);
  const tfWeight = new Float64Array(length);
  let at = 0;
  for (let pi = 0; pi < papers.length; pi++) {
    tfStart[pi] = at;
    for (let k = tfStartRaw[pi]!; k < tfStartRaw[pi + 1]!; k++) {
      const index = indexOf[tfTermRaw.data[k]!]!;
      if (index < 0) continue;
      tfTerm[at] = index;
      tfWeight[at++] = tfWeightRaw.data[k]!;
    }
  }
  tfStart[papers.length] = at;

  return {
    n: papers.length, keys: papers.map((p) => p.key), terms, byGid: new Map(terms.map((t) => [t.gid, t])),
    tfStart, tfTerm, tfWeight, contained, words: vocabulary, phraseFinal, titled,
    skippedLongTokens: lexed.skippedLongTokens, notes,
  };
}
