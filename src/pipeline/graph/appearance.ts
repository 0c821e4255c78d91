/**
 * The default look written into graph.json, for tools that draw the file as is (Gephi, graphology, sigma): the shared
 * appearance module (src/model/appearance.ts, also used by the explorer and the exporters) with its defaults, i.e.
 * research-cluster colours, PageRank sizes, edge widths by weight and the light theme's opaque edge colours. The
 * explorer recomputes colours and sizes for the user's choices with the same functions, so nothing is decided twice.
 */
import {
  computeSizes,
  DEFAULT_FILE_COLOR_MODE,
  DEFAULT_SIZE_METRIC,
  edgeSize,
  LOOKS,
  nodeColors,
  type GroupTable,
} from "../../model/appearance";
import type { EdgeKind } from "../../model/graph-file";
import type { PaperGraph } from "./types";

export function assignAppearance(graph: PaperGraph, tables: { communities: GroupTable; topicClusters: GroupTable }): void {
  const sizes = computeSizes(graph, DEFAULT_SIZE_METRIC);
  const colors = nodeColors(graph, DEFAULT_FILE_COLOR_MODE, tables);
  graph.forEachNode((key, a) => {
    a.size = sizes.get(key)!;
    a.color = colors.get(key)!;
  });
  assignEdgeAppearance(graph);
}

/** Edge width by weight within its kind, colour by kind (light theme). Re-run after adding edges of a new kind. */
export function assignEdgeAppearance(graph: PaperGraph): void {
  const range = new Map<EdgeKind, { min: number; max: number }>();
  graph.forEachEdge((_key, e) => {
    const r = range.get(e.kind);
    if (!r) range.set(e.kind, { min: e.weight, max: e.weight });
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
      const r = range.get(e.kind)!;
      memo.set(id, (size = edgeSize(e.weight, r.min, r.max)));
    }
    e.size = size;
    e.color = LOOKS.light.edges[e.kind];
  });
}
