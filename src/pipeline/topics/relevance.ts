/**
 * Term relevance, after VOSviewer (Van Eck & Waltman, "Text mining and visualization using VOSviewer", 2011): a term
 * whose co-occurrences are spread evenly over all other terms is general ("method", "results", "dataset" in a corpus of
 * imaging papers); a term whose co-occurrences concentrate on some terms names a subject ("federated learning" with
 * "privacy", "clients", "institutions").
 *
 * 1. Candidate terms are clustered by co-occurrence: an undirected graph whose edges weigh association strength
 *    c_ij / (df_i * df_j) (co-occurring papers over the product of document frequencies), clustered with Louvain
 *    (seeded, so the result is reproducible).
 * 2. For every paper d holding term t, the other terms of d are spread over those clusters: m_{d\t}(c), normalised.
 *    A term's profile p_t averages these over its papers; the corpus profile q is the share of all term
 *    occurrences per cluster.
 * 3. relevance(t) = KL(p_t || q) = sum_c p_t(c) ln(p_t(c) / q(c)). An even spread gives 0.
 * 4. Few papers make a profile look concentrated by chance, so p_t is shrunk toward q by PRIOR_PAPERS pseudo-papers
 *    drawn from q: p_t = (sum_d m_{d\t} + PRIOR_PAPERS * q) / (papers + PRIOR_PAPERS). A term in two papers needs a
 *    strong concentration to rank with one in twenty.
 */
import Graph from "graphology";
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import louvain from "graphology-communities-louvain";
import seedrandom from "seedrandom";

export const PRIOR_PAPERS = 3;

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
 */
export function termRelevance(
  paperTerms: number[][],
  graphTerms: number[][],
  termCount: number,
  minCooccurrence: number,
  progress: StepReporter = silentSteps,
  step = "term relevance",
): RelevanceResult {
  const df = new Float64Array(termCount);
  for (const terms of paperTerms) for (const t of terms) df[t]!++;
  const graph = new Graph({ type: "undirected" });
  for (let i = 0; i < termCount; i++) graph.addNode(String(i));
  // Co-occurrence counts term by term: the papers holding i (as a graph term), then a dense counter over their other
  // terms j > i. At 10,000 papers this is millions of pair increments; a Map keyed by pair cost most of this function.
  // Edges are still added in (i, j) order, so the graph, and Louvain's result, are the same.
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
      graph.addEdge(String(i), String(j), { weight: c / (df[i]! * df[j]!) });
    }
    touched.length = 0;
  }
  // Terms linked to no other term carry no neighbourhood: they share one "unclustered" bin.
  const cluster = new Int32Array(termCount);
  let clusterCount = 1;
  if (graph.size > 0) {
    progress(`${step}: clustering terms (Louvain)`, 0, graph.order, "terms");
    const communities = louvain(graph, { rng: seedrandom("papergraph:term-relevance"), getEdgeWeight: "weight" });
    const sizes = new Map<number, number>();
    for (let i = 0; i < termCount; i++) {
      const c = communities[String(i)]!;
      sizes.set(c, (sizes.get(c) ?? 0) + 1);
    }
    // Renumber in order of first appearance so ids do not depend on louvain's internals; bin 0 is "unclustered".
    const ids = new Map<number, number>();
    for (let i = 0; i < termCount; i++) {
      const c = communities[String(i)]!;
      if (sizes.get(c)! < 2) continue;
      if (!ids.has(c)) ids.set(c, ids.size + 1);
      cluster[i] = ids.get(c)!;
    }
    clusterCount = ids.size + 1;
  }

  // Corpus profile q and per-term summed profiles (dense: terms x clusters).
  const q = new Float64Array(clusterCount);
  let total = 0;
  const profile = new Float64Array(termCount * clusterCount);
  const papersWithOthers = new Float64Array(termCount);
  const m = new Float64Array(clusterCount);
  for (const terms of paperTerms) {
    m.fill(0);
    for (const t of terms) m[cluster[t]!]!++;
    for (let c = 0; c < clusterCount; c++) q[c]! += m[c]!;
    total += terms.length;
    if (terms.length < 2) continue;
    const present: number[] = [];
    for (let c = 0; c < clusterCount; c++) if (m[c]! > 0) present.push(c);
    const others = terms.length - 1;
    for (const t of terms) {
      const base = t * clusterCount;
      for (const c of present) profile[base + c]! += m[c]! / others;
      profile[base + cluster[t]!]! -= 1 / others;
      papersWithOthers[t]!++;
    }
  }
  for (let c = 0; c < clusterCount; c++) q[c] = total > 0 ? q[c]! / total : 0;

  const relevance = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const n = papersWithOthers[t]!;
    if (n === 0) continue;
    const denominator = n + PRIOR_PAPERS;
    let kl = 0;
    for (let c = 0; c < clusterCount; c++) {
      const qc = q[c]!;
      if (qc === 0) continue;
      const pc = (Math.max(0, profile[t * clusterCount + c]!) + PRIOR_PAPERS * qc) / denominator;
      kl += pc * Math.log(pc / qc);
    }
    relevance[t] = Math.max(0, kl);
  }
  return { relevance, cluster, clusterCount };
}
