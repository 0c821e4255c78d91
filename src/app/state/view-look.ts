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
  groupOf,
  isNoLinks,
  legendFor,
  LOOKS,
  nodeColors,
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
} from "../../model/appearance";
import { clusterLabelSpecs, shorten, type ClusterLabelSpec } from "../../model/label-placement";
import type { Lens, VisibleSet } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";

export function groupTables(graph: PaperGraph): GroupTables {
  return { communities: graph.getAttribute("communities") ?? {}, topicClusters: graph.getAttribute("topicClusters") ?? {} };
}

/**
 * Cluster labels of the grouping that colours the view, at the centroid (graph coordinates) of each group's drawn
 * members; none for year colouring. Groups sharing the "other" or "none" colour get no label: it would name one group
 * for a colour that several share.
 */
export function clusterLabelsFor(graph: PaperGraph, visible: VisibleSet, mode: ResolvedColorMode, tables: GroupTables): ClusterLabelSpec[] {
  const group = groupModeOf(mode);
  if (!group) return [];
  const table = tableOf(tables, group);
  const colors = groupColors(table);
  const members = [...visible.nodes].map((k) => {
    const a = graph.getNodeAttributes(k);
    return { group: groupOf(a, group), x: a.x, y: a.y };
  });
  return clusterLabelSpecs(members, (id) => {
    const info = table[String(id)];
    const color = groupColor(colors, id);
    if (!info || isNoLinks(info) || color === OTHER_COLOR || color === NONE_COLOR) return null;
    return { label: shorten(info.label, 40), color };
  });
}

export interface ViewLook {
  mode: ResolvedColorMode;
  nodeColors: Map<string, string>;
  legend: Legend;
  clusterLabels: ClusterLabelSpec[];
  look: Look;
}

export function useViewLook(graph: PaperGraph, colorMode: ColorMode, lens: Lens, visible: VisibleSet, theme: ThemeName): ViewLook {
  const mode = resolveColorMode(colorMode, lens);
  const tables = useMemo(() => groupTables(graph), [graph]);
  const colors = useMemo(() => nodeColors(graph, mode, tables), [graph, mode, tables]);
  const legend = useMemo(() => legendFor(graph, mode, tables, visible.nodes), [graph, mode, tables, visible]);
  const clusterLabels = useMemo(() => clusterLabelsFor(graph, visible, mode, tables), [graph, visible, mode, tables]);
  return { mode, nodeColors: colors, legend, clusterLabels, look: LOOKS[theme] };
}
