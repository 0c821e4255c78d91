/**
 * Node positions: seeded cluster-and-community start -> ForceAtlas2 (graphology-layout-forceatlas2, synchronous) ->
 * grid-based overlap removal (remove-overlaps.ts, seeded) -> coordinates rounded to 0.01. The whole knowledge graph is
 * laid out once; every lens of the explorer reuses these positions (an author sits near their papers and topics, so switching lens keeps the map familiar).
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import fa2Defaults from "graphology-layout-forceatlas2/defaults.js";
import fa2Helpers from "graphology-layout-forceatlas2/helpers.js";
import fa2Iterate from "graphology-layout-forceatlas2/iterate.js";
import { createEdgeWeightGetter } from "graphology-utils/getters";
import { silentSteps, stepCounter, type StepReporter } from "../../progress";
import { round6, roundCoord } from "../numbers";
import type { PaperGraph, Rng } from "../types";
import { initialPositions } from "./initial-positions";
import { removeOverlaps } from "./remove-overlaps";

export interface LayoutOptions {
  /** ForceAtlas2 iterations, 0 = scaled to the graph size (layoutIterations). */
  iterations: number;
  /** Start positions. */
  rng: Rng;
  /** Direction in which two nodes on the very same spot are separated. */
  overlapRng: Rng;
  /** Reports each ForceAtlas2 iteration and overlap pass. */
  progress?: StepReporter;
}

/** Barnes-Hut opening angle: Gephi's default. graphology's 0.5 is about 3x slower per iteration for no visible gain. */
export const BARNES_HUT_THETA = 1.2;

/**
 * Estimated CPU microseconds per ForceAtlas2 iteration, calibrated on this project's 2-core machine: the seed graph
 * (846 nodes, 17,509 edges, all-pairs repulsion) takes ~12 ms, a 25,000-node synthetic graph with Barnes-Hut ~0.4 s.
 */
export function iterationCost(order: number, size: number): number {
  const repulsion = order > 2000 ? order * Math.log2(order) : order * order * 0.015;
  return repulsion + size * 0.1;
}

/** CPU time the automatic iteration count aims at. */
export const LAYOUT_BUDGET_MICROS = 1_500_000;

/**
 * Iterations when the option is 0: as many as fit in about 1.5 s of CPU, at least 15 and at most 1000. Small graphs,
 * where an iteration costs microseconds, settle fully; the seed graph gets ~120; at 10,000 papers (~25,000 nodes) the
 * floor of 15 applies, so the start positions (cluster and community discs) carry most of the structure and
 * ForceAtlas2 refines it. `--layout-iterations N` buys a more settled map at build time.
 */
export function autoIterations(order: number, size: number): number {
  if (order === 0) return 0;
  return Math.max(15, Math.min(1000, Math.round(LAYOUT_BUDGET_MICROS / iterationCost(order, size))));
}

export function forceAtlas2Settings(order: number) {
  const inferred = forceAtlas2.inferSettings(order);
  return {
    ...inferred,
    // inferSettings uses 1 + Math.log(order); rounded so the last bit of a platform's log cannot change the layout.
    slowDown: round6(inferred.slowDown ?? 1),
    barnesHutOptimize: order > 2000,
    barnesHutTheta: BARNES_HUT_THETA,
  };
}

/** Overlap-removal passes at most (each is linear in the number of nodes plus overlapping pairs). */
export const OVERLAP_PASSES = 50;

/**
 * ForceAtlas2 as graphology-layout-forceatlas2's synchronous entry runs it (same settings validation, matrices, iteration
 * step and read-back, so the same positions), with a report after each iteration: at 10,000 papers one iteration
 * takes a few hundred milliseconds, the whole run seconds.
 */
export function forceAtlas2WithProgress(
  graph: PaperGraph,
  iterations: number,
  settings: ReturnType<typeof forceAtlas2Settings>,
  onIteration: (done: number) => void,
): Record<string, { x: number; y: number }> {
  const merged = fa2Helpers.assign({}, fa2Defaults, settings);
  const invalid = fa2Helpers.validateSettings(merged);
  if (invalid) throw new Error(`graphology-layout-forceatlas2: ${invalid.message}`);
  const matrices = fa2Helpers.graphToByteArrays(graph, createEdgeWeightGetter("weight").fromEntry);
  for (let i = 0; i < iterations; i++) {
    fa2Iterate(merged, matrices.nodes, matrices.edges);
    onIteration(i + 1);
  }
  return fa2Helpers.collectLayoutChanges(graph, matrices.nodes);
}

export function assignLayout(graph: PaperGraph, options: LayoutOptions): void {
  if (graph.order === 0) return;
  const progress = options.progress ?? silentSteps;
  progress("layout: start positions", 0, graph.order, "nodes");
  const start = initialPositions(graph, options.rng);
  graph.forEachNode((key, a) => {
    const p = start.get(key)!;
    a.x = p.x;
    a.y = p.y;
  });

  const iterations = options.iterations > 0 ? options.iterations : autoIterations(graph.order, graph.size);
  if (iterations > 0 && graph.size > 0) {
    const tick = stepCounter(progress, "layout: ForceAtlas2", iterations, "iterations", iterations);
    const positions = forceAtlas2WithProgress(graph, iterations, forceAtlas2Settings(graph.order), tick);
    graph.forEachNode((key, a) => {
      const p = positions[key]!;
      a.x = p.x;
      a.y = p.y;
    });
  }

  const nodes = graph.nodes();
  const xs = new Float64Array(nodes.length);
  const ys = new Float64Array(nodes.length);
  const radii = new Float64Array(nodes.length);
  nodes.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    xs[i] = a.x;
    ys[i] = a.y;
    radii[i] = a.size;
  });
  // No total: the passes stop as soon as nothing overlaps, usually long before OVERLAP_PASSES (an estimate would lie).
  progress("layout: removing overlaps", 0, null, "passes");
  const onPass = (pass: number) => progress("layout: removing overlaps", pass, null, "passes");
  removeOverlaps(xs, ys, radii, { maxPasses: OVERLAP_PASSES, margin: 1, rng: options.overlapRng, onPass });
  nodes.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    a.x = roundCoord(xs[i]!);
    a.y = roundCoord(ys[i]!);
  });
}
