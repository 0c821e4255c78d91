/**
 * Which node a tap means (pure, unit-tested): a finger covers ~10 mm, far more than a small disc, and sigma's pixel
 * picking answers with whatever is drawn under the exact point (often an edge's neighbour, or nothing). So: the
 * topmost disc under the point; else the disc whose edge is nearest, within `radius` CSS pixels (a fingertip).
 */
export interface DrawnNode {
  key: string;
  /** Viewport position and rendered radius, CSS pixels. */
  x: number;
  y: number;
  r: number;
  /** Draw order (higher is on top). */
  z: number;
}

export const TOUCH_RADIUS = 22;

export function pickNode(nodes: Iterable<DrawnNode>, at: { x: number; y: number }, radius = TOUCH_RADIUS): string | null {
  let under: DrawnNode | null = null;
  let underD = Infinity;
  let near: DrawnNode | null = null;
  let nearGap = Infinity;
  for (const n of nodes) {
    if (!Number.isFinite(n.x) || !Number.isFinite(n.y)) continue;
    const d = Math.hypot(n.x - at.x, n.y - at.y);
    const r = Math.max(0, n.r);
    if (d <= r) {
      // On top wins; between discs on one layer, the one whose centre is closer.
      if (!under || n.z > under.z || (n.z === under.z && d < underD)) {
        under = n;
        underD = d;
      }
      continue;
    }
    const gap = d - r;
    if (gap <= radius && (gap < nearGap || (gap === nearGap && near !== null && n.r > near.r))) {
      near = n;
      nearGap = gap;
    }
  }
  return (under ?? near)?.key ?? null;
}
