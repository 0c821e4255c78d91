/**
 * How each node and edge looks, as pure functions of its attributes and the UI state (sigma's nodeReducer /
 * edgeReducer idea): nothing is written into the graph. No sigma import here, so unit tests run without WebGL;
 * ReducersController installs them once and calls sigma.refresh({ skipIndexation: true }) when the input changes.
 */
import type { EdgeAttributes, NodeAttributes, PaperGraph } from "../data/types";
import type { VisibleSet } from "../../model/view-filter";
import { LOOKS, type Look } from "../../model/appearance";
import { egoNetwork, lensProjection } from "../state/selectors";

// The light theme's, for tests and callers that predate themes; the reducers read ds.look.
export const DIM_NODE = LOOKS.light.dimNode;
export const DIM_EDGE = LOOKS.light.dimEdge;
export const FOCUS_EDGE = LOOKS.light.focusEdge;
export const PATH_COLOR = LOOKS.light.path;

export interface Highlight {
  /** Nodes lit up; everything else is dimmed. null: nothing is focused, draw normally. */
  nodes: Set<string>;
  edges: Set<string>;
}

export interface DisplayState {
  visible: VisibleSet;
  selected: string | null;
  highlight: Highlight | null;
  /** Lit nodes whose label is forced; the label layer (label-layout.ts) places them without overlap or lists them. */
  forcedLabels: Set<string>;
  path: { nodes: Set<string>; edges: Set<string> };
  /** Every node's colour in the view's colour mode (src/model/appearance.ts nodeColors). */
  nodeColors: Map<string, string>;
  /** Theme: dimmed, focus and path colours, edge colours per kind. */
  look: Look;
  sizes: Map<string, number>;
}

export interface NodeDisplay {
  hidden: boolean;
  color: string;
  size: number;
  label: string | null;
  forceLabel: boolean;
  highlighted: boolean;
  zIndex: number;
}

export interface EdgeDisplay {
  hidden: boolean;
  color: string;
  size: number;
  zIndex: number;
}

function incidentVisibleEdges(graph: PaperGraph, node: string, visible: VisibleSet): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>([node]);
  const edges = new Set<string>();
  graph.forEachEdge(node, (e, _a, s, t) => {
    if (!visible.edges.has(e)) return;
    edges.add(e);
    nodes.add(s === node ? t : s);
  });
  return { nodes, edges };
}

/**
 * What to light up, in priority order: the hovered node's neighbourhood; the collaboration path; the selection's
 * ego network (1-2 hops over visible edges); the selection and its neighbours; for a selection the lens does not
 * draw, where it shows up in the lens (lensProjection).
 */
export function computeHighlight(
  graph: PaperGraph,
  visible: VisibleSet,
  ui: { hovered: string | null; selected: string | null; ego: 0 | 1 | 2 },
  path: string[] | null,
  pathEdgeKeys: string[],
): Highlight | null {
  if (ui.hovered !== null && visible.nodes.has(ui.hovered)) return incidentVisibleEdges(graph, ui.hovered, visible);
  if (path && path.length > 1) return { nodes: new Set(path), edges: new Set(pathEdgeKeys) };
  const sel = ui.selected;
  if (sel === null || !graph.hasNode(sel)) return null;
  if (!visible.nodes.has(sel)) return { nodes: lensProjection(graph, sel, visible.nodes), edges: new Set() };
  if (ui.ego > 0) {
    const nodes = egoNetwork(graph, sel, ui.ego, (e) => visible.edges.has(e));
    const edges = new Set<string>();
    for (const n of nodes) {
      graph.forEachEdge(n, (e, _a, s, t) => {
        if (visible.edges.has(e) && nodes.has(s) && nodes.has(t)) edges.add(e);
      });
    }
    return { nodes, edges };
  }
  return incidentVisibleEdges(graph, sel, visible);
}

/**
 * Forced labels: the lit nodes, the `max` largest (ties by key). All of a hub's neighbours are candidates: the label
 * layer's collision pass shows those that fit and lists the others, so none piles on another.
 */
export function pickForcedLabels(highlight: Highlight | null, sizes: Map<string, number>, max = 400): Set<string> {
  if (!highlight) return new Set();
  const ranked = [...highlight.nodes].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return new Set(ranked.slice(0, max));
}

export function nodeDisplay(key: string, a: NodeAttributes, ds: DisplayState): NodeDisplay {
  const hidden = !ds.visible.nodes.has(key);
  const color = ds.nodeColors.get(key) ?? a.color;
  const size = ds.sizes.get(key) ?? a.size;
  const out: NodeDisplay = { hidden, color, size, label: a.label, forceLabel: false, highlighted: false, zIndex: 1 };
  const onPath = ds.path.nodes.has(key);
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
  if (onPath && !hidden) {
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

export function edgeDisplay(key: string, a: EdgeAttributes, ds: DisplayState): EdgeDisplay {
  const hidden = !ds.visible.edges.has(key);
  const out: EdgeDisplay = { hidden, color: ds.look.edges[a.kind] ?? a.color, size: a.size, zIndex: 1 };
  if (ds.path.edges.has(key)) return { hidden, color: ds.look.path, size: Math.max(3, a.size * 1.5), zIndex: 3 };
  if (ds.highlight) {
    if (ds.highlight.edges.has(key)) {
      out.color = ds.look.focusEdge;
      out.size = Math.max(1.5, a.size);
      out.zIndex = 2;
    } else {
      out.color = ds.look.dimEdge;
      out.zIndex = 0;
    }
  }
  return out;
}
