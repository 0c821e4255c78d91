/**
 * Read-only hooks for browser tests and benchmarks: window.__papergraph is a frozen snapshot, replaced (never
 * mutated) whenever the view changes; `ready` turns true after the renderer's first frame.
 */
import type { ThemeName } from "../model/appearance";
import type { Lens, ViewFilter } from "../model/view-filter";
import type { DisplayState } from "./canvas/reducers";
import type { GraphApi } from "./canvas/ReadyController";
import type { DrawnInfo } from "./canvas/RenderController";
import type { PaperGraph } from "./data/types";
import { levelsOf } from "./state/levels-view";
import type { YearStep } from "./state/timeline";
import type { CameraView, UiState } from "./state/ui-state";
import type { ExplorerView } from "./state/use-view";

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
  /** Explorers and renderers (sigma instances) mounted on this page so far: a corrected graph swapped in adds neither. */
  mounts?: { explorer: number; renderer: number };
}

declare global {
  interface Window {
    __papergraph?: Readonly<PapergraphTestHooks>;
  }
}

const mounts = { explorer: 0, renderer: 0 };

/** Counts a mount of the explorer or of a renderer (for mounts in the hooks). */
export function countMount(what: keyof typeof mounts): void {
  mounts[what]++;
}

export function publishTestHooks(hooks: PapergraphTestHooks): void {
  window.__papergraph = Object.freeze({ ...hooks });
}

/** What the explorer holds that its hooks report; nothing is computed for the hooks beyond counting and copying. */
export interface ExplorerHookInputs {
  graph: PaperGraph;
  state: UiState;
  view: ExplorerView;
  display: DisplayState;
  /** The renderer's operations, null before the first frame or when it could not start. */
  api: GraphApi | null;
  rendererError: string | null;
  drawnInfo: DrawnInfo | null;
  searchReady: boolean;
  theme: ThemeName;
  overflow: string[];
  step: YearStep | null;
  playing: boolean;
  lastPngLabels: { current: { text: string; x0: number; y0: number; x1: number; y1: number }[] };
}

/** The explorer's snapshot for window.__papergraph. */
export function explorerHooks(x: ExplorerHookInputs): PapergraphTestHooks {
  const { graph, state, view, display, api, step } = x;
  const { visible, drawn, viewLook, leveled, unstable, ranking } = view;
  const highlight = display.highlight;
  return {
    ready: api !== null || x.rendererError !== null,
    rendererOk: api !== null,
    selected: state.selected,
    hovered: state.hovered,
    lens: state.filter.lens,
    filter: state.filter,
    visibleNodeCount: visible.nodeCount,
    visibleEdgeCount: visible.edgeCount,
    renderedNodeCount: api ? api.renderedNodeCount() : null,
    drawnNodeCount: x.drawnInfo?.nodes ?? drawn.nodes.length,
    drawnEdgeCount: x.drawnInfo?.edges ?? drawn.edges.length,
    overview: drawn.overview,
    searchReady: x.searchReady,
    camera: state.camera,
    path: view.path,
    graphOrder: graph.order,
    graphSize: graph.size,
    error: x.rendererError,
    nodePagePosition: (key) => (api ? api.pagePosition(key) : null),
    renderCount: () => (api ? api.renderCount() : 0),
    colorMode: viewLook.mode,
    theme: x.theme,
    isolatedAuthors: view.isolated,
    clusterLabels: viewLook.clusterLabels.map((c) => ({ id: c.id, label: c.label, count: c.count })),
    labelOverflow: x.overflow,
    drawnLabels: () => (api ? api.labels() : []),
    nodeColor: (key) => (api ? api.nodeColor(key) : null),
    lastPngLabels: () => x.lastPngLabels.current,
    levels: levelsOf(leveled),
    groupCount: Object.keys(leveled.getAttribute(view.unstableMode === "community" ? "communities" : "topicClusters") ?? {}).length,
    legendRows: viewLook.legend.kind === "groups" ? viewLook.legend.rows.length : null,
    unstableCount: unstable ? unstable.nodes.length : null,
    highlightedNodes: highlight ? highlight.nodes.size : 0,
    highlightedEdges: highlight ? [...highlight.edges] : [],
    play: step ? { year: step.year, visibleEdges: step.mask.edgeCount, visibleNodes: step.mask.nodeCount, newLinks: step.newLinks.length, playing: x.playing } : null,
    people: ranking ? ranking.people.slice(0, 10).map((p) => ({ key: p.key, score: p.score })) : null,
    mounts: { ...mounts },
  };
}
