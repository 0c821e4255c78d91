/**
 * Default look of the graph file (the app may restyle through its reducers without touching the data):
 * - node size: sqrt-scaled into 3..18 within each kind, from paperCount for authors and topics (how much they publish /
 *   how widespread a term is: numbers a reader can check) and from PageRank for papers (all papers count 1 otherwise).
 *   sqrt keeps a 49-paper author from dwarfing everyone; scaling within a kind keeps the three kinds comparable.
 * - node colour: research cluster (topicCluster) from the colour-blind-aware palette, grey for none / "other".
 * - edge size: 1..4 sqrt-scaled by weight within each kind; edge colour: translucent grey per kind.
 * Computed on arrays before the graph exists, so every node and edge is added once with its final look.
 */
import { EDGE_KINDS, type EdgeTable } from "./build-edges";
import { round6 } from "./numbers";

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 18;
/** Size when every node of a kind has the same metric value (nothing to scale against). */
export const UNIFORM_NODE_SIZE = 6;
export const MIN_EDGE_SIZE = 1;
export const MAX_EDGE_SIZE = 4;

/** sqrt scale of value within [min, max] onto [low, high]; `uniform` when min === max. */
export function sqrtScale(value: number, min: number, max: number, low: number, high: number, uniform: number): number {
  if (!(max > min)) return uniform;
  return round6(low + (high - low) * Math.sqrt((value - min) / (max - min)));
}

/**
 * Node sizes from each node's size metric (paperCount for authors and topics, PageRank for papers), scaled within
 * its kind (kinds: small integers per node).
 */
export function nodeSizes(kind: Uint8Array, metric: Float64Array): Float64Array {
  const kinds = 1 + kind.reduce((m, k) => Math.max(m, k), 0);
  const min = new Float64Array(kinds).fill(Infinity);
  const max = new Float64Array(kinds).fill(-Infinity);
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i]!;
    min[k] = Math.min(min[k]!, metric[i]!);
    max[k] = Math.max(max[k]!, metric[i]!);
  }
  return Float64Array.from(metric, (v, i) => sqrtScale(v, min[kind[i]!]!, max[kind[i]!]!, MIN_NODE_SIZE, MAX_NODE_SIZE, UNIFORM_NODE_SIZE));
}

/** Edge sizes from weights, scaled within each kind. */
export function edgeSizes(table: EdgeTable): Float64Array {
  const size = new Float64Array(table.count);
  EDGE_KINDS.forEach((_kind, k) => {
    const from = table.kindStart[k]!;
    const to = table.kindStart[k + 1]!;
    let min = Infinity;
    let max = -Infinity;
    for (let e = from; e < to; e++) {
      min = Math.min(min, table.weight[e]!);
      max = Math.max(max, table.weight[e]!);
    }
    // Most edges share a handful of weights (1, 2, 3 joint papers): scale each distinct weight once.
    const memo = new Map<number, number>();
    for (let e = from; e < to; e++) {
      const w = table.weight[e]!;
      let s = memo.get(w);
      if (s === undefined) memo.set(w, (s = sqrtScale(w, min, max, MIN_EDGE_SIZE, MAX_EDGE_SIZE, MIN_EDGE_SIZE)));
      size[e] = s;
    }
  });
  return size;
}
