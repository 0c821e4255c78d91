/**
 * Read-only hooks for browser tests and benchmarks: window.__papergraph is a frozen snapshot, replaced (never
 * mutated) whenever the view changes; `ready` turns true after the renderer's first frame.
 */
import type { Lens, ViewFilter } from "../model/view-filter";
import type { CameraView } from "./state/ui-state";

export interface PapergraphTestHooks {
  ready: boolean;
  /** Whether the WebGL renderer could start (false: panels work, the canvas is empty). */
  rendererOk: boolean;
  selected: string | null;
  hovered: string | null;
  lens: Lens;
  filter: ViewFilter;
  visibleNodeCount: number;
  visibleEdgeCount: number;
  /** Nodes the renderer itself draws (its render graph), null before the first frame. */
  renderedNodeCount: number | null;
  /** What is drawn: all visible nodes, and all visible edges unless the lens is too big (an overview, see render-graph.ts). */
  drawnNodeCount: number;
  drawnEdgeCount: number;
  overview: boolean;
  /** Whether the search index is complete (it is built after the first frame, off the page's thread). */
  searchReady: boolean;
  camera: CameraView | null;
  path: string[] | null;
  graphOrder: number;
  graphSize: number;
  error: string | null;
  /** Page coordinates of a node as drawn now (to hover or click it), null before the first frame or for unknown keys. */
  nodePagePosition: (key: string) => { x: number; y: number } | null;
  /** Frames the renderer has drawn so far (for benchmarks: frames per camera move). */
  renderCount: () => number;
  // Published by the explorer (absent on the error screen).
  /** The colour mode the view uses ("auto" resolved for the lens). */
  colorMode?: string;
  theme?: "light" | "dark";
  /** Authors drawn without any drawn co-author link. */
  isolatedAuthors?: number;
  /** Cluster names the view offers (those drawn: see drawnLabels, kind "cluster"). */
  clusterLabels?: { id: number; label: string; count: number }[];
  /** Lit nodes whose label found no room (listed beside the graph instead). */
  labelOverflow?: string[];
  /** Labels and cluster names in the last frame, page coordinates: none may overlap another. */
  drawnLabels?: () => { key: string; kind: "node" | "cluster"; text: string; x0: number; y0: number; x1: number; y1: number }[];
  /** The colour the renderer draws a node in now. */
  nodeColor?: (key: string) => string | null;
  /** Labels of the last PNG export, in its (unscaled) pixel coordinates. */
  lastPngLabels?: () => { text: string; x0: number; y0: number; x1: number; y1: number }[];
  /** Issue 15: the Resolution levels shown, the coloured partition's group count at that level, legend rows. */
  levels?: { community: number; topicCluster: number };
  groupCount?: number;
  legendRows?: number | null;
  unstableCount?: number | null;
  highlightedNodes?: number;
  highlightedEdges?: number[];
  /** Play: the year shown, what exists by then, the links first made that year. */
  play?: { year: number; visibleEdges: number; visibleNodes: number; newLinks: number; playing: boolean } | null;
  /** People on this topic: the first ten of the ranking. */
  people?: { key: string; score: number }[] | null;
}

declare global {
  interface Window {
    __papergraph?: Readonly<PapergraphTestHooks>;
  }
}

export function publishTestHooks(hooks: PapergraphTestHooks): void {
  window.__papergraph = Object.freeze({ ...hooks });
}
