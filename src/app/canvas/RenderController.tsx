/**
 * Renders nothing. Keeps sigma's render graph in step with the explorer, cheapest change first:
 * - a new drawn set (lens, filters): a new render graph, handed over with setGraph (one full processing);
 * - new sizes or colours: written into the render graph's nodes, one partial refresh (no reindexing for colours);
 * - a new highlight, selection or path: the reducers re-run on the nodes and edges whose look changed (refresh-plan.ts);
 *   many of them (every drawn item, an early Play step) are rewritten in slices of a few milliseconds, then drawn once
 *   (sliced-refresh.ts), so the page is never held for long;
 * - an overview zoomed in: the edges of the nodes in view are added once the camera settles (viewportEdges).
 * The explorer's graph is never written.
 */
import { useSigma } from "@react-sigma/core";
import type Graph from "graphology";
import { useEffect, useMemo, useRef, type MutableRefObject } from "react";
import type { VisibleMask } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";
import type { DisplayState } from "./reducers";
import { planRefresh } from "./refresh-plan";
import { SlicedRefresh, sigmaRefresher, wholeRefresh } from "./sliced-refresh";
import { FILL_IN_RATIO, NodeGrid, VIEWPORT_EDGE_BUDGET, addRenderEdge, applyAppearance, buildRenderGraph, buildRenderGraphSliced, heldEdges, renderEdgeKey, viewportEdges, type Appearance, type DrawnSet } from "./render-graph";

/** What is drawn now: nodes, edges, and the visible edges behind an overview. */
export interface DrawnInfo {
  nodes: number;
  edges: number;
  visibleEdges: number;
  overview: boolean;
}

const SETTLE_MS = 300;

/**
 * sigma.setGraph with its frame drawn at the next animation frame: setGraph reindexes every item (the reducers) and
 * then renders at once, which processes every item again into the WebGL buffers; at 10,000 papers the two were
 * 250-400 ms in one task. Its refresh is asked to schedule the render instead (sigma's own option) for this call only.
 */
function setGraphDrawingLater(sigma: ReturnType<typeof useSigma>, g: Graph): void {
  const target = sigma as unknown as { refresh: typeof sigma.refresh };
  const own = Object.prototype.hasOwnProperty.call(sigma, "refresh") ? target.refresh : null;
  const refresh = sigma.refresh.bind(sigma);
  target.refresh = (opts) => refresh({ ...opts, schedule: true });
  try {
    sigma.setGraph(g);
  } finally {
    if (own) target.refresh = own;
    else delete (target as Partial<typeof target>).refresh; // the prototype's again
  }
}

export function RenderController(props: {
  graph: PaperGraph;
  visible: VisibleMask;
  drawn: DrawnSet;
  appearance: Appearance;
  display: DisplayState;
  displayRef: MutableRefObject<DisplayState>;
  initial: { graph: Graph; drawn: DrawnSet; appearance: Appearance };
  onDrawn: (info: DrawnInfo) => void;
}) {
  const { graph, visible, drawn, appearance, display, displayRef, initial, onDrawn } = props;
  const sigma = useSigma();
  const built = useRef(initial);
  const look = useRef(initial.appearance);
  const latestLook = useRef(appearance);
  const latestDisplay = useRef(display);
  const shown = useRef(display);
  // A render graph being built for a new drawn set: until it is handed over, the one shown belongs to the graph before,
  // whose edge indices are not this graph's, so looks and highlights wait for it (it is built with the latest of both).
  const building = useRef<{ drawn: DrawnSet; cancel: () => void } | null>(null);
  const slicer = useMemo(() => {
    const items = sigmaRefresher(sigma);
    return items ? new SlicedRefresh(items) : wholeRefresh(sigma);
  }, [sigma]);
  useEffect(() => () => slicer.clear(), [slicer]);

  // Effects run in order: the latest props first, so a new render graph is drawn with this commit's look and state.
  useEffect(() => {
    latestLook.current = appearance;
    latestDisplay.current = display;
  });

  // 1. A new drawn set: a new render graph (with the latest look and UI state), one full processing. A large one is
  // built in slices while the graph before stays on screen (a corrected graph, a lens), then handed to sigma, whose
  // frame comes at the next animation frame: its reindex and its processing of every item are two tasks, not one.
  useEffect(() => {
    const info = () => onDrawn({ nodes: drawn.nodes.length, edges: drawn.edges.length, visibleEdges: drawn.visibleEdges, overview: drawn.overview });
    if (built.current.drawn === drawn) return info();
    if (building.current?.drawn === drawn) return;
    building.current?.cancel();
    building.current = null;
    const from = latestLook.current;
    let finished = false;
    const cancel = buildRenderGraphSliced(graph, drawn, from, (g, atOnce) => {
      finished = true;
      building.current = null;
      // The look may have changed while the graph was being built (a recolour): written in before sigma reads it.
      const now = latestLook.current;
      if (now !== from) applyAppearance(graph, g, now, from);
      shown.current = latestDisplay.current;
      displayRef.current = latestDisplay.current;
      built.current = { graph: g, drawn, appearance: now };
      look.current = now;
      slicer.clear();
      if (atOnce) sigma.setGraph(g);
      else setGraphDrawingLater(sigma, g);
      info();
    });
    if (!finished) building.current = { drawn, cancel };
  }, [sigma, graph, drawn, displayRef, onDrawn, slicer]);
  useEffect(() => () => building.current?.cancel(), []);

  // 2. New sizes or colours: written into the drawn nodes, then one refresh of what changed (colours alone: no
  // reindexing; sizes: sigma's label grid follows).
  useEffect(() => {
    if (look.current === appearance || building.current) return;
    const previous = look.current;
    look.current = appearance;
    const g = sigma.getGraph();
    const change = applyAppearance(graph, g, appearance, previous);
    if (!change.nodes && !change.edges) return;
    const nodes = change.nodes ? g.nodes() : [];
    const edges = change.edges ? g.edges() : [];
    // New sizes move labels (sigma's label grid): reindexed at once (a sliced refresh under way goes on: it rewrites
    // its items at their new places). New colours only: rewritten in slices.
    if (change.sizes) sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: false });
    else slicer.refresh(nodes, edges);
  }, [sigma, graph, appearance, slicer]);

  // 3. A new highlight: only what changed.
  useEffect(() => {
    if (building.current) return;
    const plan = planRefresh(shown.current, display);
    shown.current = display;
    displayRef.current = display;
    if (plan.kind === "none") return;
    // Partial: sigma re-runs the reducers for these keys only and rewrites them in place in its WebGL buffers. Only
    // edges the render graph holds can be rewritten (an overview leaves some visible edges undrawn).
    const g = sigma.getGraph();
    if (plan.kind === "partial") {
      const nodes = plan.nodes.filter((k) => g.hasNode(k));
      // Only edges the render graph holds (a typed lookup per edge: far cheaper than graphology's hasEdge on the 10^5
      // edges the first and last Play steps name).
      const held = heldEdges(graph, g);
      const edges: string[] = [];
      for (const e of plan.edges) if (held[e]) edges.push(renderEdgeKey(e));
      slicer.refresh(nodes, edges);
    } else {
      // Every drawn item changes colour, but nothing moves: the reducers re-run over all of them and each is rewritten
      // in place. sigma's full refresh would also clear and rebuild its indices and re-sort by zIndex (at 10,000
      // papers about four times the work: a fifth of a second on a fast machine). Lit nodes are not re-sorted above
      // dimmed ones, which shows only where nodes overlap, and the layout removes overlaps.
      slicer.refresh(g.nodes(), g.edges(), true);
    }
  }, [sigma, graph, display, displayRef, slicer]);

  // 5. The stage changes size without the window doing so (a panel or the toolbar reflows): sigma only listens to
  // the window, so it would keep drawing at its old size. Refreshed as sigma does on a window resize (label grid).
  useEffect(() => {
    if (typeof ResizeObserver === "undefined") return;
    const container = sigma.getContainer();
    const observer = new ResizeObserver(() => {
      const { width, height } = sigma.getDimensions();
      if (container.offsetWidth !== width || container.offsetHeight !== height) sigma.scheduleRefresh();
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [sigma]);

  // 4. An overview fills in where the user zooms: the strongest edges of the nodes in view, added once the camera
  // settles (adding never reindexes sigma per edge; a new render graph replaces them when too many pile up).
  useEffect(() => {
    if (!drawn.overview) return;
    const grid = new NodeGrid(graph, drawn.nodes);
    const base = new Uint8Array(graph.size);
    for (const e of drawn.edges) base[e] = 1;
    let mask = base.slice();
    let added = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const camera = sigma.getCamera();
    const captor = sigma.getMouseCaptor();
    const fill = () => {
      if (captor.isMouseDown || building.current) return;
      if (camera.getState().ratio > FILL_IN_RATIO) return; // most of the graph is in view: the overview is what fits
      const { width, height } = sigma.getDimensions();
      const a = sigma.viewportToGraph({ x: 0, y: 0 });
      const b = sigma.viewportToGraph({ x: width, y: height });
      const rect = { x0: a.x, y0: a.y, x1: b.x, y1: b.y };
      let g = sigma.getGraph();
      if (added >= VIEWPORT_EDGE_BUDGET) {
        // Too many added over the session: start again from the overview, with this view's edges.
        mask = base.slice();
        added = 0;
        g = buildRenderGraph(graph, drawn, look.current);
        built.current = { graph: g, drawn, appearance: look.current };
          slicer.clear();
        const more = viewportEdges(graph, visible, mask, grid, rect);
        for (const e of more) {
          mask[e] = 1;
          addRenderEdge(graph, g, e, look.current.look);
        }
        added = more.length;
        sigma.setGraph(g);
      } else {
        const more = viewportEdges(graph, visible, mask, grid, rect, VIEWPORT_EDGE_BUDGET - added);
        for (const e of more) {
          mask[e] = 1;
          addRenderEdge(graph, g, e, look.current.look);
        }
          added += more.length;
      }
      onDrawn({ nodes: drawn.nodes.length, edges: drawn.edges.length + added, visibleEdges: drawn.visibleEdges, overview: true });
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(fill, SETTLE_MS);
    };
    camera.on("updated", arm);
    captor.on("mouseup", arm);
    return () => {
      clearTimeout(timer);
      camera.off("updated", arm);
      captor.off("mouseup", arm);
    };
  }, [sigma, graph, visible, drawn, onDrawn, slicer]);

  return null;
}
