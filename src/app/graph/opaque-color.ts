/**
 * "#RRGGBBAA" / "rgba()" -> the opaque colour it shows over the canvas background. Sigma blends as if colours were
 * premultiplied, so a translucent grey edge on a light background comes out white (invisible): flatten it first.
 * Pure and memoised (graphs use a handful of distinct colours).
 */
export const CANVAS_BACKGROUND = "#fbfbfc";

const cache = new Map<string, string>();
/** Over the canvas background (every drawn node and edge): keyed by the colour alone, no key to build per call. */
const onCanvas = new Map<string, string>();

function hex2(n: number): string {
  return Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, "0");
}

function parse(color: string): [number, number, number, number] | null {
  const c = color.trim();
  let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?$/i.exec(c);
  if (m) return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16), m[4] ? parseInt(m[4], 16) / 255 : 1];
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])?$/i.exec(c);
  if (m) return [parseInt(m[1]! + m[1], 16), parseInt(m[2]! + m[2], 16), parseInt(m[3]! + m[3], 16), m[4] ? parseInt(m[4] + m[4], 16) / 255 : 1];
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(c);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] !== undefined ? Number(m[4]) : 1];
  return null;
}

export function opaqueColor(color: string, background: string = CANVAS_BACKGROUND): string {
  if (background === CANVAS_BACKGROUND) {
    const hit = onCanvas.get(color);
    if (hit !== undefined) return hit;
  }
  const key = `${color}|${background}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const fg = parse(color);
  const bg = parse(background);
  let out = color;
  if (fg && bg && fg[3] < 1) {
    const a = Math.max(0, Math.min(1, fg[3]));
    out = "#" + [0, 1, 2].map((i) => hex2(fg[i]! * a + bg[i]! * (1 - a))).join("");
  }
  cache.set(key, out);
  if (background === CANVAS_BACKGROUND) onCanvas.set(color, out);
  return out;
}
