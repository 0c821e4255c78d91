/**
 * Camera target that frames a set of nodes, from their positions in sigma's normalised ("framed graph") space, where
 * ratio 1 shows the whole graph. Pure, so it is tested without a renderer.
 */
export interface Point {
  x: number;
  y: number;
}

export interface CameraTarget {
  x: number;
  y: number;
  ratio: number;
}

/** One node: centre on it, zoomed in to at least `singleRatio`. Several: their bounding box with a margin. */
export function fitCamera(points: Point[], currentRatio: number, singleRatio = 0.3): CameraTarget | null {
  const ps = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (ps.length === 0) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of ps) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const x = (minX + maxX) / 2;
  const y = (minY + maxY) / 2;
  if (ps.length === 1) return { x, y, ratio: Math.min(currentRatio, singleRatio) };
  const extent = Math.max(maxX - minX, maxY - minY);
  return { x, y, ratio: Math.min(1.2, Math.max(0.08, extent * 1.4)) };
}

/** Whether two camera states are the same view (so restoring one does not fight the user's own move). */
export function sameView(a: CameraTarget, b: CameraTarget): boolean {
  return Math.abs(a.x - b.x) < 1e-3 && Math.abs(a.y - b.y) < 1e-3 && Math.abs(a.ratio - b.ratio) / Math.max(a.ratio, b.ratio) < 1e-2;
}
