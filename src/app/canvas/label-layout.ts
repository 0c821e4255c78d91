/**
 * Which labels a frame shows and where (pure, no sigma: unit-tested; used by the canvas layer and the PNG capture).
 * Candidates come from sigma's label grid (the resting view: sigma picks a few per grid cell, see settings.ts) or from
 * every drawn node (exports), plus the lit neighbourhood (forced labels) and the cluster labels; src/model/
 * label-placement.ts places them so that none overlaps another. Order of importance:
 *   0 the selected and the hovered node, 1 the collaboration path, 2 the rest of the lit neighbourhood,
 *   3 the hubs' resting labels (drawn at least HUB_SIZE px), 3.5 cluster names (which then step above or below a hub's
 *   name rather than hide it), 4 the other resting labels (larger nodes first).
 * Lit labels that find no room are returned by key, for the explorer to list by name.
 */
import { clusterLabelAlpha, placeLabels, shorten, type Box, type ClusterLabelSpec, type LabelCandidate, type PlacedLabel } from "../../model/label-placement";
import { compareStrings } from "../../model/compare";

export const LABEL_FONT_FAMILY = "Inter, system-ui, sans-serif";
export const NODE_LABEL = { size: 12, weight: 500 };
export const FOCUS_LABEL = { size: 13, weight: 600 };
export const CLUSTER_LABEL_WEIGHT = 600;
/** Resting labels of nodes drawn smaller than this (radius, px) are left out, as sigma's labelRenderedSizeThreshold. */
export const LABEL_SIZE_THRESHOLD = 6;
/** Resting nodes drawn at least this large are hubs: their names go before the cluster names. */
export const HUB_SIZE = 10;
const LINE = 1.3;

export type Measure = (text: string, fontSize: number, weight: number) => number;

export interface NodeLabelEntry {
  key: string;
  label: string | null | undefined;
  /** Viewport position and rendered radius. */
  x: number;
  y: number;
  size: number;
  forceLabel: boolean;
}

export interface LabelRoles {
  selected: string | null;
  hovered: string | null;
  path: ReadonlySet<string>;
  /** Lit nodes (null: nothing is lit). */
  lit: ReadonlySet<string> | null;
}

export interface FrameLabel extends PlacedLabel {
  fontSize: number;
  weight: number;
  /** Cluster labels: their group's colour and opacity. */
  color?: string;
  alpha: number;
  /** The selected / hovered node: drawn on a box. */
  focus: boolean;
}

export interface LabelFrame {
  labels: FrameLabel[];
  /** Lit nodes whose label found no room, most important first. */
  unplacedLit: string[];
}

function rank(key: string, size: number, roles: LabelRoles): number {
  if (key === roles.selected || key === roles.hovered) return 0;
  if (roles.path.has(key)) return 1;
  if (roles.lit?.has(key)) return 2;
  return size >= HUB_SIZE ? 3 : 4;
}

export function nodeCandidates(entries: Iterable<NodeLabelEntry>, roles: LabelRoles, measure: Measure): LabelCandidate[] {
  const seen = new Set<string>();
  const list: { c: LabelCandidate; size: number }[] = [];
  for (const e of entries) {
    if (seen.has(e.key) || typeof e.label !== "string" || e.label === "") continue;
    seen.add(e.key);
    const priority = rank(e.key, e.size, roles);
    // With something lit, the dimmed rest keeps quiet (its labels are null already; this covers exports as shown).
    if (priority >= 3 && roles.lit) continue;
    if (priority >= 3 && !e.forceLabel && e.size < LABEL_SIZE_THRESHOLD) continue;
    const font = priority === 0 ? FOCUS_LABEL : NODE_LABEL;
    const text = shorten(e.label, priority <= 2 ? 60 : 48);
    const width = measure(text, font.size, font.weight) + (priority === 0 ? 8 : 0);
    list.push({
      size: e.size,
      c: { key: e.key, text, kind: "node", x: e.x, y: e.y, r: e.size, width, height: font.size * LINE + (priority === 0 ? 4 : 0), priority, flexible: priority <= 2 },
    });
  }
  list.sort((a, b) => a.c.priority - b.c.priority || b.size - a.size || compareStrings(a.c.key, b.c.key));
  return list.map((l) => l.c);
}

export interface ProjectedCluster {
  spec: ClusterLabelSpec;
  /** Viewport position of the centroid. */
  x: number;
  y: number;
}

export function clusterCandidates(clusters: readonly ProjectedCluster[], measure: Measure): LabelCandidate[] {
  return clusters.map(({ spec, x, y }) => ({
    key: `cluster:${spec.id}`,
    text: spec.label,
    kind: "cluster" as const,
    x,
    y,
    r: 0,
    width: measure(spec.label, spec.fontSize, CLUSTER_LABEL_WEIGHT),
    height: spec.fontSize * LINE,
    priority: 3.5,
    flexible: true,
  }));
}

/** The frame: placed labels with their fonts, and the lit nodes left without a label. */
export function layoutFrame(
  nodes: LabelCandidate[],
  clusters: readonly ProjectedCluster[],
  options: { bounds: Box | null; cameraRatio: number; measure: Measure; blocked?: readonly Box[] },
): LabelFrame {
  const alpha = clusterLabelAlpha(options.cameraRatio);
  const clusterCands = alpha > 0.05 ? clusterCandidates(clusters, options.measure) : [];
  const specOf = new Map(clusters.map((c) => [`cluster:${c.spec.id}`, c.spec]));
  const { placed, unplaced } = placeLabels([...nodes, ...clusterCands], { bounds: options.bounds, padding: 2, blocked: options.blocked });
  const labels: FrameLabel[] = placed.map((p) => {
    if (p.kind === "cluster") {
      const spec = specOf.get(p.key)!;
      return { ...p, fontSize: spec.fontSize, weight: CLUSTER_LABEL_WEIGHT, color: spec.color, alpha, focus: false };
    }
    const font = p.priority === 0 ? FOCUS_LABEL : NODE_LABEL;
    return { ...p, fontSize: font.size, weight: font.weight, alpha: 1, focus: p.priority === 0 };
  });
  const unplacedLit = unplaced.filter((c) => c.kind === "node" && c.priority <= 2).map((c) => c.key);
  return { labels, unplacedLit };
}

/** Canvas text measure with a memo per font (labels repeat frame after frame). */
export function canvasMeasure(ctx: CanvasRenderingContext2D): Measure {
  const memo = new Map<string, number>();
  return (text, size, weight) => {
    const id = `${size}|${weight}|${text}`;
    let w = memo.get(id);
    if (w === undefined) {
      ctx.font = `${weight} ${size}px ${LABEL_FONT_FAMILY}`;
      w = ctx.measureText(text).width;
      if (memo.size > 20_000) memo.clear();
      memo.set(id, w);
    }
    return w;
  };
}
