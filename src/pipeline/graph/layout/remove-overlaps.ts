/**
 * Overlap removal: pushes apart nodes whose discs (radius = size + margin, in layout units) intersect, using a uniform
 * spatial grid so each node is only compared with nodes in its own and the 8 surrounding cells.
 *
 * Written here rather than calling graphology-layout-noverlap for two reasons: noverlap compares all pairs inside each
 * cell of a fixed 20x20 grid and remembers visited pairs as strings in a Set, which is quadratic in cell occupancy
 * (minutes on a 25,000-node map whose communities are dense), and it separates coincident nodes with Math.random(),
 * which would make builds irreproducible. Here cells are sized to the largest disc, all moves of a pass are computed
 * first and applied together (so the result does not depend on visiting order), and coincident nodes are separated
 * along a direction drawn from the seeded rng.
 */
import type { Rng } from "../types";

export interface OverlapOptions {
  /** Passes at most; stops earlier once no discs overlap. */
  maxPasses: number;
  /** Gap kept between discs, in layout units. */
  margin: number;
  rng: Rng;
  /** Called after each pass with the number of passes done. */
  onPass?: (passes: number) => void;
}

/** Factor by which the map is spread when local passes stop making progress. */
export const EXPANSION = 1.1;

function expand(xs: Float64Array, ys: Float64Array, factor: number): void {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < xs.length; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= xs.length;
  my /= ys.length;
  for (let i = 0; i < xs.length; i++) {
    xs[i] = mx + (xs[i]! - mx) * factor;
    ys[i] = my + (ys[i]! - my) * factor;
  }
}

/** Moves xs/ys in place; returns the number of overlapping pairs left after the last pass. */
export function removeOverlaps(xs: Float64Array, ys: Float64Array, radii: Float64Array, options: OverlapOptions): number {
  const n = xs.length;
  if (n < 2) return 0;
  let maxR = 0;
  for (let i = 0; i < n; i++) maxR = Math.max(maxR, radii[i]!);
  const cell = 2 * maxR + options.margin;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let overlaps = 0;
  let previous = Infinity;

  for (let pass = 0; pass < options.maxPasses; pass++) {
    let minX = Infinity;
    let minY = Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
    }
    const cx = new Int32Array(n);
    const cy = new Int32Array(n);
    const cells = new Map<number, number[]>();
    // Cell key as a pair of 26-bit coordinates packed into one safe integer.
    const key = (a: number, b: number) => a * 67_108_864 + b;
    for (let i = 0; i < n; i++) {
      cx[i] = Math.floor((xs[i]! - minX) / cell);
      cy[i] = Math.floor((ys[i]! - minY) / cell);
      const k = key(cx[i]!, cy[i]!);
      const list = cells.get(k);
      if (list) list.push(i);
      else cells.set(k, [i]);
    }

    dx.fill(0);
    dy.fill(0);
    overlaps = 0;
    for (let i = 0; i < n; i++) {
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const list = cells.get(key(cx[i]! + ox, cy[i]! + oy));
          if (!list) continue;
          for (const j of list) {
            if (j <= i) continue;
            const ddx = xs[j]! - xs[i]!;
            const ddy = ys[j]! - ys[i]!;
            const need = radii[i]! + radii[j]! + options.margin;
            const d2 = ddx * ddx + ddy * ddy;
            if (d2 >= need * need) continue;
            overlaps++;
            const d = Math.sqrt(d2);
            let ux: number;
            let uy: number;
            if (d > 1e-9) {
              ux = ddx / d;
              uy = ddy / d;
            } else {
              const angle = 2 * Math.PI * options.rng();
              ux = Math.cos(angle);
              uy = Math.sin(angle);
            }
            // Each node moves half the overlap, the larger share going to the smaller node.
            const push = need - d;
            const share = radii[i]! / (radii[i]! + radii[j]! || 1);
            dx[i]! -= ux * push * (1 - share);
            dy[i]! -= uy * push * (1 - share);
            dx[j]! += ux * push * share;
            dy[j]! += uy * push * share;
          }
        }
      }
    }
    if (overlaps === 0) break;
    for (let i = 0; i < n; i++) {
      xs[i]! += dx[i]!;
      ys[i]! += dy[i]!;
    }
    // In a jammed clump the pushes cancel out and local passes stall. Spreading the whole map uniformly from its
    // centre then makes room without changing its shape (sigma fits the map's extent to the screen anyway).
    if (overlaps > previous * 0.95) expand(xs, ys, EXPANSION);
    previous = overlaps;
    options.onPass?.(pass + 1);
  }
  return overlaps;
}
