/**
 * Two small non-negative integers as one number, a cheaper Map/Set key than a string: `a * PAIR_BASE + b` with
 * PAIR_BASE = 2^26 stays below 2^52, inside the exact integers of a double, while both are below 2^26 (67 million
 * names, grid cells, ...), far beyond any input the pipeline can hold.
 */
export const PAIR_BASE = 2 ** 26;

/** The ordered pair (a, b) as one number. */
export function packPair(a: number, b: number): number {
  return a * PAIR_BASE + b;
}

/** The unordered pair {a, b} as one number: the same key for (a, b) and (b, a). */
export function unorderedPair(a: number, b: number): number {
  return a < b ? a * PAIR_BASE + b : b * PAIR_BASE + a;
}

/** The pair a key was packed from, smaller first for an unordered key. */
export function unpackPair(key: number): [number, number] {
  return [Math.floor(key / PAIR_BASE), key % PAIR_BASE];
}
