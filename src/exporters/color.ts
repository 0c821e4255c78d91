/** CSS colour strings as the graph stores them ("#rrggbb", "#rgb", "#rrggbbaa", "rgb()", "rgba()") to RGBA. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  a: number;
}

const FALLBACK: Rgba = { r: 153, g: 153, b: 153, a: 1 };

export function parseColor(color: unknown): Rgba {
  if (typeof color !== "string") return FALLBACK;
  const c = color.trim();
  let m = /^#([0-9a-f]{3,4})$/i.exec(c);
  if (m) {
    const h = m[1]!;
    const d = (i: number) => parseInt(h[i]! + h[i]!, 16);
    return { r: d(0), g: d(1), b: d(2), a: h.length === 4 ? d(3) / 255 : 1 };
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(c);
  if (m) {
    const h = m[1]!;
    return {
      r: parseInt(h.slice(0, 2), 16),
      g: parseInt(h.slice(2, 4), 16),
      b: parseInt(h.slice(4, 6), 16),
      a: m[2] ? parseInt(m[2], 16) / 255 : 1,
    };
  }
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(c);
  if (m) {
    const ch = (s: string) => Math.max(0, Math.min(255, Math.round(Number(s))));
    return { r: ch(m[1]!), g: ch(m[2]!), b: ch(m[3]!), a: m[4] === undefined ? 1 : Math.max(0, Math.min(1, Number(m[4]))) };
  }
  return FALLBACK;
}

export function toHex({ r, g, b }: Rgba): string {
  return "#" + [r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("");
}
