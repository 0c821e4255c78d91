/**
 * Renders nothing. Installs the node/edge reducers once per renderer (they read the latest DisplayState from a ref)
 * and refreshes sigma when the display state changes. The graph's attributes are never written.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect, useRef } from "react";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../data/types";
import { edgeDisplay, nodeDisplay, type DisplayState } from "./reducers";

export function ReducersController({ display }: { display: DisplayState }) {
  const sigma = useSigma<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const current = useRef(display);

  // No cleanup on purpose: resetting a setting refreshes the renderer, and on unmount SigmaContainer has already
  // killed it (parents clean up first), which throws; a new renderer gets its reducers from this effect.
  useEffect(() => {
    sigma.setSetting("nodeReducer", (key, attrs) => ({ ...attrs, ...nodeDisplay(key, attrs, current.current) }));
    sigma.setSetting("edgeReducer", (key, attrs) => ({ ...attrs, ...edgeDisplay(key, attrs, current.current) }));
  }, [sigma]);

  useEffect(() => {
    if (current.current === display) return;
    current.current = display;
    sigma.refresh({ skipIndexation: true });
  }, [sigma, display]);

  return null;
}
