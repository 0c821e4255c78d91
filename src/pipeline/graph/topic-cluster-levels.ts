/**
 * The research clusters' resolution ladder on the graph's nodes: papers and topics as the topic stage put them at each
 * level (topics/cluster.ts clusterLadder), authors by the majority of their papers (topic-clusters.ts, the rule of the
 * default level); groups tables with labels, sizes, terms and colour slots; stability per node (papers: the topic
 * stage's score; authors: the mean over their papers; topics: the mean over the papers linked to them).
 */
import { groupColor, groupColors } from "../../model/appearance";
import type { ClusterInfo, PartitionLadder } from "../../model/graph-file";
import { paletteRanks } from "../levels";
import type { ClusterLadder, TopicClusterResult } from "../topics/types";
import type { NodeTable } from "./node-table";
import { topicClustersOf } from "./topic-clusters";

export interface TopicClusterLadderResult {
  ladder: PartitionLadder;
  levels: Int32Array[];
  stability: Float64Array;
}

export function topicClusterLadder(nodes: NodeTable, base: Int32Array, input: ClusterLadder): TopicClusterLadderResult {
  const levels = input.levels.map((level, l) =>
    l === input.default ? base : topicClustersOf(nodes, { paperCluster: level.paperCluster, topicCluster: level.topicCluster, clusters: level.clusters } as TopicClusterResult),
  );
  const paperLevels = levels.map((level) => level.subarray(nodes.paperStart, nodes.topicStart));
  const ranks = paletteRanks(paperLevels, input.default);
  const ladder: PartitionLadder = {
    default: input.default,
    levels: input.levels.map((level, l) => {
      const count = level.clusters.length;
      if (l === input.default) return { resolution: level.resolution, modularity: level.modularity, count };
      const table: Record<string, ClusterInfo> = {};
      for (const c of level.clusters) table[String(c.id)] = { label: c.label, size: c.size, terms: [...c.terms], color: "", paletteRank: ranks[l]!.get(c.id)! };
      const colors = groupColors(table);
      for (const [id, info] of Object.entries(table)) info.color = groupColor(colors, Number(id));
      return { resolution: level.resolution, modularity: level.modularity, count, groups: table };
    }),
    stabilitySeeds: input.stabilitySeeds,
  };
  return { ladder, levels, stability: nodeStability(nodes, input.paperStability) };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function nodeStability(nodes: NodeTable, paperStability: Map<string, number>): Float64Array {
  const out = new Float64Array(nodes.keys.length);
  const sum = new Float64Array(nodes.keys.length);
  const count = new Int32Array(nodes.keys.length);
  nodes.papers.forEach((p, i) => {
    const s = paperStability.get(p.key) ?? 1;
    out[nodes.paperStart + i] = s;
    for (const a of nodes.paperAuthors[i]!) {
      sum[a]! += s;
      count[a]!++;
    }
    for (const link of nodes.paperTopics[i]!) {
      const t = nodes.index.get(link.topic)!;
      sum[t]! += s;
      count[t]!++;
    }
  });
  for (let i = 0; i < nodes.keys.length; i++) {
    if (i >= nodes.paperStart && i < nodes.topicStart) continue;
    out[i] = count[i]! > 0 ? round3(sum[i]! / count[i]!) : 1;
  }
  return out;
}
