/**
 * Node positions: seeded cluster-based start -> ForceAtlas2 (graphology-layout-forceatlas2, synchronous) -> seeded
 * noverlap -> coordinates rounded to 0.01. The whole knowledge graph is laid out once; every lens of the explorer
 * reuses these positions (an author sits near their papers and topics, so switching lens keeps the map familiar).
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import { round6, roundCoord } from "../numbers";
import type { PaperGraph, Rng } from "../types";
import { initialPositions } from "./initial-positions";
import { seededNoverlap } from "./seeded-noverlap";

export interface LayoutOptions {
  /** ForceAtlas2 iterations, 0 = scaled to the graph size (layoutIterations). */
  iterations: number;
  /** Start positions. */
  rng: Rng;
  /** Noverlap's jitter for nodes on the same spot. */
  overlapRng: Rng;
}

/**
 * Iterations when the option is 0: ForceAtlas2 with Barnes-Hut costs roughly (N log N + M) per iteration, so the count
 * shrinks with graph size to keep the layout within a few seconds at 10,000 papers, while small graphs (where an
 * iteration costs microseconds) get enough to settle fully.
 */
export function autoIterations(order: number, size: number): number {
  const work = order + size;
  if (work === 0) return 0;
  return Math.max(60, Math.min(1000, Math.round(6_000_000 / work)));
}

export function forceAtlas2Settings(order: number) {
  const inferred = forceAtlas2.inferSettings(order);
  return {
    ...inferred,
    // inferSettings uses 1 + Math.log(order); rounded so the last bit of a platform's log cannot change the layout.
    slowDown: round6(inferred.slowDown ?? 1),
    barnesHutOptimize: order > 2000,
  };
}

export function assignLayout(graph: PaperGraph, options: LayoutOptions): void {
  if (graph.order === 0) return;
  const start = initialPositions(graph, options.rng);
  graph.forEachNode((key, a) => {
    const p = start.get(key)!;
    a.x = p.x;
    a.y = p.y;
  });

  const iterations = options.iterations > 0 ? options.iterations : autoIterations(graph.order, graph.size);
  if (iterations > 0 && graph.size > 0) {
    const positions = forceAtlas2(graph, {
      iterations,
      settings: forceAtlas2Settings(graph.order),
      getEdgeWeight: "weight",
    });
    graph.forEachNode((key, a) => {
      const p = positions[key]!;
      a.x = p.x;
      a.y = p.y;
    });
  }

  const separated = seededNoverlap(graph, { rng: options.overlapRng, maxIterations: 30, margin: 1 });
  graph.forEachNode((key, a) => {
    const p = separated.get(key)!;
    a.x = roundCoord(p.x);
    a.y = roundCoord(p.y);
  });
}
