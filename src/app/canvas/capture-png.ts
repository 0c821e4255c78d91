/**
 * PNG of what the explorer shows, for the export menu. @sigma/export-image renders edges and nodes into a fresh canvas
 * with a temporary renderer; labels and cluster names are then placed by the same rule as on screen (label-layout.ts:
 * never overlapping) and painted on top, then the legend, listing every group drawn (or "+N more").
 *
 * - Colours: the temporary renderer gets reducers of the display handed in (the export menu's: real colours, without
 *   the on-screen dimming of a selection unless "as shown" is ticked) and the light look unless a dark one is asked.
 * - Framing: "screen" keeps the camera; "all" fits every drawn node beside the legend, as the SVG does.
 * - Legend: at most LEGEND_LINES lines in the top-left corner (then "+N more"); no label goes under it.
 * - Scale: 2x/4x must enlarge everything (nodes, labels, edges), not just the viewport, so the capture runs with the
 *   page's devicePixelRatio set to the scale (sigma and export-image both read it). The ratio is the scale itself,
 *   not scale x screen ratio, to keep 4x captures inside browsers' canvas limits.
 * @sigma/export-image (and sigma with it) is imported on first capture: sigma touches WebGL when its module loads,
 * which would break every jsdom test importing this file, and the capture code is not needed at start-up.
 */
import type Sigma from "sigma";
import type { Legend, Look } from "../../model/appearance";
import type { Box, ClusterLabelSpec } from "../../model/label-placement";
import { fitCamera } from "./camera-fit";
import { drawFrameLabels } from "./label-draw";
import { canvasMeasure, layoutFrame, nodeCandidates, type FrameLabel, type NodeLabelEntry } from "./label-layout";
import { legendLines, legendSize, linesThatFit, type LegendLine } from "../../model/legend-layout";
import { reduceEdge, reduceNode, type DisplayState, type DrawnEdge, type DrawnNode } from "./reducers";

const LEGEND_FONT = "Inter, system-ui, sans-serif";
/** Legend lines in a picture (title and "+N more" included): a legend, not a second picture over the first. */
const LEGEND_LINES = 14;
const MARGIN = 16;

type Tmp = Sigma;

/** Viewport box of the drawn nodes (discs included) in a renderer, or null when none is drawn. */
function drawnBox(tmp: Tmp): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  tmp.getGraph().forEachNode((key) => {
    const d = tmp.getNodeDisplayData(key);
    if (!d || d.hidden) return;
    const p = tmp.framedGraphToViewport(d);
    const r = tmp.scaleSize(d.size);
    x0 = Math.min(x0, p.x - r);
    y0 = Math.min(y0, p.y - r);
    x1 = Math.max(x1, p.x + r);
    y1 = Math.max(y1, p.y + r);
  });
  return x0 <= x1 ? { x0, y0, x1, y1 } : null;
}

/**
 * Moves the camera so the drawn nodes fill `region` (viewport pixels): zoom by the ratio of the sizes, then pan the
 * box's centre onto the region's. Two passes, since node discs keep their pixel size while the layout scales.
 */
function fitInto(tmp: Tmp, region: { x0: number; y0: number; x1: number; y1: number }): void {
  for (let pass = 0; pass < 2; pass++) {
    const box = drawnBox(tmp);
    if (!box) return;
    const camera = tmp.getCamera();
    const state = camera.getState();
    const zoom = Math.max((box.x1 - box.x0) / Math.max(1, region.x1 - region.x0), (box.y1 - box.y0) / Math.max(1, region.y1 - region.y0));
    const mid = { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
    const want = { x: (region.x0 + region.x1) / 2, y: (region.y0 + region.y1) / 2 };
    // The framed-graph point now drawn at `mid` must end up at `want` once zoomed: pan first, then zoom about it.
    const a = tmp.viewportToFramedGraph(mid);
    const b = tmp.viewportToFramedGraph(want);
    camera.setState({ ...state, x: state.x + (a.x - b.x), y: state.y + (a.y - b.y) });
    tmp.refresh();
    const s2 = camera.getState();
    const centre = tmp.viewportToFramedGraph(want);
    const ratio = s2.ratio * zoom;
    // Zoom about `want`: keep that graph point under it.
    camera.setState({ ...s2, ratio, x: centre.x + (s2.x - centre.x) * zoom, y: centre.y + (s2.y - centre.y) * zoom });
    tmp.refresh();
  }
}

export interface CaptureOptions {
  scale: 1 | 2 | 4;
  framing: "screen" | "all";
  display: DisplayState;
  look: Look;
  /** A drawn edge's colour in `look` (by render-graph edge key): the render graph holds the screen theme's. */
  edgeColor?: (key: string) => string;
  clusters: readonly ClusterLabelSpec[];
  legend: Legend | null;
}

export interface Capture {
  blob: Blob;
  /** Labels drawn, in CSS pixels of the unscaled picture (test hooks check that none overlaps another). */
  labels: FrameLabel[];
}

function legendBox(ctx: CanvasRenderingContext2D, lines: LegendLine[]) {
  return legendSize(lines, (t, bold) => {
    ctx.font = `${bold ? 600 : 400} 13px ${LEGEND_FONT}`;
    return ctx.measureText(t).width;
  });
}

function drawLegendBox(ctx: CanvasRenderingContext2D, lines: LegendLine[], look: Look): void {
  if (!lines.length) return;
  ctx.save();
  const size = legendBox(ctx, lines);
  ctx.globalAlpha = 0.94;
  ctx.fillStyle = look.panel;
  ctx.fillRect(size.x, size.y, size.width, size.height);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = look.panelLine;
  ctx.lineWidth = 1;
  ctx.strokeRect(size.x, size.y, size.width, size.height);
  ctx.textBaseline = "middle";
  for (const l of lines) {
    ctx.font = `${l.bold ? 600 : 400} 13px ${LEGEND_FONT}`;
    if (l.gradient) {
      const g = ctx.createLinearGradient(l.x, 0, l.x + l.gradient.width, 0);
      l.gradient.stops.forEach((c, i, all) => g.addColorStop(i / Math.max(1, all.length - 1), c));
      ctx.fillStyle = g;
      ctx.fillRect(l.x, l.y - 5, l.gradient.width, 10);
    } else if (l.swatch) {
      ctx.beginPath();
      ctx.arc(l.x + 6, l.y, 6, 0, Math.PI * 2);
      ctx.fillStyle = l.swatch;
      ctx.fill();
    }
    if (l.text) {
      ctx.fillStyle = look.label;
      ctx.fillText(l.text, l.textX, l.y);
    }
  }
  ctx.restore();
}

export async function capturePng(sigma: Sigma, opts: CaptureOptions): Promise<Capture> {
  const { drawOnCanvas } = await import("@sigma/export-image");
  const ds: DisplayState = { ...opts.display, look: opts.look };
  let labels: FrameLabel[] = [];
  let legend: LegendLine[] = [];
  let camera: { x: number; y: number; ratio: number; angle: number } | undefined;
  if (opts.framing === "all") {
    // The render graph holds exactly the visible nodes (render-graph.ts).
    const points = sigma.getGraph().nodes().map((k) => sigma.getNodeDisplayData(k)).filter((d) => d !== undefined);
    const fit = fitCamera(points, 1);
    camera = fit ? { ...fit, angle: 0 } : { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  }
  const canvas = await withPixelRatio(opts.scale, () =>
    drawOnCanvas(sigma, {
      backgroundColor: opts.look.background,
      layers: ["edges", "nodes"],
      ...(camera ? { cameraState: camera } : {}),
      sigmaSettings: {
        nodeReducer: (key, attrs) => ({ ...reduceNode(key, attrs as unknown as DrawnNode, ds) }),
        edgeReducer: (key, attrs) => {
          const drawn = attrs as unknown as DrawnEdge;
          return { ...reduceEdge(key, { ...drawn, color: opts.edgeColor?.(key) ?? drawn.color }, ds) };
        },
        renderLabels: false,
        defaultDrawNodeHover: () => undefined,
      },
      withTempRenderer: (tmp) => {
        const ctx = document.createElement("canvas").getContext("2d");
        if (!ctx) return;
        const measure = canvasMeasure(ctx);
        const { width, height } = tmp.getDimensions();
        // The legend is drawn over the top-left corner: no label goes under it, and a fitted picture keeps clear of it.
        legend = opts.legend ? legendLines(opts.legend, { x: 10, y: 10 }, Math.min(LEGEND_LINES, linesThatFit(height))) : [];
        const box = legend.length ? legendBox(ctx, legend) : null;
        const blocked = box ? [{ x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height }] : [];
        if (opts.framing === "all") {
          const beside = box && box.x + box.width < width / 2 ? box.x + box.width : 0;
          fitInto(tmp, { x0: beside + MARGIN, y0: MARGIN, x1: width - MARGIN, y1: height - MARGIN });
        }
        const entries: NodeLabelEntry[] = [];
        tmp.getGraph().forEachNode((key) => {
          const d = tmp.getNodeDisplayData(key);
          if (!d || d.hidden) return;
          const p = tmp.framedGraphToViewport(d);
          entries.push({ key, label: d.label, x: p.x, y: p.y, size: tmp.scaleSize(d.size), forceLabel: d.forceLabel === true });
        });
        const bounds: Box = { x0: 0, y0: 0, x1: width, y1: height };
        const roles = { selected: ds.selected, hovered: null, path: ds.path.nodes, lit: ds.highlight ? ds.highlight.nodes : null };
        const clusters = opts.clusters.map((spec) => ({ spec, ...tmp.graphToViewport({ x: spec.x, y: spec.y }) }));
        labels = layoutFrame(nodeCandidates(entries, roles, measure), clusters, { bounds, cameraRatio: tmp.getCamera().getState().ratio, measure, blocked }).labels;
      },
    }),
  );
  const ctx = canvas.getContext("2d");
  if (ctx) {
    ctx.save();
    ctx.scale(opts.scale, opts.scale);
    drawFrameLabels(ctx, labels, opts.look);
    drawLegendBox(ctx, legend, opts.look);
    ctx.restore();
  }
  const blob = await new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The browser could not encode the PNG (canvas too large?)."))), "image/png");
  });
  return { blob, labels };
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
