/**
 * Louvain community detection (Blondel et al. 2008, with the resolution parameter of Reichardt & Bornholdt) on flat
 * arrays: the topic stage's throwaway graphs (term co-occurrences, paper similarities) never become graphology graphs.
 *
 * The graph is undirected and weighted, given as an edge list; it is stored as CSR (offsets, neighbours, weights, each
 * edge in both directions). Each level moves nodes one at a time, from a queue in an order shuffled by the given
 * rng, to the neighbouring community with the largest modularity gain k_i,c - resolution * tot_c * k_i / 2m (staying
 * put on ties); a node that moves queues its neighbours again, until the queue is empty. The communities then become
 * the nodes of the next level (their inner weight a self loop). Cost: O(degree) per visit; visits (64 per node) and
 * levels are capped so no input can make it run away.
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

/** Visits per node and level at most (a plain sweep visits each node once). */
const MAX_SWEEPS = 64;
const MAX_LEVELS = 32;

interface Csr {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
  /** Weight of each node's self loop (inner weight of an aggregated community, each inner edge counted once). */
  loops: Float64Array;
  /** Scratch arrays for runs on this graph (made by the first run, reused by the next ones and all their levels). */
  scratch?: Workspace;
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

/** Fills order[0..n) with 0..n-1 shuffled by rng (Fisher-Yates, the same draws as a fresh array). */
function shuffleInto(order: Int32Array, n: number, rng: () => number): void {
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/**
 * Scratch arrays of one Louvain run, sized for its first (largest) graph and reused by every level: at field scale a
 * run has a dozen levels of tens of thousands of nodes, and fresh arrays per level (and an order per sweep) were
 * garbage that made the collector walk the rest of the build's heap again and again.
 */
class Workspace {
  readonly k: Float64Array;
  readonly tot: Float64Array;
  readonly toCommunity: Float64Array;
  readonly touched: Int32Array;
  readonly order: Int32Array;
  /** 1 while a node waits in the local moves' queue. */
  readonly waiting: Uint8Array;
  readonly ids: Int32Array;
  /** Members of each community, grouped (aggregate). */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  /** The aggregated graph's edges before they become its CSR; grown when a graph needs more. */
  source = new Int32Array(0);
  target = new Int32Array(0);
  weight = new Float64Array(0);
  constructor(readonly n: number) {
    this.k = new Float64Array(n);
    this.tot = new Float64Array(n);
    this.toCommunity = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.order = new Int32Array(n);
    this.waiting = new Uint8Array(n);
    this.ids = new Int32Array(n);
    this.memberStart = new Int32Array(n + 1);
    this.members = new Int32Array(n);
  }
}

/** One level of local moves; returns each node's community (renumbered 0..k-1 in order of first node) and k. */
function moveNodes(g: Csr, resolution: number, rng: () => number, w: Workspace): { community: Int32Array; count: number; moved: boolean } {
  const { n, offsets, neighbours, weights, loops } = g;
  const { k, tot, toCommunity, touched, order } = w;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 2 * loops[i]!;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) s += weights[e]!;
    k[i] = s;
    total += s;
  }
  const community = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    community[i] = i;
    tot[i] = k[i]!;
  }
  if (total === 0) return { community, count: n, moved: false };
  toCommunity.fill(0, 0, n);
  // Fast local moves (Ozaki et al. 2016; the local moving phase of Traag et al.'s Leiden): nodes wait in a queue, in
  // an order shuffled once; a node that moves puts back those of its neighbours that are outside its new community and
  // not already waiting, since only their gains changed. Plain sweeps revisit every node until a whole sweep moves
  // nothing: at 10,000 papers 3.0 M visits for 280 k moves, most of them to nodes whose neighbourhood had not changed.
  const queue = order;
  const waiting = w.waiting;
  shuffleInto(queue, n, rng);
  waiting.fill(1, 0, n);
  let head = 0;
  let queued = n;
  let visits = 0;
  const maxVisits = MAX_SWEEPS * n;
  let movedAny = false;
  while (queued > 0 && visits < maxVisits) {
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    queued--;
    waiting[i] = 0;
    visits++;
    const own = community[i]!;
    let count = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const c = community[neighbours[e]!]!;
      // Weights are > 0 (toCsr drops the rest), so a community not yet met this node still sums to 0.
      const sum = toCommunity[c]!;
      if (sum === 0) touched[count++] = c;
      toCommunity[c] = sum + weights[e]!;
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
    for (let t = 0; t < count; t++) toCommunity[touched[t]!] = 0;
    tot[best]! += k[i]!;
    if (best === own) continue;
    community[i] = best;
    movedAny = true;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const j = neighbours[e]!;
      if (waiting[j] === 1) continue;
      waiting[j] = 1;
      let tail = head + queued;
      if (tail >= n) tail -= n;
      queue[tail] = j;
      queued++;
    }
  }
  const ids = w.ids;
  ids.fill(-1, 0, n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    if (ids[c] === -1) ids[c] = next++;
    community[i] = ids[c]!;
  }
  return { community, count: next, moved: movedAny };
}

/** The graph of communities: summed weights between them, inner weights as self loops. */
function aggregate(g: Csr, community: Int32Array, count: number, w: Workspace): Csr {
  const { n, offsets, neighbours, weights, loops } = g;
  // Members of each community in node order (a counting sort).
  const { memberStart, members } = w;
  memberStart.fill(0, 0, count + 1);
  for (let i = 0; i < n; i++) memberStart[community[i]! + 1]!++;
  for (let c = 0; c < count; c++) memberStart[c + 1]! += memberStart[c]!;
  const fill = w.touched;
  fill.set(memberStart.subarray(0, count));
  for (let i = 0; i < n; i++) members[fill[community[i]!]!++] = i;
  const newLoops = new Float64Array(count);
  // At most one edge per edge of g (each appears twice among the arcs).
  const room = offsets[n]! >>> 1;
  if (w.source.length < room) {
    w.source = new Int32Array(room);
    w.target = new Int32Array(room);
    w.weight = new Float64Array(room);
  }
  const { source, target, weight } = w;
  let edges = 0;
  const sum = w.toCommunity;
  sum.fill(0, 0, count);
  const seen = new Uint8Array(count);
  const touched = w.order;
  for (let c = 0; c < count; c++) {
    let touchedCount = 0;
    for (let m = memberStart[c]!; m < memberStart[c + 1]!; m++) {
      const i = members[m]!;
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
          touched[touchedCount++] = d;
        }
        sum[d]! += weights[e]!;
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const d = touched[t]!;
      source[edges] = c;
      target[edges] = d;
      weight[edges++] = sum[d]!;
      sum[d] = 0;
      seen[d] = 0;
    }
  }
  const next = toCsr(count, { source: source.subarray(0, edges), target: target.subarray(0, edges), weight: weight.subarray(0, edges) });
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
  return louvainLevels(start as Csr, assignment, options, workspaceOf(start as Csr));
}

/** The graph's scratch arrays (made on first use). */
function workspaceOf(g: Csr): Workspace {
  if (!g.scratch || g.scratch.n < g.n) g.scratch = new Workspace(Math.max(g.n, 1));
  return g.scratch;
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
  const workspace = workspaceOf(graph as Csr);
  return louvainLevels(aggregate(graph as Csr, assignment, next, workspace), assignment, options, workspace);
}

/** Levels from `start`; `workspace` has room for start.n nodes (every later level has fewer). */
function louvainLevels(start: Csr, assignment: Int32Array, options: LouvainOptions, workspace: Workspace): Int32Array {
  const nodes = assignment.length;
  let graph = start;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const { community, count, moved } = moveNodes(graph, options.resolution, options.rng, workspace);
    if (!moved) break;
    for (let i = 0; i < nodes; i++) assignment[i] = community[assignment[i]!]!;
    if (count === graph.n) break;
    graph = aggregate(graph, community, count, workspace);
  }
  // Renumber by first node so ids do not depend on the levels (community ids are < nodes).
  const ids = new Int32Array(Math.max(nodes, 1)).fill(-1);
  let next = 0;
  for (let i = 0; i < nodes; i++) {
    const c = assignment[i]!;
    if (ids[c] === -1) ids[c] = next++;
    assignment[i] = ids[c]!;
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
  const graph = toCsr(nodes, edges);
  for (let r = 0; r < Math.max(1, options.runs); r++) {
    const c = louvainOn(graph, options);
    const q = modularity(nodes, edges, c, options.resolution);
    if (q > bestQ + 1e-12) {
      best = c;
      bestQ = q;
    }
  }
  return best!;
}
