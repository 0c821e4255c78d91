/**
 * PNG of what the explorer shows, for the export menu: @sigma/export-image renders the current camera into a fresh
 * canvas on a white background; the legend is then painted onto that canvas when asked.
 *
 * Scale: 2x/4x must enlarge everything (nodes, labels, edges), not just the viewport, so the capture runs with the
 * page's devicePixelRatio set to the scale (sigma and export-image both read it). The ratio is the scale itself,
 * not scale x screen ratio, to keep 4x captures inside browsers' canvas limits.
 * @sigma/export-image (and sigma with it) is imported on first capture: sigma touches WebGL when its module loads,
 * which would break every jsdom test importing this file, and the capture code is not needed at start-up.
 */
import type Sigma from "sigma";

export interface LegendEntry {
  label: string;
  color: string;
}

const LEGEND_FONT = "Inter, system-ui, sans-serif";

/** Where the legend box and each entry go, in canvas pixels (pure, for tests and for drawing). */
export function legendLayout(items: LegendEntry[], ratio: number, measure: (text: string) => number) {
  const pad = 10 * ratio, row = 20 * ratio, dot = 6 * ratio, gap = 8 * ratio, font = 13 * ratio;
  const textWidth = Math.max(0, ...items.map((i) => measure(i.label)));
  return {
    font,
    box: { x: pad, y: pad, width: pad * 2 + dot * 2 + gap + textWidth, height: pad * 2 + row * items.length },
    entries: items.map((item, i) => ({
      ...item,
      cx: pad * 2 + dot,
      cy: pad * 2 + row * i + row / 2,
      r: dot,
      textX: pad * 2 + dot * 2 + gap,
      textY: pad * 2 + row * i + row / 2,
    })),
  };
}

export function drawLegend(ctx: CanvasRenderingContext2D, items: LegendEntry[], ratio: number): void {
  if (!items.length) return;
  ctx.save();
  ctx.font = `${13 * ratio}px ${LEGEND_FONT}`;
  const layout = legendLayout(items, ratio, (t) => ctx.measureText(t).width);
  ctx.fillStyle = "rgba(255,255,255,0.92)";
  ctx.strokeStyle = "#d5d8e0";
  ctx.lineWidth = ratio;
  ctx.fillRect(layout.box.x, layout.box.y, layout.box.width, layout.box.height);
  ctx.strokeRect(layout.box.x, layout.box.y, layout.box.width, layout.box.height);
  ctx.textBaseline = "middle";
  for (const e of layout.entries) {
    ctx.beginPath();
    ctx.arc(e.cx, e.cy, e.r, 0, Math.PI * 2);
    ctx.fillStyle = e.color;
    ctx.fill();
    ctx.fillStyle = "#1f2330";
    ctx.fillText(e.label, e.textX, e.textY);
  }
  ctx.restore();
}

/** Run `fn` with window.devicePixelRatio reading `ratio`, restoring the page's own value afterwards. */
async function withPixelRatio<T>(ratio: number, fn: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  try {
    Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => ratio });
  } catch {
    return fn(); // not overridable here: capture at the screen's ratio rather than fail
  }
  try {
    return await fn();
  } finally {
    if (own) Object.defineProperty(window, "devicePixelRatio", own);
    else delete (window as unknown as Record<string, unknown>).devicePixelRatio;
  }
}

export async function capturePng(
  sigma: Sigma,
  opts: { scale: 1 | 2 | 4; legend: boolean; legendItems: { label: string; color: string }[] },
): Promise<Blob> {
  const { drawOnCanvas } = await import("@sigma/export-image");
  const canvas = await withPixelRatio(opts.scale, () => drawOnCanvas(sigma, { backgroundColor: "#ffffff" }));
  const ctx = canvas.getContext("2d");
  if (opts.legend && ctx) drawLegend(ctx, opts.legendItems, opts.scale);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The browser could not encode the PNG (canvas too large?)."))), "image/png");
  });
}
