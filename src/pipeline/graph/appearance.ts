/**
 * The default look written into graph.json, for tools that draw the file as is (Gephi, graphology, sigma): the shared
 * appearance module (src/model/appearance.ts, also used by the explorer and the exporters) with its defaults, i.e.
 * research-cluster colours, PageRank sizes, edge widths by weight and the light theme's opaque edge colours. The
 * explorer recomputes colours and sizes for the user's choices with the same functions, so nothing is decided twice.
 * Computed on the graph stage's arrays before the graphology graph exists, so every node and edge is added once with
 * its final look.
 */
import {
  computeSizes,
  DEFAULT_SIZE_METRIC,
  edgeSize,
  groupColor,
  groupColors,
  LOOKS,
  type GroupTable,
} from "../../model/appearance";
import type { EdgeKind, NodeAttributes, NodeKind } from "../../model/graph-file";
import { EDGE_KINDS, type EdgeTable } from "./build-edges";

const KIND_NAMES: readonly NodeKind[] = ["author", "paper", "topic"];

/**
 * Node sizes (the default size metric, scaled within each kind) by node index: computeSizes itself, reading each
 * node's kind and metric through a minimal view of the arrays.
 */
export function nodeSizes(keys: readonly string[], kind: Uint8Array, metric: Float64Array): Float64Array {
  const view = {
    forEachNode(cb: (key: string, attributes: NodeAttributes) => void) {
      for (let i = 0; i < keys.length; i++) cb(keys[i]!, { kind: KIND_NAMES[kind[i]!], [DEFAULT_SIZE_METRIC]: metric[i] } as unknown as NodeAttributes);
    },
  };
  const sizes = computeSizes(view, DEFAULT_SIZE_METRIC);
  return Float64Array.from(keys, (k) => sizes.get(k)!);
}

/** Node colour by research cluster (the file's default colour mode), by node index. */
export function nodeColorOf(topicCluster: Int32Array, topicClusters: GroupTable): (i: number) => string {
  const colors = groupColors(topicClusters);
  return (i) => groupColor(colors, topicCluster[i]!);
}

/** Edge widths by weight within each kind. */
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
      if (s === undefined) memo.set(w, (s = edgeSize(w, min, max)));
      size[e] = s;
    }
  });
  return size;
}

/** Edge colour per kind (light theme). */
export function edgeColor(kind: EdgeKind): string {
  return LOOKS.light.edges[kind];
}
