/**
 * What the view looks like, derived once per (graph, colour mode, lens, filters, theme) from the shared appearance
 * module: node colours, the legend of what is drawn, cluster labels for the map, the theme's colours. Pure functions
 * plus one hook; the renderer and the exporters read the results, so canvas, legend and files always agree.
 */
import { useMemo } from "react";
import {
  groupColor,
  groupColors,
  groupModeOf,
  isNoLinks,
  legendForAt,
  LOOKS,
  nodeColorsAt,
  nodeYearsAt,
  NONE_COLOR,
  OTHER_COLOR,
  resolveColorMode,
  tableOf,
  type ColorMode,
  type GroupTables,
  type Legend,
  type Look,
  type ResolvedColorMode,
  type ThemeName,
  type YearMode,
} from "../../model/appearance";
import { clusterLabelSpecs, shorten, type ClusterLabelSpec } from "../../model/label-placement";
import type { Lens, VisibleMask } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";

export function groupTables(graph: PaperGraph): GroupTables {
  return { communities: graph.getAttribute("communities") ?? {}, topicClusters: graph.getAttribute("topicClusters") ?? {} };
}

/**
 * Cluster labels of the grouping that colours the view, at the centroid (graph coordinates) of each group's drawn
 * members; none for year colouring. Groups sharing the "other" or "none" colour get no label: it would name one group
 * for a colour that several share.
 */
export function clusterLabelsFor(graph: PaperGraph, visible: VisibleMask, mode: ResolvedColorMode, tables: GroupTables): ClusterLabelSpec[] {
  const group = groupModeOf(mode);
  if (!group) return [];
  const table = tableOf(tables, group);
  const colors = groupColors(table);
  const ids = group === "community" ? graph.community : graph.topicCluster;
  const members: { group: number; x: number; y: number }[] = [];
  for (let i = 0; i < graph.order; i++) if (visible.nodes[i]) members.push({ group: ids[i]!, x: graph.x[i]!, y: graph.y[i]! });
  return clusterLabelSpecs(members, (id) => {
    const info = table[String(id)];
    const color = groupColor(colors, id);
    if (!info || isNoLinks(info) || color === OTHER_COLOR || color === NONE_COLOR) return null;
    return { label: shorten(info.label, 40), color };
  });
}

/** Indices of the visible nodes, in node order. */
function* visibleIndices(visible: VisibleMask): Iterable<number> {
  for (let i = 0; i < visible.nodes.length; i++) if (visible.nodes[i]) yield i;
}

export interface ViewLook {
  mode: ResolvedColorMode;
  /** Every node's colour in the mode, by node index. */
  colors: readonly string[];
  legend: Legend;
  clusterLabels: ClusterLabelSpec[];
  look: Look;
}

export function useViewLook(graph: PaperGraph, colorMode: ColorMode, lens: Lens, visible: VisibleMask, theme: ThemeName): ViewLook {
  const mode = resolveColorMode(colorMode, lens);
  const tables = useMemo(() => groupTables(graph), [graph]);
  // Years once per mode (the legend of a year mode reads them on every filter change).
  const years = useMemo(() => (groupModeOf(mode) ? null : nodeYearsAt(graph, mode as YearMode)), [graph, mode]);
  const colors = useMemo(() => nodeColorsAt(graph, mode, tables), [graph, mode, tables]);
  const legend = useMemo(() => legendForAt(graph, mode, tables, visibleIndices(visible), years), [graph, mode, tables, visible, years]);
  const clusterLabels = useMemo(() => clusterLabelsFor(graph, visible, mode, tables), [graph, visible, mode, tables]);
  const look = LOOKS[theme];
  return useMemo(() => ({ mode, colors, legend, clusterLabels, look }), [mode, colors, legend, clusterLabels, look]);
}
