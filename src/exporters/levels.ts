/**
 * Exports at a chosen level of the resolution ladders: a copy of the graph whose `community` / `topicCluster` node
 * attributes and `communities` / `topicClusters` tables are the level's (src/model/levels.ts), so every exporter's
 * colours, cluster numbers and legends follow the level without knowing about ladders.
 */
import type Graph from "graphology";
import type { GraphAttributes, NodeAttributes } from "../model/graph-file";
import { attributesAtLevels, clampLevel, graphAttributesAtLevels, levelInfo } from "../model/levels";
import type { ExportLevels } from "./types";

/** The levels that exist in this graph (out-of-range levels fall back to the default level). */
export function resolveLevels(graph: Graph, levels: ExportLevels): Required<ExportLevels> & { resolution: { community: number | null; topicCluster: number | null } } {
  const attrs = graph.getAttributes() as Partial<GraphAttributes>;
  const community = clampLevel(attrs, "community", levels.community);
  const topicCluster = clampLevel(attrs, "topicCluster", levels.topicCluster);
  return {
    community,
    topicCluster,
    resolution: {
      community: levelInfo(attrs, "community", community)?.resolution ?? null,
      topicCluster: levelInfo(attrs, "topicCluster", topicCluster)?.resolution ?? null,
    },
  };
}

export function graphAtLevels(graph: Graph, levels: ExportLevels): Graph {
  const copy = graph.copy();
  copy.replaceAttributes(graphAttributesAtLevels(graph.getAttributes() as Partial<GraphAttributes>, levels));
  copy.updateEachNodeAttributes((_key, a) => attributesAtLevels(a as NodeAttributes, levels));
  return copy;
}
