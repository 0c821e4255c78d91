/**
 * Renders nothing. Installs the node/edge reducers once per renderer (they read the latest DisplayState from a ref)
 * and refreshes sigma when the display state changes: only the nodes and edges whose look changed when just the lit
 * neighbourhood moved (refresh-plan.ts), everything otherwise. The graph's attributes are never written.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect, useRef } from "react";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../data/types";
import { edgeDisplay, nodeDisplay, type DisplayState } from "./reducers";
import { planRefresh } from "./refresh-plan";

export function ReducersController({ display }: { display: DisplayState }) {
  const sigma = useSigma<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const current = useRef(display);

  // No cleanup on purpose: resetting a setting refreshes the renderer, and on unmount SigmaContainer has already
  // killed it (parents clean up first), which throws; a new renderer gets its reducers from this effect.
  useEffect(() => {
    // Only what sigma draws: sigma already hands the reducer its own copy of the attributes, and copying a paper's
    // ~30 attributes again for every node on every full refresh is wasted work on large graphs.
    sigma.setSetting("nodeReducer", (key, attrs) => ({ x: attrs.x, y: attrs.y, ...nodeDisplay(key, attrs, current.current) }));
    sigma.setSetting("edgeReducer", (key, attrs) => ({ ...attrs, ...edgeDisplay(key, attrs, current.current) }));
  }, [sigma]);

  useEffect(() => {
    const plan = planRefresh(current.current, display);
    current.current = display;
    if (plan.kind === "none") return;
    // Partial: sigma re-runs the reducers for these keys only and rewrites them in place in its WebGL buffers (no
    // reindexing, no reprocessing of the other ~100k items). Their draw order (zIndex) stays as last fully processed.
    if (plan.kind === "partial") sigma.refresh({ partialGraph: { nodes: plan.nodes, edges: plan.edges }, skipIndexation: true });
    else sigma.refresh({ skipIndexation: true });
  }, [sigma, display]);

  return null;
}
