/**
 * Node sizes from a chosen metric, rescaled per node kind (so authors, papers and topics each use their own range and
 * one huge hub does not flatten the rest: square-root scale). Pure; computed once per (graph, metric).
 */
import type { NodeKind } from "../../model/graph-file";
import type { NodeAttributes, PaperGraph } from "../data/types";
import type { SizeMetric } from "../state/ui-state";

export const SIZE_RANGE: Record<NodeKind, [number, number]> = { author: [3, 16], topic: [3, 14], paper: [2, 9] };

function metricValue(a: NodeAttributes, metric: SizeMetric): number | null {
  // Papers have no paperCount: size them by degree (authors + topics) so the metric still orders them.
  const v = metric === "paperCount" ? (a.kind === "paper" ? a.degree : a.paperCount) : a[metric];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function computeSizes(graph: PaperGraph, metric: SizeMetric): Map<string, number> {
  const ranges = new Map<NodeKind, [number, number]>();
  graph.forEachNode((_n, a) => {
    const v = metricValue(a, metric);
    if (v === null) return;
    const r = ranges.get(a.kind);
    if (!r) ranges.set(a.kind, [v, v]);
    else ranges.set(a.kind, [Math.min(r[0], v), Math.max(r[1], v)]);
  });
  const sizes = new Map<string, number>();
  graph.forEachNode((n, a) => {
    const [lo, hi] = SIZE_RANGE[a.kind];
    const v = metricValue(a, metric);
    const r = ranges.get(a.kind);
    if (v === null || !r) {
      sizes.set(n, Math.min(hi, Math.max(lo, Number.isFinite(a.size) ? a.size : lo)));
      return;
    }
    const t = r[1] > r[0] ? Math.sqrt((v - r[0]) / (r[1] - r[0])) : 0.5;
    sizes.set(n, lo + (hi - lo) * t);
  });
  return sizes;
}
