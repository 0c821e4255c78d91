/**
 * How each drawn node and edge looks beyond its own drawn attributes (render-graph.ts computes size and colour once
 * per lens): pure functions of the UI state (sigma's nodeReducer / edgeReducer idea), nothing written into any graph.
 * With nothing hovered, selected or on a path they return the drawn attributes as they are, so a plain frame costs
 * what a bare sigma page costs. No sigma import here, so unit tests run without WebGL.
 */
import { LOOKS, type Look } from "../../model/appearance";
import type { VisibleMask } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";
import { egoNetwork, lensProjection } from "../state/selectors";
import { edgeOfRenderKey, nodeColor, type Appearance } from "./render-graph";
import { compareStrings } from "../../model/compare";

// The light theme's, for tests and callers that predate themes; the reducers read ds.look.
export const DIM_NODE = LOOKS.light.dimNode;
export const DIM_EDGE = LOOKS.light.dimEdge;
export const FOCUS_EDGE = LOOKS.light.focusEdge;
export const PATH_COLOR = LOOKS.light.path;

export interface Highlight {
  /** Node keys lit up; everything else is dimmed. */
  nodes: Set<string>;
  /** Edge indices lit up. */
  edges: Set<number>;
}

export interface DisplayState {
  selected: string | null;
  /** null: nothing is focused, draw normally. */
  highlight: Highlight | null;
  /** Lit nodes whose label is forced; the label layer (label-layout.ts) places them without overlap or lists them. */
  forcedLabels: Set<string>;
  path: { nodes: Set<string>; edges: Set<number> };
  /** Theme: dimmed, focus and path colours (model/appearance.ts LOOKS). */
  look: Look;
  /** Play in the Years filter: drawn nodes and edges (a mask by edge index) that do not exist yet in the year shown. */
  timeline?: { nodes: Set<string>; edges: Uint8Array } | null;
}

export const PLAIN_DISPLAY: DisplayState = { selected: null, highlight: null, forcedLabels: new Set(), path: { nodes: new Set(), edges: new Set() }, look: LOOKS.light };

/** A drawn node as the render graph holds it. */
export interface DrawnNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string | null;
}

export interface NodeDisplay extends DrawnNode {
  hidden?: boolean;
  forceLabel: boolean;
  highlighted: boolean;
  zIndex: number;
}

export interface DrawnEdge {
  size: number;
  color: string;
}

export interface EdgeDisplay extends DrawnEdge {
  hidden?: boolean;
  zIndex: number;
}

const plain = (ds: DisplayState) => ds.highlight === null && ds.selected === null && ds.path.nodes.size === 0 && ds.path.edges.size === 0 && !ds.timeline;

function incidentVisibleEdges(graph: PaperGraph, node: number, visible: VisibleMask): Highlight {
  const nodes = new Set<string>([graph.keys[node]!]);
  const edges = new Set<number>();
  for (let p = graph.adjOffsets[node]!; p < graph.adjOffsets[node + 1]!; p++) {
    const e = graph.adjEdges[p]!;
    if (!visible.edges[e]) continue;
    edges.add(e);
    nodes.add(graph.keys[graph.otherEnd(e, node)]!);
  }
  return { nodes, edges };
}

/**
 * What to light up, in priority order: the hovered node's neighbourhood; the collaboration path; the selection's
 * ego network (1-2 hops over visible edges); the selection and its neighbours; for a selection the lens does not
 * draw, where it shows up in the lens (lensProjection).
 */
export function computeHighlight(
  graph: PaperGraph,
  visible: VisibleMask,
  ui: { hovered: string | null; selected: string | null; ego: 0 | 1 | 2 },
  path: string[] | null,
  pathEdges: number[],
): Highlight | null {
  const hovered = ui.hovered === null ? -1 : graph.nodeIndex(ui.hovered);
  if (hovered >= 0 && visible.nodes[hovered]) return incidentVisibleEdges(graph, hovered, visible);
  if (path && path.length > 1) return { nodes: new Set(path), edges: new Set(pathEdges) };
  const sel = ui.selected === null ? -1 : graph.nodeIndex(ui.selected);
  if (sel < 0) return null;
  if (!visible.nodes[sel]) return { nodes: lensProjection(graph, ui.selected!, visible.nodes), edges: new Set() };
  if (ui.ego > 0) {
    const nodes = egoNetwork(graph, ui.selected!, ui.ego, (e) => visible.edges[e] === 1);
    const edges = new Set<number>();
    for (const key of nodes) {
      const n = graph.nodeIndex(key);
      for (let p = graph.adjOffsets[n]!; p < graph.adjOffsets[n + 1]!; p++) {
        const e = graph.adjEdges[p]!;
        if (visible.edges[e] && nodes.has(graph.keys[graph.otherEnd(e, n)]!)) edges.add(e);
      }
    }
    return { nodes, edges };
  }
  return incidentVisibleEdges(graph, sel, visible);
}

/**
 * Forced labels: the lit nodes, the `max` largest (ties by key). All of a hub's neighbours are candidates: the label
 * layer's collision pass shows those that fit and lists the others, so none piles on another.
 */
export function pickForcedLabels(graph: PaperGraph, highlight: Highlight | null, sizes: Float64Array, max = 400): Set<string> {
  if (!highlight) return new Set();
  // All of them when they fit (a set: the order is the label layer's). Else ranked on sizes read once per node, not
  // twice per comparison (a Play year or a topic lights thousands: 150 ms a step at 10,000 papers).
  if (highlight.nodes.size <= max) return new Set(highlight.nodes);
  const keys = [...highlight.nodes];
  const size = keys.map((k) => sizes[graph.nodeIndex(k)] ?? 0);
  const order = keys.map((_, i) => i).sort((a, b) => size[b]! - size[a]! || compareStrings(keys[a]!, keys[b]!));
  return new Set(order.slice(0, max).map((i) => keys[i]!));
}

/** A drawn node under the UI state: dimmed outside the highlight, labelled and raised when lit, on the path or selected. */
export function reduceNode(key: string, drawn: DrawnNode, ds: DisplayState): DrawnNode | NodeDisplay {
  if (plain(ds)) return drawn;
  if (ds.timeline?.nodes.has(key)) return { ...drawn, label: null, hidden: true, forceLabel: false, highlighted: false, zIndex: 0 };
  const out: NodeDisplay = { ...drawn, forceLabel: false, highlighted: false, zIndex: 1 };
  if (ds.highlight) {
    if (ds.highlight.nodes.has(key)) {
      out.forceLabel = ds.forcedLabels.has(key);
      out.zIndex = 2;
    } else {
      out.color = ds.look.dimNode;
      out.label = null;
      out.zIndex = 0;
    }
  }
  if (ds.path.nodes.has(key)) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 3;
  }
  if (key === ds.selected) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 4;
  }
  return out;
}

export function reduceEdge(key: string, drawn: DrawnEdge, ds: DisplayState): DrawnEdge | EdgeDisplay {
  if (ds.highlight === null && ds.path.edges.size === 0 && !ds.timeline) return drawn;
  const e = edgeOfRenderKey(key);
  if (ds.timeline?.edges[e]) return { ...drawn, hidden: true, zIndex: 0 };
  if (ds.path.edges.has(e)) return { ...drawn, color: ds.look.path, size: Math.max(3, drawn.size * 1.5), zIndex: 3 };
  if (!ds.highlight) return drawn;
  if (ds.highlight.edges.has(e)) return { ...drawn, color: ds.look.focusEdge, size: Math.max(1.5, drawn.size), zIndex: 2 };
  return { ...drawn, color: ds.look.dimEdge, zIndex: 0 };
}

/** How a node looks on screen now, drawn or not (the exporters' "view" and the PNG legend read this). */
export function nodeOnScreen(
  graph: PaperGraph,
  key: string,
  visible: VisibleMask,
  look: Appearance,
  ds: DisplayState,
): { x: number; y: number; size: number; color: string; label: string | null; hidden: boolean; forceLabel: boolean } {
  const i = graph.nodeIndex(key);
  const drawn: DrawnNode = { x: graph.x[i]!, y: graph.y[i]!, size: look.sizes[i]!, color: nodeColor(graph, i, look), label: graph.labels[i]! };
  const d = reduceNode(key, drawn, ds) as Partial<NodeDisplay> & DrawnNode;
  return { x: d.x, y: d.y, size: d.size, color: d.color, label: d.label, hidden: !visible.nodes[i], forceLabel: d.forceLabel ?? false };
}
