/**
 * From candidate terms to a judged vocabulary: frequency threshold, nested terms, relevance in two rounds.
 *
 * 1. Terms in fewer than minDf papers are too rare to judge (minDf grows with the corpus, 1..5).
 * 2. Nested terms go: "magnetic" when most of its occurrences sit inside one longer candidate ("magnetic resonance"),
 *    after the C-value idea (Frantzi et al. 2000): the shorter string is not a term of its own there. A term that
 *    minDf papers list as a keyword stays: its authors or indexers named it a term.
 * 3. Relevance (relevance.ts) is computed on all judged terms; the least relevant GENERAL_SHARE are general words of
 *    this corpus ("dataset", "framework", "accuracy" in a corpus of imaging papers) and leave the vocabulary.
 * 4. As VOSviewer does, the remaining terms are clustered again without the general ones, which sharpens the clusters,
 *    and relevance is recomputed: that second value ranks topics.
 * Topic score = df * relevance: a subject many papers share and that keeps to its own neighbourhood.
 */
import { silentSteps, type StepReporter } from "../progress";
import { termRelevance, termRelevanceStream, type PaperLists } from "./relevance";
import { IntList, grown } from "./tables";
import { analyseCorpus, type CorpusTerms, type TermStats } from "./terms";
import type { TopicInputPaper, TopicThesaurusEntry } from "./types";

/** VOSviewer's default: keep the 60% most relevant terms. */
export const GENERAL_SHARE = 0.4;
/** Share of a term's occurrences inside one longer candidate above which it is not a term of its own. */
export const NESTED_SHARE = 0.75;
/** Co-occurrence edges for the relevance clustering come from each paper's strongest terms only. */
export const GRAPH_TERMS_PER_PAPER = 30;

export interface JudgedTerm {
  term: TermStats;
  relevance: number;
  /** Dropped as a general word of this corpus. */
  general: boolean;
}

export interface Vocabulary {
  corpus: CorpusTerms;
  minDf: number;
  /** Terms with df >= minDf that are not nested, sorted by gid. */
  judged: JudgedTerm[];
}

export function minDocumentFrequency(papers: number): number {
  if (papers < 20) return 1;
  return Math.min(5, Math.max(2, Math.round(papers / 80)));
}

const idf = (corpus: CorpusTerms, t: TermStats) => Math.log(corpus.n / t.df);

export interface VocabularyOptions {
  /** The build's seed: the relevance clustering draws its own stream from it. */
  seed?: number;
  thesaurus?: readonly TopicThesaurusEntry[];
  progress?: StepReporter;
}

function relevanceOf(
  corpus: CorpusTerms,
  terms: TermStats[],
  minCooccurrence: number,
  seed: number,
  progress: StepReporter,
  step: string,
): Float64Array {
  // Local index (into `terms`) per term index of corpus.terms; -1: not among `terms`.
  const local = new Int32Array(corpus.terms.length).fill(-1);
  const idfOf = new Float64Array(terms.length);
  terms.forEach((t, i) => {
    local[t.index] = i;
    idfOf[i] = idf(corpus, t);
  });
  const { tfStart, tfTerm, tfWeight } = corpus;
  const paperTerms: PaperLists = { start: new Int32Array(corpus.n + 1), items: new Int32Array(0) };
  const graphTerms: PaperLists = { start: new Int32Array(corpus.n + 1), items: new Int32Array(0) };
  const items = new IntList(tfTerm.length);
  const graphItems = new IntList(tfTerm.length);
  // One paper's held terms (local index, weight), sorted by weight then index for its strongest GRAPH_TERMS_PER_PAPER.
  let held = new Int32Array(64);
  let heldWeight = new Float64Array(64);
  const order: number[] = [];
  for (let p = 0; p < corpus.n; p++) {
    paperTerms.start[p] = items.length;
    graphTerms.start[p] = graphItems.length;
    let count = 0;
    for (let k = tfStart[p]!; k < tfStart[p + 1]!; k++) {
      const i = local[tfTerm[k]!]!;
      if (i < 0) continue;
      if (count === held.length) {
        held = grown(held, count + 1);
        heldWeight = grown(heldWeight, count + 1);
      }
      held[count] = i;
      heldWeight[count++] = tfWeight[k]! * idfOf[i]!;
      items.push(i);
    }
    order.length = count;
    for (let h = 0; h < count; h++) order[h] = h;
    order.sort((a, b) => heldWeight[b]! - heldWeight[a]! || held[a]! - held[b]!);
    for (let h = 0; h < Math.min(count, GRAPH_TERMS_PER_PAPER); h++) graphItems.push(held[order[h]!]!);
  }
  paperTerms.start[corpus.n] = items.length;
  graphTerms.start[corpus.n] = graphItems.length;
  paperTerms.items = items.view();
  graphTerms.items = graphItems.view();
  return termRelevance(paperTerms, graphTerms, terms.length, minCooccurrence, termRelevanceStream(seed), progress, step).relevance;
}

export function buildVocabulary(papers: TopicInputPaper[], options: VocabularyOptions = {}): Vocabulary {
  const seed = options.seed ?? 0;
  const progress = options.progress ?? silentSteps;
  const minDf = minDocumentFrequency(papers.length);
  // Terms rarer than minDf are never judged: the corpus keeps only the others.
  const corpus = analyseCorpus(papers, options.thesaurus, progress, minDf);
  const minCooccurrence = corpus.n < 20 ? 1 : 2;
  const nested = (t: TermStats) => {
    if (t.keywordDf >= minDf) return false;
    const supers = corpus.contained.get(t.gid);
    if (!supers) return false;
    for (const [gid, k] of supers) {
      if (k >= NESTED_SHARE * t.occurrences && (corpus.byGid.get(gid)?.df ?? 0) >= minDf) return true;
    }
    return false;
  };
  const candidates = corpus.terms.filter((t) => t.df >= minDf && !nested(t));
  if (candidates.length === 0) return { corpus, minDf, judged: [] };

  const first = relevanceOf(corpus, candidates, minCooccurrence, seed, progress, "relevance, round 1");
  const order = candidates.map((_, i) => i).sort((a, b) => first[b]! - first[a]! || (candidates[a]!.gid < candidates[b]!.gid ? -1 : 1));
  // The share is counted over terms that can be topics; lone adjectives (clustering evidence only, terms.ts) are kept
  // when they rank among those kept, so they never push a topic candidate out.
  const endable = order.filter((i) => candidates[i]!.endable);
  const keep = Math.max(1, Math.ceil(endable.length * (1 - GENERAL_SHARE)));
  const specific = new Set(endable.slice(0, keep));
  const cutoff = endable.length > 0 ? first[endable[Math.min(keep, endable.length) - 1]!]! : Infinity;
  for (const i of order) if (!candidates[i]!.endable && first[i]! >= cutoff && first[i]! > 0) specific.add(i);
  const kept = candidates.filter((_, i) => specific.has(i));
  const second = relevanceOf(corpus, kept, minCooccurrence, seed, progress, "relevance, round 2");
  const secondByGid = new Map(kept.map((t, i) => [t.gid, i]));
  const judged = candidates.map((term, i) => {
    const k = secondByGid.get(term.gid);
    return {
      term,
      relevance: k !== undefined ? second[k]! : first[i]!,
      general: k === undefined,
    };
  });
  return { corpus, minDf, judged };
}
