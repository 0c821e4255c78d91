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
import { louvain } from "./louvain";

export const PRIOR_PAPERS = 3;
/** Term clusterings averaged into one relevance. */
export const RELEVANCE_RUNS = 5;

export interface RelevanceResult {
  /** Per term index: KL divergence of its co-occurrence profile from the corpus profile (nats, >= 0). */
  relevance: Float64Array;
  /** Per term index: its co-occurrence cluster (0: linked to no other term). */
  cluster: Int32Array;
  clusterCount: number;
}

/**
 * @param paperTerms per paper, the indices (0..termCount-1) of the candidate terms it holds, without repeats
 * @param graphTerms per paper, the terms that make co-occurrence edges (a paper's strongest terms: keeps the
 *   clustering graph sparse on large corpora); each a subset of the paper's paperTerms
 * @param minCooccurrence co-occurrences below this make no edge in the clustering graph
 * @param seed the build's seed; the term clustering draws its own stream from it
 */
export function termRelevance(
  paperTerms: number[][],
  graphTerms: number[][],
  termCount: number,
  minCooccurrence: number,
  seed = 0,
  progress: StepReporter = silentSteps,
  step = "term relevance",
): RelevanceResult {
  const df = new Float64Array(termCount);
  for (const terms of paperTerms) for (const t of terms) df[t]!++;
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  // Co-occurrence counts term by term: the papers holding i (as a graph term), then a dense counter over their other
  // terms j > i. At 10,000 papers this is millions of pair increments; a Map keyed by pair cost most of this function.
  // Edges come out in (i, j) order, so Louvain sees the same edge list for the same corpus.
  const papersOf: number[][] = Array.from({ length: termCount }, () => []);
  graphTerms.forEach((terms, d) => {
    for (const t of terms) papersOf[t]!.push(d);
  });
  const counts = new Int32Array(termCount);
  const touched: number[] = [];
  const tick = stepCounter(progress, `${step}: co-occurrences`, termCount, "terms");
  for (let i = 0; i < termCount; i++) {
    tick(i + 1);
    for (const d of papersOf[i]!) {
      for (const j of graphTerms[d]!) {
        if (j <= i) continue;
        if (counts[j] === 0) touched.push(j);
        counts[j]!++;
      }
    }
    touched.sort((a, b) => a - b);
    for (const j of touched) {
      const c = counts[j]!;
      counts[j] = 0;
      if (c < minCooccurrence) continue;
      source.push(i);
      target.push(j);
      weight.push(c / (df[i]! * df[j]!));
    }
    touched.length = 0;
  }
  // Several term clusterings from one random stream: a single Louvain run depends on its node order, and relevance
  // (which decides which terms are general) would follow it; the mean over RELEVANCE_RUNS runs is steadier.
  const rng = seedrandom(`${seed}:term-relevance`);
  const relevance = new Float64Array(termCount);
  let cluster: Int32Array = new Int32Array(termCount);
  let clusterCount = 1;
  const runs = source.length > 0 ? RELEVANCE_RUNS : 1;
  for (let r = 0; r < runs; r++) {
    progress(`${step}: clustering terms (Louvain ${r + 1} of ${runs})`, r, runs, "runs");
    ({ cluster, clusterCount } = termClusters(termCount, { source, target, weight }, rng));
    const kl = klRelevance(paperTerms, termCount, cluster, clusterCount);
    for (let t = 0; t < termCount; t++) relevance[t]! += kl[t]! / runs;
  }
  return { relevance, cluster, clusterCount };
}

/** Louvain communities of the term graph; communities of one term share bin 0 ("unclustered"). */
function termClusters(termCount: number, edges: { source: number[]; target: number[]; weight: number[] }, rng: () => number): { cluster: Int32Array; clusterCount: number } {
  const cluster = new Int32Array(termCount);
  let clusterCount = 1;
  if (edges.source.length > 0) {
    const communities = louvain(termCount, edges, { resolution: 1, rng });
    const sizes = new Map<number, number>();
    for (let i = 0; i < termCount; i++) {
      const c = communities[i]!;
      sizes.set(c, (sizes.get(c) ?? 0) + 1);
    }
    // Renumber in order of first appearance so ids do not depend on louvain's internals; bin 0 is "unclustered".
    const ids = new Map<number, number>();
    for (let i = 0; i < termCount; i++) {
      const c = communities[i]!;
      if (sizes.get(c)! < 2) continue;
      if (!ids.has(c)) ids.set(c, ids.size + 1);
      cluster[i] = ids.get(c)!;
    }
    clusterCount = ids.size + 1;
  }
  return { cluster, clusterCount };
}

/** KL divergence of every term's co-occurrence profile over the clusters from the corpus profile (steps 2-4). */
function klRelevance(paperTerms: number[][], termCount: number, cluster: Int32Array, clusterCount: number): Float64Array {
  const touched: number[] = [];
  // Corpus profile q: the share of all term occurrences per cluster.
  const q = new Float64Array(clusterCount);
  let total = 0;
  for (const terms of paperTerms) {
    for (const t of terms) q[cluster[t]!]!++;
    total += terms.length;
  }
  for (let c = 0; c < clusterCount; c++) q[c] = total > 0 ? q[c]! / total : 0;

  // Per paper, its terms' clusters with counts (flat: paperBins[start[d]..start[d+1]) pairs of cluster, count), so a
  // term's profile is summed over its papers without a dense terms x clusters table.
  const binStart = new Int32Array(paperTerms.length + 1);
  const bins: number[] = [];
  const scratch = new Float64Array(clusterCount);
  paperTerms.forEach((terms, d) => {
    for (const t of terms) {
      const c = cluster[t]!;
      if (scratch[c] === 0) touched.push(c);
      scratch[c]!++;
    }
    touched.sort((a, b) => a - b);
    for (const c of touched) {
      bins.push(c, scratch[c]!);
      scratch[c] = 0;
    }
    touched.length = 0;
    binStart[d + 1] = bins.length;
  });
  const papersOfTerm: number[][] = Array.from({ length: termCount }, () => []);
  paperTerms.forEach((terms, d) => {
    if (terms.length >= 2) for (const t of terms) papersOfTerm[t]!.push(d);
  });

  const relevance = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const papers = papersOfTerm[t]!;
    const n = papers.length;
    if (n === 0) continue;
    for (const d of papers) {
      const others = paperTerms[d]!.length - 1;
      for (let b = binStart[d]!; b < binStart[d + 1]!; b += 2) {
        const c = bins[b]!;
        if (scratch[c] === 0) touched.push(c);
        scratch[c]! += bins[b + 1]! / others;
      }
      const own = cluster[t]!;
      scratch[own]! -= 1 / others;
    }
    // Clusters none of its papers touch contribute pc = PRIOR_PAPERS * qc / denominator each: one closed-form term.
    const denominator = n + PRIOR_PAPERS;
    const prior = PRIOR_PAPERS / denominator;
    let kl = 0;
    let touchedQ = 0;
    touched.sort((a, b) => a - b);
    for (const c of touched) {
      const qc = q[c]!;
      const summed = scratch[c]!;
      scratch[c] = 0;
      if (qc === 0) continue;
      touchedQ += qc;
      const pc = (Math.max(0, summed) + PRIOR_PAPERS * qc) / denominator;
      kl += pc * Math.log(pc / qc);
    }
    touched.length = 0;
    kl += prior * Math.log(prior) * Math.max(0, 1 - touchedQ);
    relevance[t] = Math.max(0, kl);
  }
  return relevance;
}
