/**
 * Small numeric and ordering helpers shared by the graph stage. Floats are rounded to 6 significant digits before they
 * are stored so graph.json bytes do not depend on the last bits of a platform's Math.log / Math.sqrt.
 */
import { compareStrings } from "../../model/compare";

/** Round to 6 significant digits; -0 and non-finite values become 0 so JSON never holds "-0", NaN or null. */
export function round6(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const r = Number(value.toPrecision(6));
  return r === 0 ? 0 : r;
}

/** Round a coordinate to 2 decimals (layout units are ~1..1000, so this is sub-pixel at every zoom level sigma allows). */
export function roundCoord(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const r = Math.round(value * 100) / 100;
  return r === 0 ? 0 : r;
}

// The project's one string order (model/compare.ts), re-exported for the graph stage's modules.
export { compareStrings };

export function sortedStrings(values: Iterable<string>): string[] {
  return [...values].sort(compareStrings);
}
