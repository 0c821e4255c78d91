/**
 * Setup of the `unit` project (vitest.config.ts): Math.random becomes a recorder before any test module loads, so a
 * library that keeps a reference to it from load time (graphology-communities-louvain's defaults hold
 * `rng: Math.random`) calls the recorder too. It answers as Math.random would; test/pipeline/graph/determinism.test.ts
 * checks that a whole build records no call. One recorder per worker (the unit project shares modules between files).
 */
export interface RandomRecorder {
  /** A short stack per call since the last reset. */
  callers: string[];
}

const KEY = Symbol.for("papergraph.test.mathRandomRecorder");

export function randomRecorder(): RandomRecorder {
  const store = globalThis as unknown as Record<symbol, RandomRecorder | undefined>;
  const existing = store[KEY];
  if (existing) return existing;
  const recorder: RandomRecorder = { callers: [] };
  const original = Math.random;
  Math.random = function recordedRandom() {
    recorder.callers.push(new Error("Math.random called").stack?.split("\n").slice(2, 6).join("\n") ?? "");
    return original();
  };
  store[KEY] = recorder;
  return recorder;
}

randomRecorder();
