/**
 * Node positions: seeded cluster-and-community start -> ForceAtlas2 (force-atlas2.ts: exact repulsion up to
 * BARNES_HUT_ABOVE nodes, Barnes-Hut above) -> grid-based overlap removal (remove-overlaps.ts, seeded) ->
 * coordinates rounded to 0.01. The whole knowledge graph is laid out once; every lens of the explorer reuses these
 * positions (an author sits near their papers and topics, so switching lens keeps the map familiar).
 *
 * Cost: iterations x (N log N + E) with Barnes-Hut, where the number of iterations shrinks as the graph grows, to a
 * floor of MIN_ITERATIONS: small graphs settle fully, large ones (where the start positions already carry the
 * cluster and community structure) get a fixed budget, so the layout stays O(N log N + E).
 */
import { silentSteps, stepCounter, type StepReporter } from "../../progress";
import { round6, roundCoord } from "../numbers";
import type { Rng } from "../types";
import { forceAtlas2, type ForceAtlas2Settings, type LayoutEdges } from "./force-atlas2";
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

export interface LayoutInput {
  topicCluster: Int32Array;
  community: Int32Array;
  /** Incident edges per node (ForceAtlas2's mass is degree + 1). */
  degree: Int32Array;
  /** Disc radius per node (its size), for overlap removal. */
  size: Float64Array;
  edges: LayoutEdges;
}

/** Barnes-Hut opening angle: Gephi's default. 0.5 is about 3x slower per iteration for no visible gain. */
export const BARNES_HUT_THETA = 1.2;
/** Up to this many nodes repulsion is computed exactly over all pairs; Barnes-Hut above. */
export const BARNES_HUT_ABOVE = 2000;

/**
 * Estimated CPU microseconds per ForceAtlas2 iteration (force-atlas2.ts) on this project's loaded 2-core machine:
 * all-pairs repulsion ~0.004 us per pair, Barnes-Hut ~0.1 us per node and tree level, attraction and the speed
 * update ~0.05 us per edge. The 10,000-paper field corpus (22,800 nodes, 220,000 edges) measures 45-60 ms.
 */
export function iterationCost(order: number, size: number): number {
  const repulsion = order > BARNES_HUT_ABOVE ? 0.1 * order * Math.log2(order) : 0.004 * order * order;
  return repulsion + size * 0.05;
}

/** CPU time the automatic iteration count aims at. */
export const LAYOUT_BUDGET_MICROS = 1_000_000;
/** The fixed budget of large graphs: 12 iterations, about 6 s at 100,000 papers (250,000 nodes). */
export const MIN_ITERATIONS = 12;
export const MAX_ITERATIONS = 1000;

/**
 * Iterations when the option is 0: as many as fit in about 1 s of CPU, at least MIN_ITERATIONS and at most
 * MAX_ITERATIONS. Small graphs, where an iteration costs microseconds, settle fully (the seed graph gets ~330); at
 * 10,000 papers ~23; from about 40,000 papers on the floor applies, so the start positions (cluster and community
 * discs) carry most of the structure and ForceAtlas2 refines it, and the layout stays O(N log N + E).
 * `--layout-iterations N` buys a more settled map at build time.
 */
export function autoIterations(order: number, size: number): number {
  if (order === 0) return 0;
  return Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, Math.round(LAYOUT_BUDGET_MICROS / iterationCost(order, size))));
}

/** graphology's inferred settings for a graph of `order` nodes (strong gravity, scaling 10, slowDown 1 + ln N). */
export function forceAtlas2Settings(order: number): ForceAtlas2Settings {
  return {
    scalingRatio: 10,
    gravity: 0.05,
    // Rounded so the last bit of a platform's log cannot change the layout.
    slowDown: round6(1 + Math.log(Math.max(order, 1))),
    barnesHutOptimize: order > BARNES_HUT_ABOVE,
    barnesHutTheta: BARNES_HUT_THETA,
    edgeWeightInfluence: 1,
  };
}

/** Overlap-removal passes at most (each is linear in the number of nodes plus overlapping pairs). */
export const OVERLAP_PASSES = 50;

/** Positions per node index, rounded to 0.01. */
export function layout(input: LayoutInput, options: LayoutOptions): { x: Float64Array; y: Float64Array } {
  const order = input.topicCluster.length;
  if (order === 0) return { x: new Float64Array(0), y: new Float64Array(0) };
  const progress = options.progress ?? silentSteps;
  progress("layout: start positions", 0, order, "nodes");
  const { x, y } = initialPositions(input.topicCluster, input.community, options.rng);

  const iterations = options.iterations > 0 ? options.iterations : autoIterations(order, input.edges.count);
  if (iterations > 0 && input.edges.count > 0) {
    const tick = stepCounter(progress, "layout: ForceAtlas2", iterations, "iterations", iterations);
    const mass = Float64Array.from(input.degree, (d) => d + 1);
    forceAtlas2(x, y, mass, input.edges, forceAtlas2Settings(order), iterations, tick);
  }

  // No total: the passes stop as soon as nothing overlaps, usually long before OVERLAP_PASSES (an estimate would lie).
  progress("layout: removing overlaps", 0, null, "passes");
  const onPass = (pass: number) => progress("layout: removing overlaps", pass, null, "passes");
  removeOverlaps(x, y, input.size, { maxPasses: OVERLAP_PASSES, margin: 1, rng: options.overlapRng, onPass });
  for (let i = 0; i < order; i++) {
    x[i] = roundCoord(x[i]!);
    y[i] = roundCoord(y[i]!);
  }
  return { x, y };
}
