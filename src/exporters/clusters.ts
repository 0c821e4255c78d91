/**
 * The groups of an export's partition (the one its colour mode names: Provenance.colorMode; research clusters for year
 * colouring), for formats that number clusters (VOSviewer). Colours come from the shared appearance module.
 */
import { groupColors, groupModeOf, isNoLinks, type GroupMode, type ResolvedColorMode } from "../model/appearance";
import type { ClusterInfo, NodeAttributes } from "../model/graph-file";
import type { Selection } from "./selection";

export type ClusterMode = GroupMode;

/** The partition an export numbers its clusters by: the colour mode's, else research clusters. */
export function exportGroupMode(colorMode: ResolvedColorMode): ClusterMode {
  return groupModeOf(colorMode) ?? "topicCluster";
}

export function clusterOf(a: NodeAttributes, mode: ClusterMode): number {
  const v = mode === "community" ? a.community : a.topicCluster;
  return typeof v === "number" && Number.isFinite(v) ? v : -1;
}

function table(sel: Selection, mode: ClusterMode): Record<string, ClusterInfo> {
  const t = mode === "community" ? sel.graphAttributes.communities : sel.graphAttributes.topicClusters;
  return t && typeof t === "object" ? t : {};
}

export interface ClusterGroup {
  id: number;
  label: string;
  color: string | null;
  size: number;
  noLinks: boolean;
}

/** Clusters present in the selection, largest first (ties by id). */
export function clusterGroups(sel: Selection, mode: ClusterMode): ClusterGroup[] {
  const t = table(sel, mode);
  const sizes = new Map<number, number>();
  for (const n of sel.nodes) {
    const id = clusterOf(n.attributes, mode);
    sizes.set(id, (sizes.get(id) ?? 0) + 1);
  }
  const none = mode === "community" ? "No community" : "No research cluster";
  const colors = groupColors(t);
  return [...sizes.entries()]
    .map(([id, size]) => {
      const info = t[String(id)];
      return {
        id,
        size,
        label: id < 0 ? none : info && typeof info.label === "string" && info.label ? info.label : `${mode === "community" ? "Community" : "Cluster"} ${id}`,
        color: info ? (colors.get(id) ?? null) : null,
        noLinks: isNoLinks(info),
      };
    })
    .sort((a, b) => b.size - a.size || a.id - b.id);
}

