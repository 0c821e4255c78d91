/**
 * Term relevance, after VOSviewer (Van Eck & Waltman, "Text mining and visualization using VOSviewer", 2011): a term
 * whose co-occurrences are spread evenly over all other terms is general ("method", "results", "dataset" in a corpus of
 * imaging papers); a term whose co-occurrences concentrate on some terms names a subject ("federated learning" with
 * "privacy", "clients", "institutions").
 *
 * 1. Candidate terms are clustered by co-occurrence: an undirected graph whose edges weigh association strength
 *    c_ij / (df_i * df_j) (co-occurring papers over the product of document frequencies), clustered with Louvain on
 *    flat arrays (louvain.ts; its own random stream, seeded from the build's seed, so the result is reproducible).
 * 2. For every paper d holding term t, the other terms of d are spread over those clusters: m_{d\t}(c), normalised.
 *    A term's profile p_t averages these over its papers; the corpus profile q is the share of all term
 *    occurrences per cluster.
 * 3. relevance(t) = KL(p_t || q) = sum_c p_t(c) ln(p_t(c) / q(c)). An even spread gives 0.
 * 4. Few papers make a profile look concentrated by chance, so p_t is shrunk toward q by PRIOR_PAPERS pseudo-papers
 *    drawn from q: p_t = (sum_d m_{d\t} + PRIOR_PAPERS * q) / (papers + PRIOR_PAPERS). A term in two papers needs a
 *    strong concentration to rank with one in twenty.
 * 5. Relevance is the mean over RELEVANCE_RUNS term clusterings drawn one after the other from that stream: one
 *    Louvain run depends on its node order, and which terms count as general followed it (on the seeds, 12% of the
 *    clustering vocabulary changed with the seed; with the mean of five, 7%).
 * Cost: the co-occurrence counts are linear in the graph terms per paper squared (GRAPH_TERMS_PER_PAPER caps them);
 * each run is one Louvain on that graph plus one pass over the papers' terms.
 */
import seedrandom from "seedrandom";
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import { louvainGraph, louvainOn, type LouvainGraph } from "./louvain";
import { FloatList, IntList } from "./tables";

export const PRIOR_PAPERS = 3;

/** The term clustering's random stream for a build seed (one per call of termRelevance: one per relevance round). */
export function termRelevanceStream(seed: number): () => number {
  return seedrandom(`${seed}:term-relevance`);
}
/** Term clusterings averaged into one relevance. */
export const RELEVANCE_RUNS = 5;

export interface RelevanceResult {
  /** Per term index: KL divergence of its co-occurrence profile from the corpus profile (nats, >= 0). */
  relevance: Float64Array;
  /** Per term index: its co-occurrence cluster (0: linked to no other term). */
  cluster: Int32Array;
  clusterCount: number;
}

/** Per paper d, a list of term indices: items[start[d] .. start[d + 1]) (one flat list for all papers). */
export interface PaperLists {
  start: Int32Array<ArrayBufferLike>;
  items: Int32Array<ArrayBufferLike>;
}

/** The same lists the other way round: per term, the papers holding it, in paper order. */
function invert(lists: PaperLists, termCount: number, keep: (d: number) => boolean = () => true): PaperLists {
  const papers = lists.start.length - 1;
  const start = new Int32Array(termCount + 1);
  for (let d = 0; d < papers; d++) {
    if (!keep(d)) continue;
    for (let k = lists.start[d]!; k < lists.start[d + 1]!; k++) start[lists.items[k]! + 1]!++;
  }
  for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, termCount);
  const items = new Int32Array(start[termCount]!);
  for (let d = 0; d < papers; d++) {
    if (!keep(d)) continue;
    for (let k = lists.start[d]!; k < lists.start[d + 1]!; k++) items[fill[lists.items[k]!]!++] = d;
  }
  return { start, items };
}

/**
 * @param paperTerms per paper, the indices (0..termCount-1) of the candidate terms it holds, without repeats
 * @param graphTerms per paper, the terms that make co-occurrence edges (a paper's strongest terms: keeps the
 *   clustering graph sparse on large corpora); each a subset of the paper's paperTerms
 * @param minCooccurrence co-occurrences below this make no edge in the clustering graph
 * @param rng the term clustering's own uniform [0, 1) stream, seeded by the caller from the build's seed
 *   (termRelevanceStream); every Louvain run of this call draws from it
 */
export function termRelevance(
  paperTerms: PaperLists,
  graphTerms: PaperLists,
  termCount: number,
  minCooccurrence: number,
  rng: () => number = termRelevanceStream(0),
  progress: StepReporter = silentSteps,
  step = "term relevance",
): RelevanceResult {
  const df = new Float64Array(termCount);
  for (let k = 0; k < paperTerms.items.length; k++) df[paperTerms.items[k]!]!++;
  const source = new IntList();
  const target = new IntList();
  const weight = new FloatList();
  // Co-occurrence counts term by term: the papers holding i (as a graph term), then a dense counter over their other
  // terms j > i. At 10,000 papers this is millions of pair increments; a Map keyed by pair cost most of this function.
  // Edges come out in (i, j) order, so Louvain sees the same edge list for the same corpus.
  const papersOf = invert(graphTerms, termCount);
  const gStart = graphTerms.start;
  const gItems = graphTerms.items;
  const counts = new Int32Array(termCount);
  const touched = new IntList();
  const tick = stepCounter(progress, `${step}: co-occurrences`, termCount, "terms");
  for (let i = 0; i < termCount; i++) {
    tick(i + 1);
    touched.length = 0;
    for (let e = papersOf.start[i]!; e < papersOf.start[i + 1]!; e++) {
      const d = papersOf.items[e]!;
      for (let k = gStart[d]!; k < gStart[d + 1]!; k++) {
        const j = gItems[k]!;
        if (j <= i) continue;
        if (counts[j] === 0) touched.push(j);
        counts[j]!++;
      }
    }
    const list = touched.data.subarray(0, touched.length).sort();
    for (let t = 0; t < list.length; t++) {
      const j = list[t]!;
      const c = counts[j]!;
      counts[j] = 0;
      if (c < minCooccurrence) continue;
      source.push(i);
      target.push(j);
      weight.push(c / (df[i]! * df[j]!));
    }
  }
  const edges = { source: source.view(), target: target.view(), weight: weight.view() };
  // Several term clusterings from one random stream: a single Louvain run depends on its node order, and relevance
  // (which decides which terms are general) would follow it; the mean over RELEVANCE_RUNS runs is steadier. The graph
  // is built once for all runs.
  const relevance = new Float64Array(termCount);
  let cluster: Int32Array = new Int32Array(termCount);
  let clusterCount = 1;
  const runs = edges.source.length > 0 ? RELEVANCE_RUNS : 1;
  const graph = edges.source.length > 0 ? louvainGraph(termCount, edges) : null;
  const profiles = new Profiles(paperTerms, termCount);
  for (let r = 0; r < runs; r++) {
    progress(`${step}: clustering terms (Louvain ${r + 1} of ${runs})`, r, runs, "runs");
    ({ cluster, clusterCount } = termClusters(termCount, graph, rng));
    const kl = profiles.relevance(cluster, clusterCount);
    for (let t = 0; t < termCount; t++) relevance[t]! += kl[t]! / runs;
  }
  return { relevance, cluster, clusterCount };
}

/** Louvain communities of the term graph; communities of one term share bin 0 ("unclustered"). */
function termClusters(termCount: number, graph: LouvainGraph | null, rng: () => number): { cluster: Int32Array; clusterCount: number } {
  const cluster = new Int32Array(termCount);
  let clusterCount = 1;
  if (graph) {
    const communities = louvainOn(graph, { resolution: 1, rng });
    // Communities are numbered 0..k-1 by first node (louvain.ts), so sizes fit an array.
    const sizes = new Int32Array(termCount);
    for (let i = 0; i < termCount; i++) sizes[communities[i]!]!++;
    // Renumber in order of first appearance so ids do not depend on louvain's internals; bin 0 is "unclustered".
    const ids = new Int32Array(termCount).fill(-1);
    let next = 1;
    for (let i = 0; i < termCount; i++) {
      const c = communities[i]!;
      if (sizes[c]! < 2) continue;
      if (ids[c] === -1) ids[c] = next++;
      cluster[i] = ids[c]!;
    }
    clusterCount = next;
  }
  return { cluster, clusterCount };
}

/**
 * KL divergence of every term's co-occurrence profile over the clusters from the corpus profile (steps 2-4), for one
 * clustering after another: what does not depend on the clustering (each term's papers) is computed once.
 */
class Profiles {
  private readonly papersOfTerm: PaperLists;
  /** Per paper d, bins binCluster/binShare[binStart[d]..binStart[d+1]): a cluster and its count / (terms of d - 1). */
  private readonly binCluster: Int32Array;
  private readonly binShare: Float64Array;
  private readonly binStart: Int32Array;

  constructor(
    private readonly paperTerms: PaperLists,
    private readonly termCount: number,
  ) {
    const { start } = paperTerms;
    this.papersOfTerm = invert(paperTerms, termCount, (d) => start[d + 1]! - start[d]! >= 2);
    this.binCluster = new Int32Array(paperTerms.items.length);
    this.binShare = new Float64Array(paperTerms.items.length);
    this.binStart = new Int32Array(start.length);
  }

  relevance(cluster: Int32Array, clusterCount: number): Float64Array {
    const { start, items } = this.paperTerms;
    const papers = start.length - 1;
    const termCount = this.termCount;
    // Clusters touched (a paper's, then a term's), sorted as a typed array: numeric sort without a comparator.
    const touched = new Int32Array(Math.max(1, clusterCount));
    let touchedCount = 0;
    // Corpus profile q: the share of all term occurrences per cluster.
    const q = new Float64Array(clusterCount);
    const total = items.length;
    for (let k = 0; k < items.length; k++) q[cluster[items[k]!]!]!++;
    for (let c = 0; c < clusterCount; c++) q[c] = total > 0 ? q[c]! / total : 0;

    // Per paper, its terms' clusters with their share of its other terms (the same division for every term of the
    // paper, done once), so a term's profile is summed over its papers without a dense terms x clusters table.
    const { binCluster, binShare, binStart } = this;
    const scratch = new Float64Array(clusterCount);
    let b = 0;
    for (let d = 0; d < papers; d++) {
      const others = start[d + 1]! - start[d]! - 1;
      for (let k = start[d]!; k < start[d + 1]!; k++) {
        const c = cluster[items[k]!]!;
        if (scratch[c] === 0) touched[touchedCount++] = c;
        scratch[c]!++;
      }
      const list = touched.subarray(0, touchedCount).sort();
      for (let i = 0; i < list.length; i++) {
        const c = list[i]!;
        binCluster[b] = c;
        binShare[b++] = scratch[c]! / others;
        scratch[c] = 0;
      }
      touchedCount = 0;
      binStart[d + 1] = b;
    }

    const relevance = new Float64Array(termCount);
    const { start: tStart, items: tPapers } = this.papersOfTerm;
    // Per cluster: the last term that touched it, and how often a paper added to it while its sum was exactly 0 (the
    // own cluster's sum returns to 0 when the term is alone in its cluster in a paper). Each such add counted the
    // cluster once more in the divergence; kept so results do not change (see the KL loop).
    const seenBy = new Int32Array(clusterCount).fill(-1);
    const zeroAdds = new Int32Array(clusterCount);
    for (let t = 0; t < termCount; t++) {
      const n = tStart[t + 1]! - tStart[t]!;
      if (n === 0) continue;
      const own = cluster[t]!;
      for (let e = tStart[t]!; e < tStart[t + 1]!; e++) {
        const d = tPapers[e]!;
        const others = start[d + 1]! - start[d]! - 1;
        for (let k = binStart[d]!, end = binStart[d + 1]!; k < end; k++) {
          const c = binCluster[k]!;
          const v = scratch[c]!;
          if (v === 0) {
            zeroAdds[c]!++;
            if (seenBy[c] !== t) {
              seenBy[c] = t;
              touched[touchedCount++] = c;
            }
          }
          scratch[c] = v + binShare[k]!;
        }
        scratch[own]! -= 1 / others;
      }
      // Clusters none of its papers touch contribute pc = PRIOR_PAPERS * qc / denominator each: one closed-form term.
      const denominator = n + PRIOR_PAPERS;
      const prior = PRIOR_PAPERS / denominator;
      let kl = 0;
      let touchedQ = 0;
      const list = touched.subarray(0, touchedCount).sort();
      for (let i = 0; i < list.length; i++) {
        const c = list[i]!;
        const qc = q[c]!;
        const summed = scratch[c]!;
        const repeats = zeroAdds[c]!;
        scratch[c] = 0;
        zeroAdds[c] = 0;
        if (qc === 0) continue;
        touchedQ += qc;
        const pc = (Math.max(0, summed) + PRIOR_PAPERS * qc) / denominator;
        kl += pc * Math.log(pc / qc);
        // Every further zero add of the cluster adds its prior share once more.
        for (let r = 1; r < repeats; r++) {
          touchedQ += qc;
          const p0 = (0 + PRIOR_PAPERS * qc) / denominator;
          kl += p0 * Math.log(p0 / qc);
        }
      }
      touchedCount = 0;
      kl += prior * Math.log(prior) * Math.max(0, 1 - touchedQ);
      relevance[t] = Math.max(0, kl);
    }
    return relevance;
  }
}
