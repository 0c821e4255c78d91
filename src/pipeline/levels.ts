/**
 * Resolution ladders: the same partition (co-author communities, research clusters) computed at several resolutions,
 * so the explorer can move between a few large groups and many small ones without a rebuild.
 *
 * - ladderResolutions: the build's resolution times LADDER_FACTORS; the factor 1 (index DEFAULT_LEVEL) is the build's
 *   own partition, unchanged.
 * - alignLevels: group ids follow the groups from the default level outward. Level d+1 is matched against level d,
 *   d+2 against d+1, and so on (and downward alike): every pair (old group, new group) that shares members is a
 *   candidate, scored by Jaccard |A ∩ B| / |A ∪ B|; the best pairs are taken greedily, one-to-one (ties: larger
 *   overlap, then smaller ids). A matched group keeps its id; the others get fresh ids, never used at any level before,
 *   largest first.
 * - paletteRanks: the palette slot (src/model/appearance.ts PALETTE) of every group, so colours follow ids: the
 *   default level ranks by size as the appearance module does; another level inherits the slot of the group with its
 *   id in the level it was matched against, when that slot is a palette colour; the rest take the smallest free slots,
 *   largest group first.
 * - stabilityScores: see the function.
 * All linear in nodes + edges per level.
 */
import { PALETTE } from "../model/appearance";

/** Multipliers of the build's resolution; 1 is the build's own partition. */
export const LADDER_FACTORS: readonly number[] = Object.freeze([0.1, 0.2, 0.35, 0.5, 0.7, 1, 1.4, 2, 3, 5]);
export const DEFAULT_LEVEL = LADDER_FACTORS.indexOf(1);
/** Extra Louvain runs at the build's resolution (other seeds) that the stability score also compares against. */
export const STABILITY_SEEDS = 2;

export function ladderResolutions(resolution: number): number[] {
  // factor 1 stays exactly the build's resolution; the others are rounded so the file holds short numbers.
  return LADDER_FACTORS.map((f) => (f === 1 ? resolution : Number((resolution * f).toPrecision(6))));
}

/** Size of every group id (ids >= 0) of a partition. */
function sizes(group: ArrayLike<number>): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < group.length; i++) {
    const g = group[i]!;
    if (g >= 0) out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * The ids of `next` renamed after `reference` (see the file comment). `fresh` is the first id no level has used;
 * returns the renamed partition and the next fresh id.
 */
export function matchLevel(reference: ArrayLike<number>, next: ArrayLike<number>, fresh: number): { group: Int32Array; fresh: number } {
  const refSize = sizes(reference);
  const nextSize = sizes(next);
  const overlap = new Map<number, Map<number, number>>();
  const firstMember = new Map<number, number>();
  for (let i = 0; i < next.length; i++) {
    const b = next[i]!;
    if (b < 0) continue;
    if (!firstMember.has(b)) firstMember.set(b, i);
    const a = reference[i]!;
    if (a < 0) continue;
    let row = overlap.get(b);
    if (!row) overlap.set(b, (row = new Map()));
    row.set(a, (row.get(a) ?? 0) + 1);
  }
  const pairs: { a: number; b: number; shared: number; jaccard: number }[] = [];
  for (const [b, row] of overlap) {
    for (const [a, shared] of row) pairs.push({ a, b, shared, jaccard: shared / (refSize.get(a)! + nextSize.get(b)! - shared) });
  }
  pairs.sort((x, y) => y.jaccard - x.jaccard || y.shared - x.shared || x.a - y.a || x.b - y.b);
  const idOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of pairs) {
    if (idOf.has(p.b) || taken.has(p.a)) continue;
    idOf.set(p.b, p.a);
    taken.add(p.a);
  }
  const unmatched = [...nextSize.keys()].filter((b) => !idOf.has(b));
  unmatched.sort((x, y) => nextSize.get(y)! - nextSize.get(x)! || firstMember.get(x)! - firstMember.get(y)!);
  for (const b of unmatched) idOf.set(b, fresh++);
  const group = new Int32Array(next.length);
  for (let i = 0; i < next.length; i++) group[i] = next[i]! < 0 ? -1 : idOf.get(next[i]!)!;
  return { group, fresh };
}

/**
 * Every level's partition with ids aligned from the default level outward. `levels[defaultLevel]` keeps its ids (the
 * build's partition); the others may use any ids >= 0 (-1: no group).
 */
export function alignLevels(levels: readonly ArrayLike<number>[], defaultLevel: number): Int32Array[] {
  const out: Int32Array[] = new Array(levels.length);
  out[defaultLevel] = Int32Array.from(levels[defaultLevel]!);
  let fresh = 0;
  for (const g of out[defaultLevel]) if (g + 1 > fresh) fresh = g + 1;
  for (let l = defaultLevel + 1; l < levels.length; l++) ({ group: out[l]!, fresh } = matchAt(l, l - 1));
  for (let l = defaultLevel - 1; l >= 0; l--) ({ group: out[l]!, fresh } = matchAt(l, l + 1));
  return out;

  function matchAt(l: number, ref: number) {
    const r = matchLevel(out[ref]!, levels[l]!, fresh);
    out[l] = r.group;
    return r;
  }
}

/**
 * Palette slot per group id and level (see the file comment). `excluded` ids (the "No co-author links" bucket) take no
 * slot. Slots >= PALETTE.length mean the shared "smaller groups" colour.
 */
export function paletteRanks(levels: readonly ArrayLike<number>[], defaultLevel: number, excluded: ReadonlySet<number> = new Set()): Map<number, number>[] {
  const out: Map<number, number>[] = new Array(levels.length);
  const bySize = (group: ArrayLike<number>) =>
    [...sizes(group)].filter(([id]) => !excluded.has(id)).sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([id]) => id);
  out[defaultLevel] = new Map(bySize(levels[defaultLevel]!).map((id, rank) => [id, rank]));
  const inherit = (l: number, ref: number) => {
    const ranks = new Map<number, number>();
    const used = new Set<number>();
    const order = bySize(levels[l]!);
    for (const id of order) {
      const r = out[ref]!.get(id);
      if (r !== undefined && r < PALETTE.length && !used.has(r)) {
        ranks.set(id, r);
        used.add(r);
      }
    }
    let free = 0;
    for (const id of order) {
      if (ranks.has(id)) continue;
      while (used.has(free)) free++;
      ranks.set(id, free);
      used.add(free);
    }
    out[l] = ranks;
  };
  for (let l = defaultLevel + 1; l < levels.length; l++) inherit(l, l - 1);
  for (let l = defaultLevel - 1; l >= 0; l--) inherit(l, l + 1);
  return out;
}

/** Undirected adjacency as CSR over node indices 0..n-1 (each edge in both directions). */
export interface Adjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
}

export function adjacencyOf(n: number, source: ArrayLike<number>, target: ArrayLike<number>): Adjacency {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < source.length; e++) {
    if (source[e] === target[e]) continue;
    offsets[source[e]! + 1]!++;
    offsets[target[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]!);
  for (let e = 0; e < source.length; e++) {
    const a = source[e]!;
    const b = target[e]!;
    if (a === b) continue;
    neighbours[fill[a]!++] = b;
    neighbours[fill[b]!++] = a;
  }
  return { offsets, neighbours };
}

/**
 * Stability of every node: how much it keeps the same neighbours as group-mates. For node v with graph neighbours
 * N(v) and a partition P, let S_P(v) = { u in N(v) : P(u) = P(v) >= 0 }. Then
 *
 *   stability(v) = mean over the compared partitions P of J(S_P(v), S_D(v)),  J(A, B) = |A ∩ B| / |A ∪ B|, J(∅, ∅) = 1,
 *
 * where D is the default partition and the compared partitions are the other levels of the ladder plus the extra runs
 * at the default resolution with other seeds. A node without neighbours scores 1 (nothing can move). Rounded to 3
 * decimals. Cost: O(sum of degrees x partitions).
 */
export function stabilityScores(adjacency: Adjacency, defaultGroup: ArrayLike<number>, compared: readonly ArrayLike<number>[]): Float64Array {
  const n = adjacency.offsets.length - 1;
  const out = new Float64Array(n);
  const { offsets, neighbours } = adjacency;
  let maxDegree = 0;
  for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, offsets[v + 1]! - offsets[v]!);
  const sameDefault = new Uint8Array(maxDegree);
  for (let v = 0; v < n; v++) {
    const from = offsets[v]!;
    const to = offsets[v + 1]!;
    if (to === from || compared.length === 0) {
      out[v] = 1;
      continue;
    }
    let sum = 0;
    const d = defaultGroup[v]!;
    // Which neighbours share v's default group, found once for all the compared partitions.
    let inDefault = 0;
    for (let e = from; e < to; e++) {
      const inD = d >= 0 && defaultGroup[neighbours[e]!] === d;
      sameDefault[e - from] = inD ? 1 : 0;
      if (inD) inDefault++;
    }
    for (const p of compared) {
      const g = p[v]!;
      let both = 0;
      let onlyP = 0;
      if (g >= 0) {
        for (let e = from; e < to; e++) {
          if (p[neighbours[e]!] !== g) continue;
          if (sameDefault[e - from]) both++;
          else onlyP++;
        }
      }
      const either = inDefault + onlyP;
      sum += either === 0 ? 1 : both / either;
    }
    out[v] = Math.round((sum / compared.length) * 1000) / 1000;
  }
  return out;
}
