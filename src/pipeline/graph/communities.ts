/**
 * Co-authorship communities: Louvain (graphology-communities-louvain) on the co-author subgraph (authors with at least one
 * co-author, coauthor edges weighted by joint papers), seeded rng, configurable resolution.
 *
 * Authors without any co-author edge (single-author papers, or only papers above coauthorMaxAuthors) share ONE community,
 * "No co-author links": Louvain would make each
 * a community of one, flooding the cluster list with hundreds of one-person entries that say nothing about
 * collaboration. The shared bucket is flagged `noLinks`, drawn in the neutral "none" colour (src/model/appearance.ts) and
 * excluded from the modularity (it is not a partition Louvain chose).
 *
 * Papers take the community most of their authors belong to (ties: the earliest such author in the byline); papers
 * without authors (trending listings, bare arXiv records) and topics get -1.
 * Community ids: 0..n-1 by size (number of authors) descending, ties by the smallest member key.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import type { ClusterInfo } from "../../model/graph-file";
import { compareStrings, round6 } from "./numbers";
import { groupColor, groupColors, NO_COAUTHORS_LABEL } from "../../model/appearance";
import type { PaperGraph, Rng } from "./types";

export interface CommunityOptions {
  resolution: number;
  rng: Rng;
}

export interface CommunityResult {
  /** Node key -> community id, for authors and papers (papers without authors: -1). */
  communities: Map<string, number>;
  /** Members (author keys, sorted) per community id. */
  members: string[][];
  /** Modularity of the Louvain partition of the co-author subgraph (0 when it has no edges). */
  modularity: number;
  /** Id of the shared "No co-author links" community, or null when every author has a co-author. */
  isolated: number | null;
}

export { NO_COAUTHORS_LABEL };

function coauthorSubgraph(graph: PaperGraph): Graph<Record<string, never>, { weight: number }> {
  const sub = new Graph<Record<string, never>, { weight: number }>({ type: "undirected", multi: false, allowSelfLoops: false });
  // Nodes and edges in the big graph's (sorted) order, so Louvain's traversal and thus its result are reproducible.
  graph.forEachNode((key, attributes) => {
    if (attributes.kind !== "author") return;
    let has = false;
    graph.forEachUndirectedEdge(key, (_edge, edge) => {
      if (edge.kind === "coauthor") has = true;
    });
    if (has) sub.addNode(key);
  });
  graph.forEachUndirectedEdge((key, edge, source, target) => {
    if (edge.kind === "coauthor") sub.addUndirectedEdgeWithKey(key, source, target, { weight: edge.weight });
  });
  return sub;
}

export function detectCommunities(graph: PaperGraph, options: CommunityOptions): CommunityResult {
  const sub = coauthorSubgraph(graph);
  const groups: { members: string[]; isolated: boolean }[] = [];
  let modularity = 0;

  if (sub.size > 0) {
    const detailed = louvain.detailed(sub, { getEdgeWeight: "weight", resolution: options.resolution, rng: options.rng });
    modularity = round6(detailed.modularity);
    const byRaw = new Map<number, string[]>();
    sub.forEachNode((key) => {
      const raw = detailed.communities[key]!;
      const list = byRaw.get(raw);
      if (list) list.push(key);
      else byRaw.set(raw, [key]);
    });
    for (const members of byRaw.values()) groups.push({ members, isolated: false });
  }

  const loners: string[] = [];
  graph.forEachNode((key, attributes) => {
    if (attributes.kind === "author" && !sub.hasNode(key)) loners.push(key);
  });
  if (loners.length) groups.push({ members: loners, isolated: true });

  for (const g of groups) g.members.sort(compareStrings);
  groups.sort((a, b) => b.members.length - a.members.length || compareStrings(a.members[0]!, b.members[0]!));

  const communities = new Map<string, number>();
  let isolated: number | null = null;
  groups.forEach((g, id) => {
    if (g.isolated) isolated = id;
    for (const m of g.members) communities.set(m, id);
  });

  graph.forEachNode((key, attributes) => {
    if (attributes.kind !== "paper") return;
    const counts = new Map<number, number>();
    for (const a of attributes.authors) {
      const c = communities.get(a);
      if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
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
    communities.set(key, best);
  });

  return { communities, members: groups.map((g) => g.members), modularity, isolated };
}

/** Writes `community` on every node (topics and unassigned nodes: -1); returns the detection result. */
export function assignCommunities(graph: PaperGraph, options: CommunityOptions): CommunityResult {
  const result = detectCommunities(graph, options);
  graph.forEachNode((key, attributes) => {
    attributes.community = result.communities.get(key) ?? -1;
  });
  return result;
}

/**
 * Graph attribute `communities`: id -> { label, size, terms, color }. Label: the community's most central author
 * (highest PageRank, then betweenness, then key) + " et al."; terms: the topics most distinctive of the community's
 * papers (count in the community x log(1 + papers / papers with the topic), so a term every paper has ranks low).
 * Needs centralities and communities already assigned.
 */
export function communityInfo(graph: PaperGraph, result: CommunityResult, maxTerms = 5): Record<string, ClusterInfo> {
  const topicPapers = new Map<string, number>();
  const termCounts: Map<string, number>[] = result.members.map(() => new Map());
  let papersWithTopics = 0;
  graph.forEachNode((_key, attributes) => {
    if (attributes.kind !== "paper" || attributes.topics.length === 0) return;
    papersWithTopics += 1;
    for (const t of attributes.topics) topicPapers.set(t, (topicPapers.get(t) ?? 0) + 1);
    const counts = termCounts[attributes.community];
    if (counts) for (const t of attributes.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  });

  const out: Record<string, ClusterInfo> = {};
  result.members.forEach((members, id) => {
    const terms = [...termCounts[id]!]
      .map(([topic, n]) => ({ topic, score: n * Math.log(1 + papersWithTopics / topicPapers.get(topic)!) }))
      .sort((a, b) => b.score - a.score || compareStrings(a.topic, b.topic))
      .slice(0, maxTerms)
      .map((t) => {
        const a = graph.getNodeAttributes(t.topic);
        return a.kind === "topic" ? a.term : a.label;
      });

    let label = NO_COAUTHORS_LABEL;
    if (id !== result.isolated) {
      let best = members[0]!;
      for (const m of members) {
        const a = graph.getNodeAttributes(m);
        const b = graph.getNodeAttributes(best);
        if (a.pagerank > b.pagerank || (a.pagerank === b.pagerank && a.betweenness > b.betweenness)) best = m;
      }
      const name = graph.getNodeAttribute(best, "label");
      label = members.length > 1 ? `${name} et al.` : name;
    }
    out[String(id)] = { label, size: members.length, terms, color: "", ...(id === result.isolated ? { noLinks: true } : {}) };
  });
  // Palette by size among the communities that are communities: the shared no-links bucket takes no palette colour.
  const colors = groupColors(out);
  for (const [id, info] of Object.entries(out)) info.color = groupColor(colors, Number(id));
  return out;
}
