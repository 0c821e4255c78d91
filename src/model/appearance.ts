/**
 * How the graph looks, in one place: the pipeline writes its default look into graph.json with these functions, the
 * explorer colours and sizes what it draws with them, and the exporters colour what they write with them. Every
 * caller names the colour mode; nobody guesses it from colours. Pure (model/ imports nothing of ours but the contract).
 *
 * - Groups (research clusters, co-author communities): the palette's colours go to the largest groups in id order
 *   (ids are numbered by size), skipping the "No co-author links" bucket, which is the NONE colour like "no cluster".
 *   Groups past the palette share OTHER, a neutral that is never NONE, so "small group" and "no links" stay apart.
 * - Years: a node's first or mean publication year on a viridis-like gradient (perceptually ordered, readable with
 *   every common colour-vision deficiency); undated nodes are NONE.
 * - Sizes: square-root scale of the chosen metric within each node kind; edges 1..4 by weight within each kind.
 * - Themes: canvas background, label ink and halo, dimmed and focused colours, opaque edge colours per kind (sigma
 *   blends as if colours were premultiplied, so translucent greys would vanish on a light background).
 */
import type { ClusterInfo, EdgeKind, NodeAttributes, NodeKind } from "./graph-file";
import type { Lens } from "./view-filter";

/**
 * 20 categorical colours, chosen by a greedy max-min search over CIEDE2000 differences as seen with normal vision and
 * simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009; deficiency distances weighted x1.6, as they
 * run smaller), lightness L* 35..80 and chroma 28..78 so each reads on the light and the dark canvas, and at least 22
 * units (10 with a deficiency) from every neutral of the themes, "no links" and "other groups" included. Each prefix
 * is the best the greedy search found for its length, so a view with few groups gets the most distinct colours.
 * Measured in test/model/appearance.test.ts: the first 12 differ by >= 15 (normal vision), >= 9 (protanopia,
 * deuteranopia) and >= 7 (tritanopia); all 20 by >= 10, 7 and 5.5.
 */
export const PALETTE: readonly string[] = Object.freeze([
  "#0072B2", "#E69F00", "#B4003C", "#00D2F0", "#96C396", "#C3693C", "#8787FF", "#D278A5", "#874B78", "#00694B",
  "#FF7869", "#965A00", "#004BC3", "#00B469", "#E1C369", "#4BA5D2", "#0F9696", "#A55A69", "#960F87", "#5A87C3",
]);

/** No group: authors without co-author links, nodes without a research cluster, undated nodes in year colouring. */
export const NONE_COLOR = "#C5C9D1";
/** Groups beyond the palette share this warm neutral (never NONE_COLOR: "a small group" is not "no links"). */
export const OTHER_COLOR = "#9A948A";

export const NO_COAUTHORS_LABEL = "No co-author links";

// ---------------------------------------------------------------------------------------------------------------
// Colour modes

export type GroupMode = "topicCluster" | "community";
export type YearMode = "yearFirst" | "yearMean";
export type ResolvedColorMode = GroupMode | YearMode;
/** "auto": co-author communities in the co-author lens, research clusters elsewhere. */
export type ColorMode = "auto" | ResolvedColorMode;
export const COLOR_MODES: readonly ColorMode[] = ["auto", "topicCluster", "community", "yearFirst", "yearMean"];

export const COLOR_MODE_LABEL: Record<ResolvedColorMode, string> = {
  topicCluster: "research cluster",
  community: "co-author community",
  yearFirst: "first publication year",
  yearMean: "mean publication year",
};

export function isColorMode(s: unknown): s is ColorMode {
  return typeof s === "string" && (COLOR_MODES as readonly string[]).includes(s);
}

/** The colour mode a view uses: "auto" follows the lens (co-authors -> communities, the others -> research clusters). */
export function resolveColorMode(mode: ColorMode, lens: Lens): ResolvedColorMode {
  if (mode !== "auto") return mode;
  return lens === "coauthor" ? "community" : "topicCluster";
}

/** The grouping a colour mode colours by, or null for year colouring. */
export function groupModeOf(mode: ResolvedColorMode): GroupMode | null {
  return mode === "community" || mode === "topicCluster" ? mode : null;
}

export function groupOf(a: Pick<NodeAttributes, "community" | "topicCluster">, mode: GroupMode): number {
  const v = mode === "community" ? a.community : a.topicCluster;
  return typeof v === "number" && Number.isInteger(v) ? v : -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Groups

export type GroupTable = Record<string, ClusterInfo>;

/** The shared bucket of authors without co-author links (flagged since this version; older files: by its label). */
export function isNoLinks(info: ClusterInfo | undefined): boolean {
  if (!info) return false;
  return info.noLinks === true || (info.noLinks === undefined && info.label === NO_COAUTHORS_LABEL);
}

export interface GroupEntry {
  id: number;
  info: ClusterInfo;
}

/** Groups of a table, largest first (ties by id), ids that are not integers skipped. */
export function sortedGroups(table: GroupTable | undefined): GroupEntry[] {
  return Object.entries(table ?? {})
    .map(([id, info]) => ({ id: Number(id), info }))
    .filter((g) => Number.isInteger(g.id) && g.info && typeof g.info === "object")
    .sort((a, b) => b.info.size - a.info.size || a.id - b.id);
}

/**
 * Group id -> colour: palette colours by size rank among the groups that are not "no links" (ties by id), OTHER past
 * the palette, NONE for the no-links bucket. Ids missing from the map (including -1) are NONE: see groupColor. A group
 * with a `paletteRank` (the levels of a resolution ladder) takes that slot instead of its size rank.
 */
export function groupColors(table: GroupTable | undefined): Map<number, string> {
  const out = new Map<number, string>();
  let rank = 0;
  for (const g of sortedGroups(table)) {
    if (isNoLinks(g.info)) {
      out.set(g.id, NONE_COLOR);
      continue;
    }
    // A ladder level names each group's slot, so a group keeps its colour across levels; otherwise the size rank.
    const slot = Number.isInteger(g.info.paletteRank) && g.info.paletteRank! >= 0 ? g.info.paletteRank! : rank;
    rank++;
    out.set(g.id, slot < PALETTE.length ? PALETTE[slot]! : OTHER_COLOR);
  }
  return out;
}

export function groupColor(colors: Map<number, string>, id: number): string {
  return colors.get(id) ?? NONE_COLOR;
}

// ---------------------------------------------------------------------------------------------------------------
// Years

/** What appearance needs of a graph (graphology satisfies it). */
export interface AppearanceGraph {
  forEachNode(cb: (key: string, attributes: NodeAttributes) => void): void;
  forEachNeighbor(key: string, cb: (neighbor: string, attributes: NodeAttributes) => void): void;
}

/** Publication years behind a node: a paper's own; an author's or a topic's papers'. */
export function yearsOf(graph: AppearanceGraph, key: string, a: NodeAttributes): number[] {
  if (a.kind === "paper") return typeof a.year === "number" ? [a.year] : [];
  const years: number[] = [];
  graph.forEachNeighbor(key, (_n, na) => {
    if (na.kind === "paper" && typeof na.year === "number") years.push(na.year);
  });
  return years;
}

export function yearValue(years: number[], mode: YearMode): number | null {
  if (!years.length) return null;
  let min = Infinity, sum = 0;
  for (const y of years) {
    if (y < min) min = y;
    sum += y;
  }
  return mode === "yearFirst" ? min : sum / years.length;
}

/** viridis (matplotlib, CC0) at 9 stops, cut before its palest yellow so the newest years still read on white. */
const YEAR_STOPS = ["#440154", "#472D7B", "#3B528B", "#2C728E", "#21918C", "#28AE80", "#5EC962", "#ADDC30", "#D8E219"];
export const YEAR_GRADIENT: readonly string[] = Object.freeze([...YEAR_STOPS]);

function mix(a: string, b: string, t: number): string {
  const p = (h: string, i: number) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  return "#" + [0, 1, 2].map((i) => Math.round(p(a, i) + (p(b, i) - p(a, i)) * t).toString(16).padStart(2, "0")).join("").toUpperCase();
}

/** Colour of a year within [min, max] (the oldest dark violet, the newest yellow-green); NONE for null. */
export function yearColor(year: number | null, min: number, max: number): string {
  if (year === null || !Number.isFinite(year)) return NONE_COLOR;
  const t = max > min ? Math.min(1, Math.max(0, (year - min) / (max - min))) : 0.5;
  const pos = t * (YEAR_STOPS.length - 1);
  const i = Math.min(YEAR_STOPS.length - 2, Math.floor(pos));
  return mix(YEAR_STOPS[i]!, YEAR_STOPS[i + 1]!, pos - i);
}

/** Year of every node for a mode, and the range over the dated ones (null when nothing is dated). */
export function nodeYears(graph: AppearanceGraph, mode: YearMode): { years: Map<string, number | null>; range: [number, number] | null } {
  const years = new Map<string, number | null>();
  let lo = Infinity;
  let hi = -Infinity;
  graph.forEachNode((key, a) => {
    const y = yearValue(yearsOf(graph, key, a), mode);
    years.set(key, y);
    if (y !== null) {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  });
  return { years, range: lo <= hi ? [Math.floor(lo), Math.ceil(hi)] : null };
}

// ---------------------------------------------------------------------------------------------------------------
// Node colours for a mode

export interface GroupTables {
  communities?: GroupTable;
  topicClusters?: GroupTable;
}

export function tableOf(tables: GroupTables, mode: GroupMode): GroupTable {
  return (mode === "community" ? tables.communities : tables.topicClusters) ?? {};
}

/** Every node's colour in a mode (one pass; a few hundred thousand nodes take milliseconds). */
export function nodeColors(graph: AppearanceGraph, mode: ResolvedColorMode, tables: GroupTables): Map<string, string> {
  const out = new Map<string, string>();
  const group = groupModeOf(mode);
  if (group) {
    const colors = groupColors(tableOf(tables, group));
    graph.forEachNode((key, a) => out.set(key, groupColor(colors, groupOf(a, group))));
    return out;
  }
  const { years, range } = nodeYears(graph, mode as YearMode);
  for (const [key, y] of years) out.set(key, range ? yearColor(y, range[0], range[1]) : NONE_COLOR);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Legends

export interface LegendRow {
  label: string;
  color: string;
  /** Drawn nodes in this row. */
  count: number;
  /** "group": one group; "other": the groups past the palette, together; "none": no group / no links / undated. */
  kind: "group" | "other" | "none";
}

export type Legend =
  | { kind: "groups"; title: string; rows: LegendRow[]; /** Rows left out for room ("+N more"). */ more: number }
  | { kind: "years"; title: string; min: number; max: number; stops: readonly string[]; undated: number };

const noneLabel = (mode: GroupMode) => (mode === "community" ? "No community" : "No research cluster");

/**
 * The legend of what is drawn: every group with drawn nodes, largest first; the groups past the palette as one row
 * ("N smaller groups", their shared colour); no-group nodes as one row. At most `maxRows` rows: the rest is counted in
 * `more`. Year colouring: the gradient's range over the drawn nodes and the number of undated ones.
 */
export function legendFor(
  graph: AppearanceGraph & { getNodeAttributes(key: string): NodeAttributes },
  mode: ResolvedColorMode,
  tables: GroupTables,
  drawn: Iterable<string>,
  maxRows = Infinity,
): Legend {
  const group = groupModeOf(mode);
  if (!group) {
    // The gradient spans the whole graph's years (colours do not change with filters), so the legend shows that range.
    const { years, range } = nodeYears(graph, mode as YearMode);
    let undated = 0;
    for (const k of drawn) if ((years.get(k) ?? null) === null) undated++;
    return yearLegend(mode, range, undated);
  }
  const ids: number[] = [];
  for (const k of drawn) ids.push(groupOf(graph.getNodeAttributes(k), group));
  return groupLegend(group, tables, ids, maxRows);
}

/** A year legend: the gradient over `range` (the whole graph's years) and the number of undated nodes drawn. */
export function yearLegend(mode: ResolvedColorMode, range: [number, number] | null, undated: number): Legend {
  return { kind: "years", title: `Colour: ${COLOR_MODE_LABEL[mode]}`, min: range?.[0] ?? 0, max: range?.[1] ?? 0, stops: YEAR_GRADIENT, undated };
}

/** A group legend from the group id of every drawn node (-1 or an id missing from the table: no group). */
export function groupLegend(group: GroupMode, tables: GroupTables, drawnGroups: Iterable<number>, maxRows = Infinity): Legend {
  const title = `Colour: ${COLOR_MODE_LABEL[group]}`;
  const table = tableOf(tables, group);
  const colors = groupColors(table);
  const counts = new Map<number, number>();
  for (const id of drawnGroups) counts.set(id, (counts.get(id) ?? 0) + 1);
  const rows: LegendRow[] = [];
  let otherGroups = 0, otherNodes = 0, noneNodes = 0;
  let noneLabelText = noneLabel(group);
  for (const g of sortedGroups(table)) {
    const n = counts.get(g.id);
    if (!n) continue;
    counts.delete(g.id);
    const color = groupColor(colors, g.id);
    if (isNoLinks(g.info)) {
      noneNodes += n;
      noneLabelText = g.info.label || NO_COAUTHORS_LABEL;
    } else if (color === OTHER_COLOR) {
      otherGroups++;
      otherNodes += n;
    } else rows.push({ label: g.info.label || `Group ${g.id}`, color, count: n, kind: "group" });
  }
  for (const n of counts.values()) noneNodes += n; // -1 and ids missing from the table
  if (otherGroups) {
    rows.push({ label: `${otherGroups} smaller ${otherGroups === 1 ? "group" : "groups"} (one shared colour)`, color: OTHER_COLOR, count: otherNodes, kind: "other" });
  }
  if (noneNodes) rows.push({ label: noneLabelText, color: NONE_COLOR, count: noneNodes, kind: "none" });
  if (rows.length <= maxRows) return { kind: "groups", title, rows, more: 0 };
  const keep = Math.max(0, maxRows - 1);
  return { kind: "groups", title, rows: rows.slice(0, keep), more: rows.length - keep };
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes

export type SizeMetric = "pagerank" | "degree" | "betweenness" | "paperCount";
export const SIZE_METRICS: readonly SizeMetric[] = ["pagerank", "degree", "betweenness", "paperCount"];
export const DEFAULT_SIZE_METRIC: SizeMetric = "pagerank";
/** Radius range per kind, in pixels at the default zoom: authors and topics are the landmarks, papers the small print. */
export const SIZE_RANGE: Record<NodeKind, [number, number]> = { author: [3, 16], topic: [3, 14], paper: [2, 9] };

function metricValue(a: NodeAttributes, metric: SizeMetric): number | null {
  // Papers have no paperCount: size them by degree (authors + topics) so the metric still orders them.
  const v = metric === "paperCount" ? (a.kind === "paper" ? a.degree : a.paperCount) : a[metric];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Node radius per key: sqrt scale of the metric within each kind; a node without the metric gets its kind's minimum. */
export function computeSizes(graph: Pick<AppearanceGraph, "forEachNode">, metric: SizeMetric): Map<string, number> {
  const keys: string[] = [];
  const kinds: NodeKind[] = [];
  const values: (number | null)[] = [];
  graph.forEachNode((n, a) => {
    keys.push(n);
    kinds.push(a.kind);
    values.push(metricValue(a, metric));
  });
  const radii = sizesOf(keys.length, (i) => kinds[i]!, (i) => values[i]!);
  const sizes = new Map<string, number>();
  keys.forEach((k, i) => sizes.set(k, radii[i]!));
  return sizes;
}

/** The sizing rule over node indices (computeSizes and computeSizesAt share it): sqrt scale within each kind. */
function sizesOf(n: number, kindOf: (i: number) => NodeKind, valueOf: (i: number) => number | null): Float64Array {
  const ranges = new Map<NodeKind, [number, number]>();
  for (let i = 0; i < n; i++) {
    const v = valueOf(i);
    if (v === null) continue;
    const k = kindOf(i);
    const r = ranges.get(k);
    if (!r) ranges.set(k, [v, v]);
    else {
      if (v < r[0]) r[0] = v;
      if (v > r[1]) r[1] = v;
    }
  }
  const sizes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = kindOf(i);
    const [lo, hi] = SIZE_RANGE[k] ?? [3, 10];
    const v = valueOf(i);
    const r = ranges.get(k);
    if (v === null || !r) {
      sizes[i] = lo;
      continue;
    }
    const t = r[1] > r[0] ? Math.sqrt((v - r[0]) / (r[1] - r[0])) : 0.5;
    sizes[i] = round3(lo + (hi - lo) * t);
  }
  return sizes;
}

export const EDGE_SIZE_RANGE: [number, number] = [1, 4];

/** Edge width from its weight within its kind's [min, max] (sqrt scale); 1 when a kind has a single weight. */
export function edgeSize(weight: number, min: number, max: number): number {
  const [lo, hi] = EDGE_SIZE_RANGE;
  if (!(max > min) || !Number.isFinite(weight)) return lo;
  return round3(lo + (hi - lo) * Math.sqrt(Math.min(1, Math.max(0, (weight - min) / (max - min)))));
}

// ---------------------------------------------------------------------------------------------------------------
// The same rules over node indices (the explorer's CompactGraph: no attribute object per node)

/** What the index-based functions read; model/compact-graph.ts's CompactGraph satisfies it. */
export interface IndexedAppearanceGraph {
  readonly order: number;
  /** 0 author, 1 paper, 2 topic. */
  readonly kind: ArrayLike<number>;
  /** Papers' year, NaN when unknown. */
  readonly year: ArrayLike<number>;
  readonly community: ArrayLike<number>;
  readonly topicCluster: ArrayLike<number>;
  readonly degree: ArrayLike<number>;
  readonly pagerank: ArrayLike<number>;
  readonly betweenness: ArrayLike<number>;
  /** NaN where absent (papers). */
  readonly paperCount: ArrayLike<number>;
  /** Each distinct neighbour of node i once. */
  forEachNeighborIndex(i: number, callback: (j: number) => void): void;
}

const KIND_OF_CODE: readonly NodeKind[] = ["author", "paper", "topic"];
const PAPER_CODE = 1;

/** computeSizes over node indices. */
export function computeSizesAt(g: IndexedAppearanceGraph, metric: SizeMetric): Float64Array {
  const values = metric === "paperCount" ? null : g[metric];
  const valueOf = (i: number): number | null => {
    // Papers have no paperCount: sized by degree then, as computeSizes does.
    const v = values ? values[i]! : g.kind[i] === PAPER_CODE ? g.degree[i]! : g.paperCount[i]!;
    return Number.isFinite(v) ? v : null;
  };
  return sizesOf(g.order, (i) => KIND_OF_CODE[g.kind[i]!] ?? "author", valueOf);
}

/** nodeYears over node indices: each node's year value (NaN when undated) and the range over the dated ones. */
export function nodeYearsAt(g: IndexedAppearanceGraph, mode: YearMode): { years: Float64Array; range: [number, number] | null } {
  const years = new Float64Array(g.order);
  let lo = Infinity;
  let hi = -Infinity;
  const own: number[] = [];
  for (let i = 0; i < g.order; i++) {
    own.length = 0;
    if (g.kind[i] === PAPER_CODE) {
      if (!Number.isNaN(g.year[i]!)) own.push(g.year[i]!);
    } else {
      g.forEachNeighborIndex(i, (j) => {
        if (g.kind[j] === PAPER_CODE && !Number.isNaN(g.year[j]!)) own.push(g.year[j]!);
      });
    }
    const y = yearValue(own, mode);
    years[i] = y ?? NaN;
    if (y !== null) {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  }
  return { years, range: lo <= hi ? [Math.floor(lo), Math.ceil(hi)] : null };
}

/** nodeColors over node indices. */
export function nodeColorsAt(g: IndexedAppearanceGraph, mode: ResolvedColorMode, tables: GroupTables): string[] {
  const out = new Array<string>(g.order);
  const group = groupModeOf(mode);
  if (group) {
    const colors = groupColors(tableOf(tables, group));
    const ids = group === "community" ? g.community : g.topicCluster;
    for (let i = 0; i < g.order; i++) out[i] = groupColor(colors, Number.isInteger(ids[i]) ? ids[i]! : -1);
    return out;
  }
  const { years, range } = nodeYearsAt(g, mode as YearMode);
  for (let i = 0; i < g.order; i++) out[i] = range ? yearColor(Number.isNaN(years[i]!) ? null : years[i]!, range[0], range[1]) : NONE_COLOR;
  return out;
}

/** legendFor over node indices; `years` is nodeYearsAt's result for year modes (computed once per mode by the caller). */
export function legendForAt(
  g: IndexedAppearanceGraph,
  mode: ResolvedColorMode,
  tables: GroupTables,
  drawn: Iterable<number>,
  years: { years: Float64Array; range: [number, number] | null } | null,
  maxRows = Infinity,
): Legend {
  const group = groupModeOf(mode);
  if (!group) {
    const y = years ?? nodeYearsAt(g, mode as YearMode);
    let undated = 0;
    for (const i of drawn) if (Number.isNaN(y.years[i]!)) undated++;
    return yearLegend(mode, y.range, undated);
  }
  const ids = group === "community" ? g.community : g.topicCluster;
  function* groupsOf(): Iterable<number> {
    for (const i of drawn) yield Number.isInteger(ids[i]) ? ids[i]! : -1;
  }
  return groupLegend(group, tables, groupsOf(), maxRows);
}

// ---------------------------------------------------------------------------------------------------------------
// Themes

export type ThemeName = "light" | "dark";

export interface Look {
  name: ThemeName;
  background: string;
  /** Node label ink and the halo drawn behind it. */
  label: string;
  halo: string;
  /** Label box of the hovered / selected node. */
  labelBox: string;
  dimNode: string;
  dimEdge: string;
  focusEdge: string;
  path: string;
  edges: Record<EdgeKind, string>;
  /** Legend box background and border (PNG and SVG legends). */
  panel: string;
  panelLine: string;
}

export const LOOKS: Record<ThemeName, Look> = {
  light: {
    name: "light",
    background: "#FBFBFC",
    label: "#1F2330",
    halo: "#FFFFFF",
    labelBox: "#FFFFFF",
    dimNode: "#DCDDE3",
    dimEdge: "#EEEFF2",
    focusEdge: "#6B7280",
    path: "#D62728",
    // The old translucent greys (#8A8A8A66, #9E9E9E40) flattened onto the light background.
    edges: { authored: "#E4E4E5", coauthor: "#CECECF", "coauthor-large": "#E0D6C8", about: "#E8E8E9", related: "#CECECF" },
    panel: "#FFFFFF",
    panelLine: "#D5D8E0",
  },
  dark: {
    name: "dark",
    background: "#15171C",
    label: "#E6E8EE",
    halo: "#15171C",
    labelBox: "#262A33",
    dimNode: "#30343D",
    dimEdge: "#20232A",
    focusEdge: "#9AA3B5",
    path: "#FF6B5E",
    edges: { authored: "#2C3038", coauthor: "#454A55", "coauthor-large": "#4A4338", about: "#2A2E36", related: "#454A55" },
    panel: "#1D2027",
    panelLine: "#3A3F4B",
  },
};

/** Node colour of the default look written into graph.json (research clusters): what tools drawing the file show. */
export const DEFAULT_FILE_COLOR_MODE: ResolvedColorMode = "topicCluster";

// ---------------------------------------------------------------------------------------------------------------
// Contrast

function channels(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex.trim());
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two "#rrggbb" colours (1 when either cannot be read). */
export function contrastRatio(a: string, b: string): number {
  const ca = channels(a), cb = channels(b);
  if (!ca || !cb) return 1;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * A group colour as text on a background: the colour itself when it reaches `min` contrast (3:1, WCAG's ratio for large
 * text, which cluster names are), else mixed towards black (light background) or white (dark) until it does.
 */
export function legibleOn(color: string, background: string, min = 3): string {
  if (contrastRatio(color, background) >= min || !channels(color)) return color;
  const target = luminance(channels(background) ?? [255, 255, 255]) > 0.4 ? "#000000" : "#FFFFFF";
  for (let t = 0.1; t <= 1.0001; t += 0.1) {
    const c = mix(color, target, t);
    if (contrastRatio(c, background) >= min) return c;
  }
  return target;
}
