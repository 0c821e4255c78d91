/**
 * Sigma settings, fixed for the life of the renderer (the reducers are installed separately, once). A module
 * constant on purpose: @react-sigma re-creates the renderer when the settings object changes.
 */
import type { Settings } from "sigma/settings";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../data/types";

/** The node and edge programs every drawn item uses (named in the render graph too: see render-graph.ts). */
export const NODE_TYPE = "circle";
export const EDGE_TYPE = "line";

export const SIGMA_SETTINGS: Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> = {
  renderEdgeLabels: false,
  // Label candidates: sigma's grid offers the largest nodes of each cell (none drawn smaller than the threshold);
  // LabelLayer then places them so that none overlaps another (label-layout.ts), so the grid may offer a few more
  // than fit. Zooming in reveals more.
  labelDensity: 1.5,
  labelGridCellSize: 90,
  labelRenderedSizeThreshold: 6,
  labelFont: "Inter, system-ui, sans-serif",
  labelSize: 12,
  labelWeight: "500",
  labelColor: { color: "#1f2330" },
  zIndex: true,
  defaultNodeType: NODE_TYPE,
  defaultEdgeType: EDGE_TYPE,
  defaultEdgeColor: "#c9ccd6",
  minCameraRatio: 0.02,
  maxCameraRatio: 5,
  stagePadding: 40,
  // jsdom / headless without WebGL still mounts (the app shows the panels; the canvas stays blank).
  allowInvalidContainer: true,
};
