/**
 * Research clusters (by subject, from the topic stage) on every node: papers and topics as the topic stage assigned
 * them; an author gets the cluster most of their papers belong to (papers without a cluster do not vote; a tie goes to
 * the lower id, i.e. the larger cluster; no clustered paper: -1).
 */
import type { ClusterInfo } from "../../model/graph-file";
import type { TopicClusterResult } from "../topics/types";
import type { NodeTable } from "./node-table";
import { groupColor, groupColors } from "../../model/appearance";

/** The most frequent value, ties to the smallest; null for no votes. */
export function majority(votes: Iterable<number>): number | null {
  const counts = new Map<number, number>();
  for (const v of votes) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/** Research cluster per node index. */
export function topicClustersOf(nodes: NodeTable, clusters: TopicClusterResult): Int32Array {
  const out = new Int32Array(nodes.keys.length).fill(-1);
  const votes: number[][] = Array.from({ length: nodes.paperStart }, () => []);
  nodes.papers.forEach((p, i) => {
    const c = clusters.paperCluster.get(p.key) ?? -1;
    out[nodes.paperStart + i] = c;
    if (c >= 0) for (const a of nodes.paperAuthors[i]!) votes[a]!.push(c);
  });
  nodes.topics.forEach((t, i) => {
    out[nodes.topicStart + i] = clusters.topicCluster.get(t.key) ?? -1;
  });
  for (let a = 0; a < nodes.paperStart; a++) out[a] = majority(votes[a]!) ?? -1;
  return out;
}

/** Graph attribute `topicClusters`: id -> { label, size, terms, color, termWeights, typicalPapers }, in id order. */
export function topicClusterInfo(clusters: TopicClusterResult): Record<string, ClusterInfo> {
  const out: Record<string, ClusterInfo> = {};
  for (const c of [...clusters.clusters].sort((a, b) => a.id - b.id)) {
    const info: ClusterInfo = { label: c.label, size: c.size, terms: [...c.terms], color: "" };
    if (c.termWeights) info.termWeights = c.termWeights.map((t) => ({ term: t.term, weight: t.weight }));
    if (c.typicalPapers) info.typicalPapers = [...c.typicalPapers];
    out[String(c.id)] = info;
  }
  const colors = groupColors(out);
  for (const [id, info] of Object.entries(out)) info.color = groupColor(colors, Number(id));
  return out;
}
