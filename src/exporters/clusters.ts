/** Which partition the exported colours and clusters refer to, and the legend that honestly describes them. */
import type { ClusterInfo, NodeAttributes } from "../model/graph-file";
import { parseColor, toHex } from "./color";
import type { Selection } from "./selection";
import type { LegendItem, Provenance } from "./types";

export type ClusterMode = "community" | "topicCluster";

export function clusterOf(a: NodeAttributes, mode: ClusterMode): number {
  const v = mode === "community" ? a.community : a.topicCluster;
  return typeof v === "number" && Number.isFinite(v) ? v : -1;
}

function table(sel: Selection, mode: ClusterMode): Record<string, ClusterInfo> {
  const t = mode === "community" ? sel.graphAttributes.communities : sel.graphAttributes.topicClusters;
  return t && typeof t === "object" ? t : {};
}

const sameColor = (a: string, b: string) => toHex(parseColor(a)) === toHex(parseColor(b));

function colorMatches(sel: Selection, mode: ClusterMode): number {
  const t = table(sel, mode);
  let n = 0;
  for (const node of sel.nodes) {
    const info = t[String(clusterOf(node.attributes, mode))];
    if (info && typeof info.color === "string" && sameColor(info.color, node.display.color)) n++;
  }
  return n;
}

/** The view's own cluster mode; for the whole graph, the partition whose colours the nodes actually wear. */
export function pickClusterMode(sel: Selection, prov: Provenance): ClusterMode {
  if (prov.filter !== "whole graph") return prov.filter.clusterMode;
  return colorMatches(sel, "topicCluster") > colorMatches(sel, "community") ? "topicCluster" : "community";
}

export interface ClusterGroup {
  id: number;
  label: string;
  color: string | null;
  size: number;
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
  return [...sizes.entries()]
    .map(([id, size]) => {
      const info = t[String(id)];
      return {
        id,
        size,
        label: id < 0 ? none : info && typeof info.label === "string" && info.label ? info.label : `${mode === "community" ? "Community" : "Cluster"} ${id}`,
        color: info && typeof info.color === "string" ? info.color : null,
      };
    })
    .sort((a, b) => b.size - a.size || a.id - b.id);
}

/** Legend entries for clusters that some exported member is drawn in the cluster's colour (so the legend never lies). */
export function deriveLegend(sel: Selection, prov: Provenance): LegendItem[] {
  const mode = pickClusterMode(sel, prov);
  const groups = clusterGroups(sel, mode).filter((g) => g.id >= 0 && g.color !== null);
  const worn = new Set<number>();
  const colorOf = new Map(groups.map((g) => [g.id, g.color!]));
  for (const n of sel.nodes) {
    const id = clusterOf(n.attributes, mode);
    const c = colorOf.get(id);
    if (c !== undefined && sameColor(c, n.display.color)) worn.add(id);
  }
  return groups.filter((g) => worn.has(g.id)).map((g) => ({ label: g.label, color: g.color! }));
}
