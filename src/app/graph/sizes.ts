/**
 * Node sizes from a chosen metric, rescaled per node kind (so authors, papers and topics each use their own range and
 * one huge hub does not flatten the rest: square-root scale). Pure; computed once per (graph, metric), as one array
 * over node indices (a 100,000-paper graph has 230k nodes: no map of strings).
 */
import type { NodeKind } from "../../model/graph-file";
import type { PaperGraph } from "../data/types";
import type { SizeMetric } from "../state/ui-state";

export const SIZE_RANGE: Record<NodeKind, [number, number]> = { author: [3, 16], topic: [3, 14], paper: [2, 9] };
const RANGES: [number, number][] = [SIZE_RANGE.author, SIZE_RANGE.paper, SIZE_RANGE.topic];

/** The metric's value per node; papers have no paperCount, so they are sized by degree (authors + topics) then. */
function metricValues(graph: PaperGraph, metric: SizeMetric): ArrayLike<number> {
  if (metric !== "paperCount") return graph[metric];
  const out = new Float64Array(graph.order);
  for (let i = 0; i < graph.order; i++) out[i] = graph.kind[i] === 1 ? graph.degree[i]! : graph.paperCount[i]!;
  return out;
}

export function computeSizes(graph: PaperGraph, metric: SizeMetric): Float64Array {
  const values = metricValues(graph, metric);
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < graph.order; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const k = graph.kind[i]!;
    if (v < lo[k]!) lo[k] = v;
    if (v > hi[k]!) hi[k] = v;
  }
  const sizes = new Float64Array(graph.order);
  for (let i = 0; i < graph.order; i++) {
    const k = graph.kind[i]!;
    const [min, max] = RANGES[k]!;
    const v = values[i]!;
    if (!Number.isFinite(v) || lo[k] === Infinity) {
      const own = graph.nodeSize[i]!;
      sizes[i] = Math.min(max, Math.max(min, Number.isFinite(own) ? own : min));
      continue;
    }
    const t = hi[k]! > lo[k]! ? Math.sqrt((v - lo[k]!) / (hi[k]! - lo[k]!)) : 0.5;
    sizes[i] = min + (max - min) * t;
  }
  return sizes;
}
