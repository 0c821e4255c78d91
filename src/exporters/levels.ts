/**
 * Exports at a chosen level of the resolution ladders: a copy of the graph whose `community` / `topicCluster` node
 * attributes and `communities` / `topicClusters` tables are the level's (src/model/levels.ts), so every exporter's
 * colours, cluster numbers and legends follow the level without knowing about ladders.
 */
import type { GraphAttributes, NodeAttributes } from "../model/graph-file";
import { attributesAtLevels, clampLevel, graphAttributesAtLevels, levelInfo } from "../model/levels";
import type { ExportableGraph, ExportLevels } from "./types";

/** The levels that exist in this graph (out-of-range levels fall back to the default level). */
export function resolveLevels(graph: ExportableGraph, levels: ExportLevels): Required<ExportLevels> & { resolution: { community: number | null; topicCluster: number | null } } {
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

/**
 * A view of the graph at those levels (graphology or the explorer's CompactGraph alike): attributes are mapped when
 * read, nothing is copied, so an export at a level costs what an export at the default level does.
 */
export function graphAtLevels(graph: ExportableGraph, levels: ExportLevels): ExportableGraph {
  const attrs = graphAttributesAtLevels(graph.getAttributes() as Partial<GraphAttributes>, levels);
  const at = <A extends object>(a: A): A => attributesAtLevels(a as Partial<NodeAttributes>, levels) as A;
  return {
    type: graph.type,
    multi: graph.multi,
    allowSelfLoops: graph.allowSelfLoops,
    getAttributes: () => attrs,
    getNodeAttributes: (key) => at(graph.getNodeAttributes(key)),
    forEachNode: (cb) => graph.forEachNode((key, a) => cb(key, at(a))),
    forEachNeighbor: (key, cb) => graph.forEachNeighbor(key, (n, a) => cb(n, at(a))),
    forEachEdge: (cb) => graph.forEachEdge((key, a, s, t, sa, ta, u) => cb(key, a, s, t, at(sa), at(ta), u)),
  };
}
