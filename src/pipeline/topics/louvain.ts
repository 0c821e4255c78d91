/**
 * Louvain community detection (Blondel et al. 2008, with the resolution parameter of Reichardt & Bornholdt) on flat
 * arrays: the topic stage's throwaway graphs (term co-occurrences, paper similarities) never become graphology graphs.
 *
 * The graph is undirected and weighted, given as an edge list; it is stored as CSR (offsets, neighbours, weights, each
 * edge in both directions). Each level moves nodes one at a time, in an order shuffled by the given rng, to the
 * neighbouring community with the largest modularity gain k_i,c - resolution * tot_c * k_i / 2m (staying put on ties),
 * until a sweep moves nothing; the communities then become the nodes of the next level (their inner weight a self
 * loop). Cost: O(edges) per sweep; sweeps and levels are capped so no input can make it run away.
 * Same edges in the same order and the same rng stream give the same communities.
 */

export interface LouvainOptions {
  resolution: number;
  /** Uniform [0, 1) stream, seeded by the caller (one stream per algorithm). */
  rng: () => number;
}

export interface WeightedEdges {
  /** Edge endpoints (0..nodes-1), one entry per undirected edge; self loops are ignored. */
  source: ArrayLike<number>;
  target: ArrayLike<number>;
  weight: ArrayLike<number>;
}

const MAX_SWEEPS = 64;
const MAX_LEVELS = 32;

interface Csr {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
  /** Weight of each node's self loop (inner weight of an aggregated community, each inner edge counted once). */
  loops: Float64Array;
}

function toCsr(n: number, edges: WeightedEdges): Csr {
  const degree = new Int32Array(n + 1);
  const m = edges.source.length;
  for (let e = 0; e < m; e++) {
    const a = edges.source[e]!;
    const b = edges.target[e]!;
    if (a === b || !(edges.weight[e]! > 0)) continue;
    degree[a + 1]!++;
    degree[b + 1]!++;
  }
  for (let i = 0; i < n; i++) degree[i + 1]! += degree[i]!;
  const offsets = degree;
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (let e = 0; e < m; e++) {
    const a = edges.source[e]!;
    const b = edges.target[e]!;
    const w = edges.weight[e]!;
    if (a === b || !(w > 0)) continue;
    neighbours[fill[a]!] = b;
    weights[fill[a]!++] = w;
    neighbours[fill[b]!] = a;
    weights[fill[b]!++] = w;
  }
  return { n, offsets, neighbours, weights, loops: new Float64Array(n) };
}

function shuffled(n: number, rng: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** One level of local moves; returns each node's community (renumbered 0..k-1 in order of first node) and k. */
function moveNodes(g: Csr, resolution: number, rng: () => number): { community: Int32Array; count: number; moved: boolean } {
  const { n, offsets, neighbours, weights, loops } = g;
  const k = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 2 * loops[i]!;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) s += weights[e]!;
    k[i] = s;
    total += s;
  }
  const community = new Int32Array(n);
  const tot = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    community[i] = i;
    tot[i] = k[i]!;
  }
  if (total === 0) return { community, count: n, moved: false };
  const toCommunity = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched = new Int32Array(n);
  let movedAny = false;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let moved = 0;
    const order = shuffled(n, rng);
    for (let o = 0; o < n; o++) {
      const i = order[o]!;
      const own = community[i]!;
      let count = 0;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const c = community[neighbours[e]!]!;
        if (seen[c] === 0) {
          seen[c] = 1;
          touched[count++] = c;
        }
        toCommunity[c]! += weights[e]!;
      }
      tot[own]! -= k[i]!;
      const scale = (resolution * k[i]!) / total;
      let best = own;
      let bestGain = toCommunity[own]! - tot[own]! * scale;
      for (let t = 0; t < count; t++) {
        const c = touched[t]!;
        const gain = toCommunity[c]! - tot[c]! * scale;
        if (gain > bestGain + 1e-12) {
          best = c;
          bestGain = gain;
        }
      }
      for (let t = 0; t < count; t++) {
        const c = touched[t]!;
        toCommunity[c] = 0;
        seen[c] = 0;
      }
      tot[best]! += k[i]!;
      if (best !== own) {
        community[i] = best;
        moved++;
      }
    }
    if (moved === 0) break;
    movedAny = true;
  }
  const ids = new Int32Array(n).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    if (ids[c] === -1) ids[c] = next++;
    community[i] = ids[c]!;
  }
  return { community, count: next, moved: movedAny };
}

/** The graph of communities: summed weights between them, inner weights as self loops. */
function aggregate(g: Csr, community: Int32Array, count: number): Csr {
  const { n, offsets, neighbours, weights, loops } = g;
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i++) members[community[i]!]!.push(i);
  const newLoops = new Float64Array(count);
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  const sum = new Float64Array(count);
  const seen = new Uint8Array(count);
  const touched: number[] = [];
  for (let c = 0; c < count; c++) {
    for (const i of members[c]!) {
      newLoops[c]! += loops[i]!;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const d = community[neighbours[e]!]!;
        if (d === c) {
          // Each inner edge is seen from both ends.
          newLoops[c]! += weights[e]! / 2;
          continue;
        }
        if (d < c) continue;
        if (seen[d] === 0) {
          seen[d] = 1;
          touched.push(d);
        }
        sum[d]! += weights[e]!;
      }
    }
    for (const d of touched) {
      source.push(c);
      target.push(d);
      weight.push(sum[d]!);
      sum[d] = 0;
      seen[d] = 0;
    }
    touched.length = 0;
  }
  const next = toCsr(count, { source, target, weight });
  next.loops.set(newLoops);
  return next;
}

/** A graph ready for louvainOn: build it once to cluster it several times (each run reads it, none changes it). */
export type LouvainGraph = Readonly<Csr>;

export function louvainGraph(nodes: number, edges: WeightedEdges): LouvainGraph {
  return toCsr(nodes, edges);
}

/** Community of every node (0..k-1, numbered by first node). Nodes without edges stay alone. */
export function louvain(nodes: number, edges: WeightedEdges, options: LouvainOptions): Int32Array {
  return louvainOn(toCsr(nodes, edges), options);
}

/** louvain() on a graph built by louvainGraph. */
export function louvainOn(start: LouvainGraph, options: LouvainOptions): Int32Array {
  const assignment = new Int32Array(start.n);
  for (let i = 0; i < start.n; i++) assignment[i] = i;
  return louvainLevels(start as Csr, assignment, options);
}

/**
 * Louvain that starts from a partition (`start`, a community per node, ids >= 0; -1: a community of its own) instead
 * of singletons: the graph is aggregated by it first, as after a level of local moves, so the run costs the
 * aggregated graph only. The resolution ladders use it to coarsen a partition at a lower resolution without
 * running on the whole graph again; the result is a coarsening of `start`.
 */
export function louvainFrom(nodes: number, edges: WeightedEdges, start: ArrayLike<number>, options: LouvainOptions): Int32Array {
  return louvainFromOn(toCsr(nodes, edges), start, options);
}

/** louvainFrom() on a graph built by louvainGraph (a ladder coarsens level after level of one graph). */
export function louvainFromOn(graph: LouvainGraph, start: ArrayLike<number>, options: LouvainOptions): Int32Array {
  const nodes = graph.n;
  const ids = new Map<number, number>();
  const assignment = new Int32Array(nodes);
  let next = 0;
  for (let i = 0; i < nodes; i++) {
    const c = start[i]!;
    if (c < 0) assignment[i] = next++;
    else {
      let id = ids.get(c);
      if (id === undefined) ids.set(c, (id = next++));
      assignment[i] = id;
    }
  }
  return louvainLevels(aggregate(graph as Csr, assignment, next), assignment, options);
}

function louvainLevels(start: Csr, assignment: Int32Array, options: LouvainOptions): Int32Array {
  const nodes = assignment.length;
  let graph = start;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const { community, count, moved } = moveNodes(graph, options.resolution, options.rng);
    if (!moved) break;
    for (let i = 0; i < nodes; i++) assignment[i] = community[assignment[i]!]!;
    if (count === graph.n) break;
    graph = aggregate(graph, community, count);
  }
  // Renumber by first node so ids do not depend on the levels.
  const ids = new Map<number, number>();
  for (let i = 0; i < nodes; i++) {
    const c = assignment[i]!;
    if (!ids.has(c)) ids.set(c, ids.size);
    assignment[i] = ids.get(c)!;
  }
  return assignment;
}

/**
 * Modularity of a partition at the given resolution: sum over communities of w_in/2m - resolution * (tot/2m)^2.
 * Communities are summed in the order the edge list first names them (each as source, then as target), so the value
 * does not depend on how they are numbered; they are counted in arrays (ids renumbered first unless small and >= 0).
 */
export function modularity(nodes: number, edges: WeightedEdges, community: ArrayLike<number>, resolution: number): number {
  const ids = smallIds(community);
  let size = 0;
  for (const c of ids) size = Math.max(size, c + 1);
  let total = 0;
  const tot = new Float64Array(size);
  const inner = new Float64Array(size);
  const seen = new Uint8Array(size);
  const order: number[] = [];
  for (let e = 0; e < edges.source.length; e++) {
    const a = edges.source[e]!;
    const b = edges.target[e]!;
    const w = edges.weight[e]!;
    if (a === b || !(w > 0)) continue;
    total += 2 * w;
    const ca = ids[a]!;
    const cb = ids[b]!;
    if (seen[ca] === 0) {
      seen[ca] = 1;
      order.push(ca);
    }
    tot[ca]! += w;
    if (seen[cb] === 0) {
      seen[cb] = 1;
      order.push(cb);
    }
    tot[cb]! += w;
    if (ca === cb) inner[ca]! += 2 * w;
  }
  if (total === 0) return 0;
  let q = 0;
  for (const c of order) q += inner[c]! / total - resolution * (tot[c]! / total) ** 2;
  void nodes;
  return q;
}

/** The partition with ids usable as array indices: as given when they are small integers >= 0, else renumbered. */
function smallIds(community: ArrayLike<number>): Int32Array {
  const n = community.length;
  const out = new Int32Array(n);
  let small = true;
  for (let i = 0; i < n && small; i++) {
    const c = community[i]!;
    if (Number.isInteger(c) && c >= 0 && c <= n) out[i] = c;
    else small = false;
  }
  if (small) return out;
  const renumbered = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    let id = renumbered.get(c);
    if (id === undefined) renumbered.set(c, (id = renumbered.size));
    out[i] = id;
  }
  return out;
}

/**
 * The best of `runs` Louvain runs (highest modularity; ties to the earlier run), all drawing on one rng stream: a
 * single run depends on its node order, and the best of several is much less so, which keeps clusters stable across
 * seeds.
 */
export function louvainBest(nodes: number, edges: WeightedEdges, options: LouvainOptions & { runs: number }): Int32Array {
  let best: Int32Array | null = null;
  let bestQ = -Infinity;
  for (let r = 0; r < Math.max(1, options.runs); r++) {
    const c = louvain(nodes, edges, options);
    const q = modularity(nodes, edges, c, options.resolution);
    if (q > bestQ + 1e-12) {
      best = c;
      bestQ = q;
    }
  }
  return best!;
}
