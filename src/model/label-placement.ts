/**
 * Where labels go, so that no two ever overlap: one rule for the canvas (resting view and lit neighbourhoods), the PNG
 * and the SVG. Pure geometry in screen units (y down); callers measure text and say how important each label is.
 *
 * Greedy by priority (then by the order given, which callers make "largest node first"): each label takes the first
 * of its candidate positions whose box, grown by `padding`, touches no box already placed and stays inside `bounds`.
 * Fixed labels (the resting view) try only the right of their node, sigma's convention, so they do not jump around
 * while the camera moves; flexible ones (a lit neighbourhood) also try left, above, below and the four diagonals.
 * What finds no room is returned unplaced (the explorer lists the lit ones by name). Boxes live in a hash grid, so
 * n labels cost O(n) checks for labels of ordinary size.
 *
 * Cluster labels (clusterLabelSpecs): one per group with its own colour and enough drawn members, at the centroid of
 * those members, in a font growing with the square root of the group's share of the largest one.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type LabelKind = "node" | "cluster";

export interface LabelCandidate {
  key: string;
  text: string;
  kind: LabelKind;
  /** Anchor: the node's centre (node labels) or the label's centre (cluster labels). */
  x: number;
  y: number;
  /** Node radius (0 for cluster labels). */
  r: number;
  width: number;
  height: number;
  /** Lower goes first. */
  priority: number;
  /** Whether positions other than the default may be tried. */
  flexible: boolean;
}

export interface PlacedLabel {
  key: string;
  text: string;
  kind: LabelKind;
  box: Box;
  /** Where to draw: left edge of the text and its vertical middle (textBaseline "middle", textAlign "left"). */
  textX: number;
  textY: number;
  priority: number;
}

export interface PlaceOptions {
  /** Empty room kept around every box. */
  padding?: number;
  /** Labels must lie inside (the viewport); boxes outside are tried elsewhere or dropped. */
  bounds?: Box | null;
  /** Gap between a node's disc and its label. */
  gap?: number;
  /** Regions no label may touch (a legend or a panel drawn over the picture). */
  blocked?: readonly Box[];
}

export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const inside = (b: Box, bounds: Box): boolean => b.x0 >= bounds.x0 && b.y0 >= bounds.y0 && b.x1 <= bounds.x1 && b.y1 <= bounds.y1;

/** Candidate top-left corners for a label, in the order tried. */
function positions(c: LabelCandidate, gap: number): [number, number][] {
  const { x, y, r, width: w, height: h } = c;
  if (c.kind === "cluster") {
    const cx = x - w / 2, cy = y - h / 2;
    return c.flexible ? [[cx, cy], [cx, cy - h], [cx, cy + h], [cx, cy - 2 * h], [cx, cy + 2 * h]] : [[cx, cy]];
  }
  const right: [number, number] = [x + r + gap, y - h / 2];
  if (!c.flexible) return [right];
  // Above and below clear both the disc and the band a side label would take, so they never collide with one.
  const v = Math.max(r, h / 2) + gap;
  const d = r * 0.7 + gap; // diagonal: just off the disc's edge at 45 degrees
  return [
    right,
    [x - r - gap - w, y - h / 2],
    [x - w / 2, y - v - h],
    [x - w / 2, y + v],
    [x + d, y - v - h],
    [x + d, y + v],
    [x - d - w, y - v - h],
    [x - d - w, y + v],
  ];
}

/** Boxes in a uniform hash grid: a box is registered in every cell it covers. */
class BoxGrid {
  private cells = new Map<string, Box[]>();
  constructor(private readonly cell: number) {}
  private *keys(b: Box): Generator<string> {
    const c = this.cell;
    for (let i = Math.floor(b.x0 / c); i <= Math.floor(b.x1 / c); i++) {
      for (let j = Math.floor(b.y0 / c); j <= Math.floor(b.y1 / c); j++) yield `${i},${j}`;
    }
  }
  hits(b: Box): boolean {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) for (const o of list) if (overlaps(o, b)) return true;
    }
    return false;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
}

export function placeLabels(candidates: readonly LabelCandidate[], options: PlaceOptions = {}): { placed: PlacedLabel[]; unplaced: LabelCandidate[] } {
  const pad = options.padding ?? 2;
  const gap = options.gap ?? 3;
  const bounds = options.bounds ?? null;
  const order = candidates.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || a.i - b.i);
  const maxH = Math.max(16, ...candidates.map((c) => (Number.isFinite(c.height) ? c.height : 0)));
  const grid = new BoxGrid(Math.min(512, Math.ceil(maxH * 4)));
  for (const b of options.blocked ?? []) if ([b.x0, b.y0, b.x1, b.y1].every(Number.isFinite)) grid.add(b);
  const placed: PlacedLabel[] = [];
  const unplaced: LabelCandidate[] = [];
  for (const { c } of order) {
    if (!(c.width > 0 && c.height > 0) || !Number.isFinite(c.x) || !Number.isFinite(c.y)) {
      unplaced.push(c);
      continue;
    }
    let done = false;
    for (const [x0, y0] of positions(c, gap)) {
      const box = { x0, y0, x1: x0 + c.width, y1: y0 + c.height };
      if (bounds && !inside(box, bounds)) continue;
      // The candidate is grown by the padding, the stored box is not: placed labels end up at least `padding` apart.
      const grown = { x0: box.x0 - pad, y0: box.y0 - pad, x1: box.x1 + pad, y1: box.y1 + pad };
      if (grid.hits(grown)) continue;
      grid.add(box);
      placed.push({ key: c.key, text: c.text, kind: c.kind, box, textX: x0, textY: y0 + c.height / 2, priority: c.priority });
      done = true;
      break;
    }
    if (!done) unplaced.push(c);
  }
  return { placed, unplaced };
}

/** Pairs of boxes that overlap (for tests and test hooks: the answer must always be empty). */
export function overlappingPairs(boxes: readonly Box[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) out.push([i, j]);
  return out;
}

/** A label cut to `max` characters (code points) with an ellipsis; the full text stays available to the caller. */
export function shorten(text: string, max = 48): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join("").trimEnd() + "…";
}

// ---------------------------------------------------------------------------------------------------------------
// Cluster labels

export interface ClusterMember {
  group: number;
  x: number;
  y: number;
}

export interface ClusterLabelSpec {
  id: number;
  label: string;
  color: string;
  /** Centroid of the drawn members, in the members' coordinates. */
  x: number;
  y: number;
  /** Drawn members. */
  count: number;
  /** Font size in pixels at the default zoom. */
  fontSize: number;
}

export const CLUSTER_FONT: { min: number; max: number } = { min: 13, max: 22 };

/**
 * Cluster labels for the drawn members: groups with at least `minMembers` of them (and 2% of the drawn nodes) whose
 * colour is their own (`labelled(id)`; the shared "other" and "no links" colours name no single group), largest first,
 * at most `max`.
 */
export function clusterLabelSpecs(
  members: Iterable<ClusterMember>,
  info: (id: number) => { label: string; color: string } | null,
  options: { minMembers?: number; max?: number } = {},
): ClusterLabelSpec[] {
  const sums = new Map<number, { x: number; y: number; n: number }>();
  let total = 0;
  for (const m of members) {
    if (!Number.isFinite(m.x) || !Number.isFinite(m.y)) continue;
    total++;
    const s = sums.get(m.group);
    if (s) {
      s.x += m.x;
      s.y += m.y;
      s.n++;
    } else sums.set(m.group, { x: m.x, y: m.y, n: 1 });
  }
  const min = Math.max(options.minMembers ?? 3, Math.ceil(total * 0.02));
  const specs: Omit<ClusterLabelSpec, "fontSize">[] = [];
  for (const [id, s] of sums) {
    if (s.n < min) continue;
    const i = info(id);
    if (!i || !i.label) continue;
    specs.push({ id, label: i.label, color: i.color, x: s.x / s.n, y: s.y / s.n, count: s.n });
  }
  specs.sort((a, b) => b.count - a.count || a.id - b.id);
  const kept = specs.slice(0, options.max ?? 24);
  const largest = kept[0]?.count ?? 1;
  return kept.map((s) => ({ ...s, fontSize: Math.round(CLUSTER_FONT.min + (CLUSTER_FONT.max - CLUSTER_FONT.min) * Math.sqrt(s.count / largest)) }));
}

/**
 * How opaque cluster labels are at a camera ratio (sigma: 1 shows the whole graph, smaller is closer): full from
 * `full` up, fading to nothing at `gone`, so they name regions from afar and step aside for node labels up close.
 */
export function clusterLabelAlpha(ratio: number, full = 0.45, gone = 0.12): number {
  if (!Number.isFinite(ratio)) return 1;
  return Math.min(1, Math.max(0, (ratio - gone) / (full - gone)));
}

/** Rough advance width where no canvas can measure (the SVG): wide scripts ~1 em, capitals and m/w ~0.8, thin ~0.3. */
export function estimateTextWidth(s: string, fontSize: number, weight = 500): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x0300 && cp <= 0x036f) continue; // combining marks take no room
    if (cp >= 0x1100) w += 1;
    else if (/[MWmw@%]/.test(ch)) w += 0.86;
    else if (/[A-Z]/.test(ch)) w += 0.7;
    else if (/[iljtfrI.,;:'!|() ]/.test(ch)) w += 0.34;
    else w += 0.58;
  }
  return w * fontSize * (weight >= 600 ? 1.05 : 1);
}
