/**
 * Co-authorship communities: Louvain (graphology-communities-louvain) on the co-author subgraph (authors with at least
 * one co-author, coauthor edges weighted by joint papers), seeded rng, configurable resolution. The subgraph is built
 * straight from the edge table (authors in key order, co-author edges in key order: the order the knowledge graph
 * holds them), never by walking the knowledge graph.
 *
 * Authors without any co-author edge (single-author papers, or only papers above coauthorMaxAuthors) share ONE
 * community, "No co-author links": Louvain would make each a community of one, flooding the cluster list with
 * hundreds of one-person entries that say nothing about collaboration. The shared bucket is flagged `noLinks`, drawn in
 * the neutral "none" colour (src/model/appearance.ts) and excluded from the modularity (it is not a partition Louvain
 * chose).
 *
 * Papers take the community most of their authors belong to (ties: the earliest such author in the byline); papers
 * without authors (trending listings, bare arXiv records) and topics get -1.
 * Community ids: 0..n-1 by size (number of authors) descending, ties by the smallest member key.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { groupColor, groupColors, NO_COAUTHORS_LABEL } from "../../model/appearance";
import type { ClusterInfo } from "../../model/graph-file";
import { EDGE_KINDS, type EdgeTable } from "./build-edges";
import type { NodeTable } from "./node-table";
import { compareStrings, round6 } from "./numbers";
import type { Rng } from "./types";

export interface CommunityOptions {
  resolution: number;
  rng: Rng;
}

export interface CommunityResult {
  /** Community id per node (papers without authors and topics: -1). */
  community: Int32Array;
  /** Member author indices (ascending, i.e. by key) per community id. */
  members: number[][];
  /** Modularity of the Louvain partition of the co-author subgraph (0 when it has no edges). */
  modularity: number;
  /** Id of the shared "No co-author links" community, or null when every author has a co-author. */
  isolated: number | null;
}

export { NO_COAUTHORS_LABEL };

const COAUTHOR = EDGE_KINDS.indexOf("coauthor");

/** Louvain's community per author index (-1 for authors without co-author edges), and the modularity. */
function louvainOnCoauthors(nodes: NodeTable, edges: EdgeTable, options: CommunityOptions): { raw: Int32Array; modularity: number } {
  const authors = nodes.paperStart;
  const raw = new Int32Array(authors).fill(-1);
  const from = edges.kindStart[COAUTHOR]!;
  const to = edges.kindStart[COAUTHOR + 1]!;
  if (to === from) return { raw, modularity: 0 };
  const linked = new Uint8Array(authors);
  for (let e = from; e < to; e++) linked[edges.source[e]!] = linked[edges.target[e]!] = 1;
  const sub = new Graph<Record<string, never>, { weight: number }>({ type: "undirected", multi: false, allowSelfLoops: false });
  for (let a = 0; a < authors; a++) if (linked[a]) sub.addNode(nodes.keys[a]!);
  // Louvain reads edges and their weights, never their keys: short keys save building the long ones twice.
  for (let e = from; e < to; e++) {
    sub.addUndirectedEdgeWithKey(e - from, nodes.keys[edges.source[e]!]!, nodes.keys[edges.target[e]!]!, { weight: edges.weight[e]! });
  }
  const detailed = louvain.detailed(sub, { getEdgeWeight: "weight", resolution: options.resolution, rng: options.rng });
  for (let a = 0; a < authors; a++) if (linked[a]) raw[a] = detailed.communities[nodes.keys[a]!]!;
  return { raw, modularity: round6(detailed.modularity) };
}

export function detectCommunities(nodes: NodeTable, edges: EdgeTable, options: CommunityOptions): CommunityResult {
  const { raw, modularity } = louvainOnCoauthors(nodes, edges, options);
  return communitiesOf(nodes, raw, modularity);
}

/**
 * Communities from a community per author index (-1: no co-author edge): ids 0..n-1 by size, the loners' shared
 * bucket, papers by their authors' majority. Used for the build's partition and for every level of the ladder.
 */
export function communitiesOf(nodes: NodeTable, raw: Int32Array, modularity: number): CommunityResult {
  const groups: { members: number[]; isolated: boolean }[] = [];
  const byRaw = new Map<number, number[]>();
  const loners: number[] = [];
  for (let a = 0; a < raw.length; a++) {
    const c = raw[a]!;
    if (c < 0) {
      loners.push(a);
      continue;
    }
    const list = byRaw.get(c);
    if (list) list.push(a);
    else byRaw.set(c, [a]);
  }
  for (const members of byRaw.values()) groups.push({ members, isolated: false });
  if (loners.length) groups.push({ members: loners, isolated: true });
  // Members are ascending indices, i.e. in key order: the first member is the smallest key.
  groups.sort((a, b) => b.members.length - a.members.length || compareStrings(nodes.keys[a.members[0]!]!, nodes.keys[b.members[0]!]!));

  const community = new Int32Array(nodes.keys.length).fill(-1);
  let isolated: number | null = null;
  groups.forEach((g, id) => {
    if (g.isolated) isolated = id;
    for (const m of g.members) community[m] = id;
  });
  paperCommunities(nodes, community);
  return { community, members: groups.map((g) => g.members), modularity, isolated };
}

/** Papers take the community most of their authors belong to (ties: the earliest such author in the byline). */
export function paperCommunities(nodes: NodeTable, community: Int32Array): void {
  const counts = new Map<number, number>();
  nodes.paperAuthors.forEach((byline, i) => {
    counts.clear();
    for (const a of byline) {
      const c = community[a]!;
      if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    // Map iteration follows first appearance in the byline, so a strict ">" keeps the earliest author on ties.
    let best = -1;
    let bestCount = 0;
    for (const [c, n] of counts) {
      if (n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    community[nodes.paperStart + i] = best;
  });
}

/**
 * Graph attribute `communities`: id -> { label, size, terms, color }. Label: the community's most central author
 * (highest PageRank, then betweenness, then key) + " et al."; terms: the topics most distinctive of the community's
 * papers (count in the community x log(1 + papers / papers with the topic), so a term every paper has ranks low).
 */
export function communityInfo(
  nodes: NodeTable,
  result: CommunityResult,
  centrality: { pagerank: Float64Array; betweenness: Float64Array },
  maxTerms = 5,
): Record<string, ClusterInfo> {
  const topicPapers = new Map<string, number>();
  const termCounts: Map<string, number>[] = result.members.map(() => new Map());
  let papersWithTopics = 0;
  nodes.paperTopics.forEach((links, i) => {
    if (links.length === 0) return;
    papersWithTopics += 1;
    for (const l of links) topicPapers.set(l.topic, (topicPapers.get(l.topic) ?? 0) + 1);
    const counts = termCounts[result.community[nodes.paperStart + i]!];
    if (counts) for (const l of links) counts.set(l.topic, (counts.get(l.topic) ?? 0) + 1);
  });
  const termOf = (topicKey: string) => nodes.topics[nodes.index.get(topicKey)! - nodes.topicStart]!.term;
  const { pagerank, betweenness } = centrality;

  const out: Record<string, ClusterInfo> = {};
  result.members.forEach((members, id) => {
    const terms = [...termCounts[id]!]
      .map(([topic, n]) => ({ topic, score: n * Math.log(1 + papersWithTopics / topicPapers.get(topic)!) }))
      .sort((a, b) => b.score - a.score || compareStrings(a.topic, b.topic))
      .slice(0, maxTerms)
      .map((t) => termOf(t.topic));

    let label = NO_COAUTHORS_LABEL;
    if (id !== result.isolated) {
      let best = members[0]!;
      for (const m of members) {
        if (pagerank[m]! > pagerank[best]! || (pagerank[m] === pagerank[best] && betweenness[m]! > betweenness[best]!)) best = m;
      }
      const name = nodes.authors[best]!.name;
      label = members.length > 1 ? `${name} et al.` : name;
    }
    out[String(id)] = { label, size: members.length, terms, color: "", ...(id === result.isolated ? { noLinks: true } : {}) };
  });
  // Palette by size among the communities that are communities: the shared no-links bucket takes no palette colour.
  const colors = groupColors(out);
  for (const [id, info] of Object.entries(out)) info.color = groupColor(colors, Number(id));
  return out;
}
