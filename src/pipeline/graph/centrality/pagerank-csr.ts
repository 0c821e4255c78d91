/**
 * Weighted PageRank on the undirected CSR view, the same computation as graphology-metrics' pagerank (alpha 0.85,
 * rank of dangling nodes spread evenly, stop when the L1 change < N x 1e-6) on an undirected graphology copy; the
 * centrality test checks the two agree. Done here because that copy is the expensive part: building a second
 * graphology graph of 160,000 edges costs ~1.7 s at 10,000 papers, the CSR already built for betweenness ~0.1 s.
 */
import type { Adjacency } from "./undirected-view";

export interface PagerankOptions {
  alpha: number;
  tolerance: number;
  maxIterations: number;
}

export const PAGERANK_DEFAULTS: Readonly<PagerankOptions> = Object.freeze({ alpha: 0.85, tolerance: 1e-6, maxIterations: 1000 });

/** PageRank per node index. Throws if it does not converge within maxIterations, as graphology-metrics does. */
export function pagerankOf(adjacency: Adjacency, options: PagerankOptions = PAGERANK_DEFAULTS): Float64Array {
  const { starts, neighbors, weights } = adjacency;
  const n = adjacency.nodes.length;
  let x = new Float64Array(n);
  if (n === 0) return x;
  const p = 1 / n;
  const normalized = new Float64Array(weights.length);
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    x[i] = p;
    let d = 0;
    for (let j = starts[i]!; j < starts[i + 1]!; j++) d += weights[j]!;
    if (d === 0) dangling.push(i);
    for (let j = starts[i]!; j < starts[i + 1]!; j++) normalized[j] = weights[j]! / d;
  }
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    const last = x;
    x = new Float64Array(n);
    let dangleSum = 0;
    for (const i of dangling) dangleSum += last[i]!;
    dangleSum *= options.alpha;
    for (let i = 0; i < n; i++) {
      const share = options.alpha * last[i]!;
      for (let j = starts[i]!; j < starts[i + 1]!; j++) x[neighbors[j]!]! += share * normalized[j]!;
      x[i]! += dangleSum * p + (1 - options.alpha) * p;
    }
    let error = 0;
    for (let i = 0; i < n; i++) error += Math.abs(x[i]! - last[i]!);
    if (error < n * options.tolerance) return x;
  }
  throw new Error(`PageRank did not converge in ${options.maxIterations} iterations`);
}
