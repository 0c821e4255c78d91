/**
 * Overlap removal with graphology-layout-noverlap, made reproducible. Noverlap nudges nodes that sit on the exact same
 * spot apart with Math.random() (its iterate.js `jitter`), and offers no rng option. Rather than re-implementing its grid
 * pass, Math.random is replaced by the seeded rng for the duration of the synchronous call and restored in `finally`:
 * JavaScript runs the call to completion on this thread, so no other code can observe the swap, and an exception cannot
 * leave it in place.
 */
import noverlap from "graphology-layout-noverlap";
import type { PaperGraph, Rng } from "../types";
import type { Position } from "./initial-positions";

export interface SeededNoverlapOptions {
  rng: Rng;
  maxIterations: number;
  /** Extra space kept between nodes, in layout units. */
  margin: number;
}

export function withSeededMathRandom<T>(rng: Rng, fn: () => T): T {
  const original = Math.random;
  Math.random = rng;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

export function seededNoverlap(graph: PaperGraph, options: SeededNoverlapOptions): Map<string, Position> {
  const mapping = withSeededMathRandom(options.rng, () =>
    noverlap(graph, {
      maxIterations: options.maxIterations,
      settings: { margin: options.margin, ratio: 1, expansion: 1.1, gridSize: 20, speed: 3 },
    }),
  );
  return new Map(Object.entries(mapping));
}
