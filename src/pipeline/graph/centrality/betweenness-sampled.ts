/**
 * Betweenness estimated from a seeded sample of source nodes (Brandes & Pich 2007, "Centrality estimation in large
 * networks"). graphology-metrics only offers exact Brandes, which runs a shortest-path search from every node: O(N*M),
 * about 45 s for a 10,000-node graph on this machine, far too slow for a build that must finish in seconds. Running the
 * same accumulation from K random sources costs O(K*M) and, scaled by N/K, is an unbiased estimate of the exact value;
 * with K >= N it is the exact value. Unweighted (hop counts), undirected, like the exact path it replaces.
 */
import type { Rng } from "../types";
import type { Adjacency } from "./undirected-view";

/**
 * How a sampled source's dependencies are credited: "uniform" is Brandes & Pich's estimator (every node on a shortest
 * path from the source gets the full pair dependency); "linear" is Geisberger, Sanders & Schultes' linear scaling (2008,
 * "Better approximation of betweenness centrality"): a node at distance d(s, v) on a shortest path from s to t gets
 * the share d(s, v) / d(s, t), so that nodes next to a sampled source are not credited with all of that source's paths.
 * Both are exact when every node is a source.
 */
export type BetweennessEstimator = "uniform" | "linear";

export interface SampledBetweennessOptions {
  /** Number of source nodes; at least 1. Values >= the node count give exact betweenness. */
  samples: number;
  /** Default "uniform". */
  estimator?: BetweennessEstimator;
  /** Stratum per node (e.g. its kind): sources are drawn per stratum, in proportion to its size. */
  strata?: Uint8Array;
  rng: Rng;
  /** Called after each source's search with the number done. */
  onSource?: (done: number) => void;
}

/** Indices of k distinct nodes out of n, by a partial Fisher-Yates shuffle driven by the seeded rng. */
export function sampleSources(n: number, k: number, rng: Rng): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  const count = Math.min(k, n);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, count);
}

/**
 * Raw (unnormalised) betweenness per node index, each unordered pair counted once, as graphology-metrics reports it for
 * undirected graphs with `normalized: false`.
 */
/**
 * The same adjacency with nodes renumbered in breadth-first order (each neighbour list keeps its order). Nodes close in
 * the graph get close numbers, so the per-node arrays a search touches sit close in memory: about 10% faster at
 * 10,000 papers. Searches visit the same nodes in the same order, so every sum is the same.
 */
function breadthFirstRelabel(starts: Int32Array, neighbors: Int32Array, n: number): { starts: Int32Array; neighbors: Int32Array; newId: Int32Array; oldId: Int32Array } {
  const newId = new Int32Array(n).fill(-1);
  const oldId = new Int32Array(n);
  let next = 0;
  for (let root = 0; root < n; root++) {
    if (newId[root] !== -1) continue;
    newId[root] = next;
    oldId[next++] = root;
    for (let head = next - 1; head < next; head++) {
      const v = oldId[head]!;
      for (let e = starts[v]!, end = starts[v + 1]!; e < end; e++) {
        const w = neighbors[e]!;
        if (newId[w] === -1) {
          newId[w] = next;
          oldId[next++] = w;
        }
      }
    }
  }
  const relabelledStarts = new Int32Array(n + 1);
  const relabelledNeighbors = new Int32Array(neighbors.length);
  for (let i = 0; i < n; i++) {
    const v = oldId[i]!;
    let at = relabelledStarts[i]!;
    for (let e = starts[v]!, end = starts[v + 1]!; e < end; e++) relabelledNeighbors[at++] = newId[neighbors[e]!]!;
    relabelledStarts[i + 1] = at;
  }
  return { starts: relabelledStarts, neighbors: relabelledNeighbors, newId, oldId };
}

/**
 * Sources per stratum (proportional allocation, largest remainders, ties to the lower stratum) and each source's weight
 * n_h / k_h, so that the estimate sums every stratum at its own scale. Without strata: one stratum, weight n / k.
 */
export function stratifiedSources(n: number, k: number, rng: Rng, strata?: Uint8Array): { sources: Int32Array; weight: Float64Array } {
  const count = Math.min(Math.max(1, k), n);
  if (!strata) {
    const sources = sampleSources(n, count, rng);
    return { sources, weight: new Float64Array(sources.length).fill(n / sources.length) };
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = groups.get(strata[i]!);
    if (list) list.push(i);
    else groups.set(strata[i]!, [i]);
  }
  const ids = [...groups.keys()].sort((x, y) => x - y);
  const quota = ids.map((h) => (count * groups.get(h)!.length) / n);
  const take = quota.map((q) => Math.floor(q));
  let left = count - take.reduce((a, b) => a + b, 0);
  const byRemainder = ids.map((_, i) => i).sort((x, y) => quota[y]! - take[y]! - (quota[x]! - take[x]!) || x - y);
  for (const i of byRemainder) {
    if (left === 0) break;
    take[i]!++;
    left--;
  }
  const sources: number[] = [];
  const weight: number[] = [];
  ids.forEach((h, i) => {
    const members = groups.get(h)!;
    const kh = Math.min(take[i]!, members.length);
    if (kh === 0) return;
    for (const j of sampleSources(members.length, kh, rng)) {
      sources.push(members[j]!);
      weight.push(members.length / kh);
    }
  });
  return { sources: Int32Array.from(sources), weight: Float64Array.from(weight) };
}

export function sampledBetweenness(adjacency: Adjacency, options: SampledBetweennessOptions): Float64Array {
  const n = adjacency.nodes.length;
  if (n === 0) return new Float64Array(0);
  // Sources are drawn on the caller's node order (the seeded sample does not depend on the renumbering).
  const drawn = stratifiedSources(n, options.samples, options.rng, options.strata);
  const { starts, neighbors, newId, oldId } = breadthFirstRelabel(adjacency.starts, adjacency.neighbors, n);
  const result = new Float64Array(n);
  const linear = options.estimator === "linear";

  const sigma = new Float64Array(n);
  // Per node done in the accumulation: what it passes to each predecessor (written before any predecessor reads it).
  const share = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  // Successors of each visited node in the shortest-path DAG, recorded during the search (flat, in visit order):
  // the accumulation then reads DAG arcs only instead of scanning every neighbour a second time.
  const succStart = new Int32Array(n + 1);
  const succ = new Int32Array(neighbors.length);

  for (let k = 0; k < drawn.sources.length; k++) {
    options.onSource?.(k);
    const s = newId[drawn.sources[k]!]!;
    const weight = drawn.weight[k]!;
    let head = 0;
    let tail = 0;
    let arcs = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head]!;
      succStart[head++] = arcs;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let e = starts[v]!, end = starts[v + 1]!; e < end; e++) {
        const w = neighbors[e]!;
        const dw = dist[w]!;
        // One read of dist[w] per arc; a node found now starts from sigma 0, so 0 + sv is sv.
        if (dw === -1) {
          dist[w] = next;
          order[tail++] = w;
        } else if (dw !== next) continue;
        sigma[w]! += sv;
        succ[arcs++] = w;
      }
    }
    succStart[tail] = arcs;
    // Dependencies in reverse visit order, pulled from the successors (Brandes' recursion). A node's share passed to
    // each of its predecessors, (1 / d(s, w) + delta(w)) / sigma(w) (linear) or (1 + delta(w)) / sigma(w) (uniform),
    // is the same for all of them: it is computed once, when w is done (its successors come later in the visit order,
    // so they are all done before it), and each DAG arc reads one number instead of three. Same operations on the
    // same values as computing it per arc, so the same bits.
    if (linear) {
      // delta(v) sums, over targets t beyond v, the pair dependency divided by d(s, t); v's credit is d(s, v) delta(v)
      // (Geisberger et al.'s recursion).
      for (let i = tail - 1; i > 0; i--) {
        const v = order[i]!;
        let d = 0;
        for (let a = succStart[i]!, end = succStart[i + 1]!; a < end; a++) d += share[succ[a]!]!;
        const dv = d * sigma[v]!;
        result[v]! += weight * dist[v]! * dv;
        share[v] = (1 / dist[v]! + dv) / sigma[v]!;
      }
    } else {
      for (let i = tail - 1; i > 0; i--) {
        const v = order[i]!;
        let d = 0;
        for (let a = succStart[i]!, end = succStart[i + 1]!; a < end; a++) d += share[succ[a]!]!;
        const dv = d * sigma[v]!;
        result[v]! += weight * dv;
        share[v] = (1 + dv) / sigma[v]!;
      }
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
    }
  }

  options.onSource?.(drawn.sources.length);
  // Each source contributes paths from itself: summing over all N sources counts every pair twice (once per end), so
  // the uniform estimate of the per-pair value is half the weighted sum. Linear scaling splits each pair between its
  // two ends already, so it counts every pair once.
  const scale = linear ? 1 : 0.5;
  const byCallerOrder = new Float64Array(n);
  for (let i = 0; i < n; i++) byCallerOrder[oldId[i]!] = result[i]! * scale;
  return byCallerOrder;
}
