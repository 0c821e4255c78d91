/** Zipf-law sampling over ranked items: P(rank r) proportional to 1 / (r + 1)^exponent. */
import type { Rng } from "../../src/pipeline/graph/types";

export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(size: number, exponent: number) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) {
      total += 1 / Math.pow(r + 1, exponent);
      this.cumulative[r] = total;
    }
  }

  /** A rank in [0, size). */
  sample(rng: Rng): number {
    const c = this.cumulative;
    const target = rng() * c[c.length - 1]!;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
