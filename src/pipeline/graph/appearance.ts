/**
 * Default look of the graph file (the app may restyle through its reducers without touching the data):
 * - node size: sqrt-scaled into 3..18 within each kind, from paperCount for authors and topics (how much they publish /
 *   how widespread a term is: numbers a reader can check) and from PageRank for papers (all papers count 1 otherwise).
 *   sqrt keeps a 49-paper author from dwarfing everyone; scaling within a kind keeps the three kinds comparable.
 * - node colour: research cluster (topicCluster) from the colour-blind-aware palette, grey for none / "other".
 * - edge size: 1..4 sqrt-scaled by weight within each kind; edge colour: translucent grey per kind.
 */
import type { EdgeKind, NodeAttributes, NodeKind } from "../../model/graph-file";
import { round6 } from "./numbers";
import { EDGE_COLORS, clusterColor } from "./palette";
import type { PaperGraph } from "./types";

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 18;
/** Size when every node of a kind has the same metric value (nothing to scale against). */
export const UNIFORM_NODE_SIZE = 6;
export const MIN_EDGE_SIZE = 1;
export const MAX_EDGE_SIZE = 4;

export function sizeMetric(a: NodeAttributes): number {
  return a.kind === "paper" ? a.pagerank : a.paperCount;
}

/** sqrt scale of value within [min, max] onto [low, high]; `uniform` when min === max. */
export function sqrtScale(value: number, min: number, max: number, low: number, high: number, uniform: number): number {
  if (!(max > min)) return uniform;
  return round6(low + (high - low) * Math.sqrt((value - min) / (max - min)));
}

function ranges<K extends string>(): Map<K, { min: number; max: number }> {
  return new Map();
}

export function assignAppearance(graph: PaperGraph): void {
  const nodeRange = ranges<NodeKind>();
  graph.forEachNode((_key, a) => {
    const v = sizeMetric(a);
    const r = nodeRange.get(a.kind);
    if (!r) nodeRange.set(a.kind, { min: v, max: v });
    else {
      r.min = Math.min(r.min, v);
      r.max = Math.max(r.max, v);
    }
  });
  graph.forEachNode((_key, a) => {
    const r = nodeRange.get(a.kind)!;
    a.size = sqrtScale(sizeMetric(a), r.min, r.max, MIN_NODE_SIZE, MAX_NODE_SIZE, UNIFORM_NODE_SIZE);
    a.color = clusterColor(a.topicCluster);
  });

  const edgeRange = ranges<EdgeKind>();
  graph.forEachEdge((_key, e) => {
    const r = edgeRange.get(e.kind);
    if (!r) edgeRange.set(e.kind, { min: e.weight, max: e.weight });
    else {
      r.min = Math.min(r.min, e.weight);
      r.max = Math.max(r.max, e.weight);
    }
  });
  // Most edges share a handful of weights (1, 2, 3 joint papers): scale each distinct weight once.
  const memo = new Map<string, number>();
  graph.forEachEdge((_key, e) => {
    const id = `${e.kind}:${e.weight}`;
    let size = memo.get(id);
    if (size === undefined) {
      const r = edgeRange.get(e.kind)!;
      size = sqrtScale(e.weight, r.min, r.max, MIN_EDGE_SIZE, MAX_EDGE_SIZE, MIN_EDGE_SIZE);
      memo.set(id, size);
    }
    e.size = size;
    e.color = EDGE_COLORS[e.kind];
  });
}
