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
import { packPair } from "../../../model/pair-key";

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

/** Nodes bucketed by grid cell, each cell's members in ascending node order (the order of the old per-cell lists). */
interface Cells {
  members: Int32Array;
  /** [from, to) of the cell (cx, cy) in members; an empty range outside the grid. */
  range(cx: number, cy: number): [number, number];
}

const EMPTY_RANGE: [number, number] = [0, 0];

/**
 * A counting sort of the nodes into a dense grid (linear, no object per cell) when the map's extent in cells is at
 * most a few times the node count, as after ForceAtlas2; otherwise (a few nodes flung far away) a map from cell to range.
 */
function gridOf(xs: Float64Array, ys: Float64Array, minX: number, minY: number, cell: number, cx: Int32Array, cy: Int32Array): { cx: Int32Array; cy: Int32Array; cells: Cells } {
  const n = xs.length;
  let width = 0;
  let height = 0;
  for (let i = 0; i < n; i++) {
    cx[i] = Math.floor((xs[i]! - minX) / cell);
    cy[i] = Math.floor((ys[i]! - minY) / cell);
    width = Math.max(width, cx[i]! + 1);
    height = Math.max(height, cy[i]! + 1);
  }
  const members = new Int32Array(n);
  if (width * height <= 4 * n + 1024) {
    const start = new Int32Array(width * height + 1);
    for (let i = 0; i < n; i++) start[cx[i]! * height + cy[i]! + 1]!++;
    for (let c = 0; c < width * height; c++) start[c + 1]! += start[c]!;
    const fill = start.slice(0, width * height);
    for (let i = 0; i < n; i++) members[fill[cx[i]! * height + cy[i]!]!++] = i;
    const pair: [number, number] = [0, 0];
    return {
      cx,
      cy,
      cells: {
        members,
        range(x, y) {
          if (x < 0 || y < 0 || x >= width || y >= height) return EMPTY_RANGE;
          pair[0] = start[x * height + y]!;
          pair[1] = start[x * height + y + 1]!;
          return pair;
        },
      },
    };
  }
  // Cell key: the two coordinates packed into one number (exact below 2^26 cells a side).
  const key = packPair;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(key(cx[i]!, cy[i]!), (counts.get(key(cx[i]!, cy[i]!)) ?? 0) + 1);
  const ranges = new Map<number, [number, number]>();
  let at = 0;
  for (const [k, c] of counts) {
    ranges.set(k, [at, at]);
    at += c;
  }
  for (let i = 0; i < n; i++) {
    const r = ranges.get(key(cx[i]!, cy[i]!))!;
    members[r[1]++] = i;
  }
  return { cx, cy, cells: { members, range: (x, y) => ranges.get(key(x, y)) ?? EMPTY_RANGE } };
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
  const cx0 = new Int32Array(n);
  const cy0 = new Int32Array(n);

  for (let pass = 0; pass < options.maxPasses; pass++) {
    let minX = Infinity;
    let minY = Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
    }
    const { cx, cy, cells } = gridOf(xs, ys, minX, minY, cell, cx0, cy0);
    dx.fill(0);
    dy.fill(0);
    overlaps = 0;
    for (let i = 0; i < n; i++) {
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const [from, to] = cells.range(cx[i]! + ox, cy[i]! + oy);
          for (let at = from; at < to; at++) {
            const j = cells.members[at]!;
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
