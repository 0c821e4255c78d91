/**
 * What sigma is given to draw: a graphology graph holding only what the lens and filters show (the "render graph"),
 * with each node's drawn position, size, colour and label and each edge's size and colour already computed, so the
 * first frame draws the lens once and sigma's reducers only dim and light up. Pure (graphology, no sigma), so tested
 * without WebGL; GraphView hands the result to sigma.
 *
 * Too many edges to draw (the full graph of 100,000 papers has 2 million): an overview instead, faithful to the
 * structure: every visible node, each node's strongest visible edge (so no node loses all its links), then the
 * strongest of the rest up to the budget. Zoomed in, the edges of the nodes in view are added (viewportEdges).
 */
import Graph from "graphology";
import type { Look } from "../../model/appearance";
import { EDGE_KIND_CODES } from "../../model/compact-graph";
import type { VisibleMask } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";
import { EDGE_TYPE, NODE_TYPE } from "./settings";
import { runSliced, type SliceClock } from "./slices";

/** Edges drawn at most before the overview takes over (the 10,000-paper full graph, 140k edges, is drawn whole). */
export const EDGE_BUDGET = 150_000;
/** Edges added at most for the nodes in view when zoomed into an overview (every frame draws them all). */
export const VIEWPORT_EDGE_BUDGET = 50_000;
/** Zoomed in at least this far (camera ratio), an overview adds the edges of the nodes in view. */
export const FILL_IN_RATIO = 0.5;

/** Render graph edge keys are the edge's index in the graph (short keys keep sigma's per-edge tables small). */
export const renderEdgeKey = (e: number): string => String(e);
export const edgeOfRenderKey = (key: string): number => Number(key);

export interface DrawnSet {
  /** Visible node indices, in node order. */
  nodes: number[];
  /** Drawn edge indices, in edge order. */
  edges: number[];
  /** Visible edges (drawn or not). */
  visibleEdges: number;
  /** True when the edges were capped to the budget (an overview). */
  overview: boolean;
}

/**
 * How the view looks, from the one appearance owner (model/appearance.ts): each node's size (computeSizesAt) and
 * colour in the view's colour mode (nodeColorsAt), by node index, and the theme (edge colours per kind).
 */
export interface Appearance {
  sizes: Float64Array;
  colors: readonly string[];
  look: Look;
}

/** The colour a node is drawn with: its colour in the view's colour mode. */
export function nodeColor(_graph: PaperGraph, i: number, look: Pick<Appearance, "colors">): string {
  return look.colors[i]!;
}

/** An edge's drawn width (from the file, by weight) and its kind's opaque colour in the theme. */
export function edgeLook(graph: PaperGraph, e: number, look: Look): { size: number; color: string } {
  const size = graph.edgeSizes[e]!;
  return { size: Number.isFinite(size) ? size : 1, color: edgeColor(graph, e, look) };
}

export function edgeColor(graph: PaperGraph, e: number, look: Look): string {
  return look.edges[EDGE_KIND_CODES[graph.edgeKind[e]!]!] ?? look.edges.coauthor;
}

/**
 * The `budget` strongest of `candidates` (by weight; among equal weights, lower index first), as a mask. Linear plus a
 * sort of the distinct weights: no sort of a million edges.
 */
function strongest(graph: PaperGraph, candidates: number[], budget: number, into: Uint8Array): number {
  if (candidates.length <= budget) {
    for (const e of candidates) into[e] = 1;
    return candidates.length;
  }
  const weight = graph.edgeWeight;
  const counts = new Map<number, number>();
  for (const e of candidates) counts.set(weight[e]!, (counts.get(weight[e]!) ?? 0) + 1);
  const weights = [...counts.keys()].sort((a, b) => b - a);
  let taken = 0;
  let threshold = -Infinity;
  for (const w of weights) {
    if (taken + counts.get(w)! > budget) {
      threshold = w;
      break;
    }
    taken += counts.get(w)!;
  }
  let room = budget - taken;
  let added = 0;
  // Candidates arrive in edge order, so ties at the threshold go to the lower indices.
  for (const e of candidates) {
    const w = weight[e]!;
    if (w > threshold || (w === threshold && room-- > 0)) {
      into[e] = 1;
      added++;
    }
  }
  return added;
}

/** Which visible nodes and edges to draw: all of them, or an overview within `budget` edges. */
export function chooseDrawn(graph: PaperGraph, visible: VisibleMask, budget = EDGE_BUDGET): DrawnSet {
  const nodes: number[] = [];
  for (let i = 0; i < graph.order; i++) if (visible.nodes[i]) nodes.push(i);
  const edges: number[] = [];
  if (visible.edgeCount <= budget) {
    for (let e = 0; e < graph.size; e++) if (visible.edges[e]) edges.push(e);
    return { nodes, edges, visibleEdges: visible.edgeCount, overview: false };
  }
  const chosen = new Uint8Array(graph.size);
  const { adjOffsets, adjEdges, edgeWeight: weight } = graph;
  // Backbone: each visible node's strongest visible edge.
  const backbone: number[] = [];
  for (const i of nodes) {
    let best = -1;
    for (let p = adjOffsets[i]!; p < adjOffsets[i + 1]!; p++) {
      const e = adjEdges[p]!;
      if (!visible.edges[e]) continue;
      if (best < 0 || weight[e]! > weight[best]! || (weight[e] === weight[best] && e < best)) best = e;
    }
    if (best >= 0 && !chosen[best]) {
      chosen[best] = 1;
      backbone.push(best);
    }
  }
  if (backbone.length > budget) {
    chosen.fill(0);
    backbone.sort((a, b) => a - b);
    strongest(graph, backbone, budget, chosen);
  } else {
    const rest: number[] = [];
    for (let e = 0; e < graph.size; e++) if (visible.edges[e] && !chosen[e]) rest.push(e);
    strongest(graph, rest, budget - backbone.length, chosen);
  }
  for (let e = 0; e < graph.size; e++) if (chosen[e]) edges.push(e);
  return { nodes, edges, visibleEdges: visible.edgeCount, overview: true };
}

/**
 * A drawn node's attributes in the render graph: every field sigma's defaults would add is already there, in one order,
 * so the reducers' copies (and sigma's applyNodeDefaults) keep one object shape: no hidden-class transitions on the
 * 10^4-10^5 objects each full refresh makes (measured: applyNodeDefaults/applyEdgeDefaults were a fifth of a refresh's
 * JavaScript at 10,000 papers before).
 */
export function nodeAttributes(graph: PaperGraph, i: number, look: Appearance): Record<string, unknown> {
  return { x: graph.x[i], y: graph.y[i], size: look.sizes[i], color: nodeColor(graph, i, look), label: graph.labels[i] ?? null, hidden: false, highlighted: false, forceLabel: false, type: NODE_TYPE, zIndex: 0 };
}

function edgeAttributes(graph: PaperGraph, e: number, look: Look): Record<string, unknown> {
  const { size, color } = edgeLook(graph, e, look);
  return { size, color, label: "", hidden: false, forceLabel: false, type: EDGE_TYPE, zIndex: 0 };
}

// Directed, simple: every edge is drawn as a line whatever its kind and direction; graphology's multi graphs cost a
// third more per edge, and papergraph's edge kinds never join the same two nodes twice (see addRenderEdge).
const emptyRenderGraph = () => new Graph({ type: "directed", multi: false, allowSelfLoops: true });

/** The render graph for a drawn set, with the drawn look of every node and edge. */
export function buildRenderGraph(graph: PaperGraph, drawn: DrawnSet, look: Appearance): Graph {
  const g = emptyRenderGraph();
  const held = heldMask(graph, g);
  for (const i of drawn.nodes) g.addNode(graph.keys[i]!, nodeAttributes(graph, i, look));
  for (const e of drawn.edges) addRenderEdge(graph, g, e, look.look, held);
  return g;
}

/**
 * buildRenderGraph a slice at a time (slices.ts), for a graph shown in place of another (a corrected graph, a new
 * lens): at 10,000 papers the 71,616 edges took 300-400 ms in one task. The same graph, node and edge for node and
 * edge; `done` gets it, at once when the first slice built it all. Returns a function that abandons the build.
 */
export function buildRenderGraphSliced(graph: PaperGraph, drawn: DrawnSet, look: Appearance, done: (g: Graph, atOnce: boolean) => void, clock?: SliceClock, sliceMs?: number): () => void {
  const g = emptyRenderGraph();
  const held = heldMask(graph, g);
  let node = 0;
  let edge = 0;
  const work = (timeUp: () => boolean) => {
    while (node < drawn.nodes.length) {
      const i = drawn.nodes[node++]!;
      g.addNode(graph.keys[i]!, nodeAttributes(graph, i, look));
      if (timeUp()) return false;
    }
    while (edge < drawn.edges.length) {
      addRenderEdge(graph, g, drawn.edges[edge++]!, look.look, held);
      if (timeUp()) return false;
    }
    return true;
  };
  return runSliced(work, (atOnce) => done(g, atOnce), clock, sliceMs);
}

/**
 * Adds edge e as a line. A graph file of another tool may join two nodes both ways or twice (a directed and an
 * undirected edge): the second goes the other way round, a third is the same line drawn already and is skipped.
 */
export function addRenderEdge(graph: PaperGraph, g: Graph, e: number, look: Look, held = heldMask(graph, g)): void {
  const s = graph.keys[graph.edgeSource[e]!]!;
  const t = graph.keys[graph.edgeTarget[e]!]!;
  if (!g.hasDirectedEdge(s, t)) g.addDirectedEdgeWithKey(renderEdgeKey(e), s, t, edgeAttributes(graph, e, look));
  else if (!g.hasDirectedEdge(t, s)) g.addDirectedEdgeWithKey(renderEdgeKey(e), t, s, edgeAttributes(graph, e, look));
  else return;
  held[e] = 1;
}

/** Each render graph's edges by graph edge index (1: held), marked as addRenderEdge adds them. */
const heldByGraph = new WeakMap<Graph, Uint8Array>();

function heldMask(graph: PaperGraph, g: Graph): Uint8Array {
  let mask = heldByGraph.get(g);
  if (!mask || mask.length !== graph.size) heldByGraph.set(g, (mask = new Uint8Array(graph.size)));
  return mask;
}

/**
 * Which graph edges a render graph holds, by index (an overview holds some of the visible ones; a foreign graph's
 * third parallel edge is not drawn): a partial refresh may name only those. Kept as the edges are added, so no pass
 * over the render graph's 10^5 edges is needed to know it (that pass took 0.1-0.3 s at 10,000 papers).
 */
export function heldEdges(graph: PaperGraph, g: Graph): Uint8Array {
  return heldMask(graph, g);
}

/** What a new appearance changed in the render graph, so the renderer redoes only that. */
export interface AppearanceChange {
  /** Node colours or sizes were rewritten. */
  nodes: boolean;
  /** Node sizes changed (sigma's label grid and node extent depend on them: reindex). */
  sizes: boolean;
  /** Edge colours were rewritten (a new theme). */
  edges: boolean;
}

/**
 * Applies a new size metric, colour mode or theme to the render graph in place: node sizes and colours when they
 * changed, edge colours when the theme did. Written into the attribute objects without graphology events on purpose:
 * sigma answers an updateEachNodeAttributes event by reprocessing every node twice (its handler, then a refresh), so
 * the caller refreshes once, for what the returned change names (a Resolution slider move: one pass over the nodes,
 * no edge touched, no reindexing).
 */
export function applyAppearance(graph: PaperGraph, g: Graph, look: Appearance, previous?: Appearance): AppearanceChange {
  const change: AppearanceChange = { nodes: false, sizes: false, edges: false };
  if (!previous || previous.sizes !== look.sizes || previous.colors !== look.colors) {
    change.nodes = true;
    change.sizes = !previous || previous.sizes !== look.sizes;
    g.forEachNode((key, a) => {
      const i = graph.nodeIndex(key);
      a.size = look.sizes[i];
      a.color = nodeColor(graph, i, look);
    });
  }
  if (!previous || previous.look !== look.look) {
    change.edges = true;
    g.forEachEdge((key, a) => {
      a.color = edgeColor(graph, edgeOfRenderKey(key), look.look);
    });
  }
  return change;
}

/** Visible nodes bucketed on a grid over their positions, to find the nodes in a rectangle without a full scan. */
export class NodeGrid {
  private readonly cells: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly cell: number;
  private readonly side: number;

  constructor(
    private readonly graph: PaperGraph,
    nodes: readonly number[],
    side = 64,
  ) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const i of nodes) {
      minX = Math.min(minX, graph.x[i]!);
      maxX = Math.max(maxX, graph.x[i]!);
      minY = Math.min(minY, graph.y[i]!);
      maxY = Math.max(maxY, graph.y[i]!);
    }
    if (!nodes.length) minX = minY = maxX = maxY = 0;
    this.minX = minX;
    this.minY = minY;
    this.side = side;
    this.cell = Math.max(maxX - minX, maxY - minY, 1e-9) / side;
    const count = new Uint32Array(side * side + 1);
    const cellOf = (i: number) => this.cellIndex(graph.x[i]!, graph.y[i]!);
    for (const i of nodes) count[cellOf(i) + 1]!++;
    for (let c = 0; c < side * side; c++) count[c + 1]! += count[c]!;
    this.starts = count.slice();
    this.cells = new Uint32Array(nodes.length);
    const fill = count.slice(0, side * side);
    for (const i of nodes) this.cells[fill[cellOf(i)]!++] = i;
  }

  private clampCell(v: number): number {
    return Math.max(0, Math.min(this.side - 1, Math.floor(v)));
  }

  private cellIndex(x: number, y: number): number {
    return this.clampCell((y - this.minY) / this.cell) * this.side + this.clampCell((x - this.minX) / this.cell);
  }

  /** Node indices inside the rectangle (graph coordinates). */
  inRect(x0: number, y0: number, x1: number, y1: number, each: (i: number) => void): void {
    const cx0 = this.clampCell((Math.min(x0, x1) - this.minX) / this.cell);
    const cx1 = this.clampCell((Math.max(x0, x1) - this.minX) / this.cell);
    const cy0 = this.clampCell((Math.min(y0, y1) - this.minY) / this.cell);
    const cy1 = this.clampCell((Math.max(y0, y1) - this.minY) / this.cell);
    const [lx, hx, ly, hy] = [Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)];
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let cx = cx0; cx <= cx1; cx++) {
        const c = cy * this.side + cx;
        for (let p = this.starts[c]!; p < this.starts[c + 1]!; p++) {
          const i = this.cells[p]!;
          const x = this.graph.x[i]!;
          const y = this.graph.y[i]!;
          if (x >= lx && x <= hx && y >= ly && y <= hy) each(i);
        }
      }
    }
  }
}

/**
 * Visible edges not drawn yet with an end among the nodes in the rectangle, the strongest `budget` of them, in edge
 * order: what an overview adds when the user zooms in. Linear in the edges of the nodes in view.
 */
export function viewportEdges(
  graph: PaperGraph,
  visible: VisibleMask,
  drawn: Uint8Array,
  grid: NodeGrid,
  rect: { x0: number; y0: number; x1: number; y1: number },
  budget = VIEWPORT_EDGE_BUDGET,
): number[] {
  const seen = new Set<number>();
  const candidates: number[] = [];
  grid.inRect(rect.x0, rect.y0, rect.x1, rect.y1, (i) => {
    for (let p = graph.adjOffsets[i]!; p < graph.adjOffsets[i + 1]!; p++) {
      const e = graph.adjEdges[p]!;
      if (!visible.edges[e] || drawn[e] || seen.has(e)) continue;
      seen.add(e);
      candidates.push(e);
    }
  });
  candidates.sort((a, b) => a - b);
  const mask = new Uint8Array(graph.size);
  strongest(graph, candidates, budget, mask);
  return candidates.filter((e) => mask[e]);
}
