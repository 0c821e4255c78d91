/**
 * Co-authorship communities: Louvain (graphology-communities-louvain) on the co-author subgraph (authors with at least
 * one co-author, coauthor edges weighted by joint papers), seeded rng, configurable resolution. The library reads the
 * subgraph through a view of the edge table (authors in key order, co-author edges in key order: the order the
 * knowledge graph holds them), never a graphology copy.
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

/**
 * The co-author graph as graphology-communities-louvain reads it, straight from the edge table. The library (2.0.x,
 * graphology-indices' UndirectedLouvainIndex) reads a graph only to build its own index, through `type`, `multi`,
 * `order`, `size`, `selfLoopCount`, `forEachNode`, `undirectedDegreeWithoutSelfLoops` and `forEachEdge`, then runs
 * on that index. A real graphology graph of the co-author edges (1.2 M at 100,000 papers) cost 20 s and 800 MB to
 * build for those calls (the algorithm itself 3 s), so this view answers them from the arrays: the same nodes in the
 * same order (linked authors by index), the same edges in the same order with the same weights, so the index, the
 * random stream's use and the partition are the library's own (test/pipeline/graph/communities.test.ts compares it with
 * a graphology graph). Node keys are author indices as strings: the library uses keys only to name its result.
 * Anything else a future version might call is absent and fails loudly rather than giving another partition.
 */
class CoauthorLouvainView {
  readonly type = "undirected";
  readonly multi = false;
  readonly selfLoopCount = 0;
  readonly order: number;
  readonly size: number;
  private readonly degree: Int32Array;

  constructor(
    private readonly linked: Int32Array,
    authors: number,
    private readonly source: Int32Array,
    private readonly target: Int32Array,
  ) {
    this.order = linked.length;
    this.size = source.length;
    this.degree = new Int32Array(authors);
    for (let e = 0; e < source.length; e++) {
      this.degree[source[e]!]!++;
      this.degree[target[e]!]!++;
    }
  }

  forEachNode(callback: (key: string) => void): void {
    for (const a of this.linked) callback(String(a));
  }

  undirectedDegreeWithoutSelfLoops(key: string): number {
    return this.degree[Number(key)]!;
  }

  /** Edge keys are edge indices (the weight getter reads the weight by index). */
  forEachEdge(callback: (edge: number, attributes: undefined, source: string, target: string, sa: undefined, ta: undefined, undirected: boolean) => void): void {
    for (let e = 0; e < this.size; e++) callback(e, undefined, String(this.source[e]!), String(this.target[e]!), undefined, undefined, true);
  }

  // What graphology-utils' isGraph checks for; this view is read-only.
  addUndirectedEdgeWithKey(): never {
    throw new Error("the co-author view of the Louvain step is read-only");
  }

  dropNode(): never {
    throw new Error("the co-author view of the Louvain step is read-only");
  }
}

/** Louvain's community per author index (-1 for authors without co-author edges), and the modularity. */
export function louvainOnCoauthors(nodes: NodeTable, edges: EdgeTable, options: CommunityOptions): { raw: Int32Array; modularity: number } {
  const authors = nodes.paperStart;
  const raw = new Int32Array(authors).fill(-1);
  const from = edges.kindStart[COAUTHOR]!;
  const to = edges.kindStart[COAUTHOR + 1]!;
  if (to === from) return { raw, modularity: 0 };
  const linkedFlag = new Uint8Array(authors);
  for (let e = from; e < to; e++) linkedFlag[edges.source[e]!] = linkedFlag[edges.target[e]!] = 1;
  const linked: number[] = [];
  for (let a = 0; a < authors; a++) if (linkedFlag[a]) linked.push(a);
  const weight = edges.weight.subarray(from, to);
  const view = new CoauthorLouvainView(Int32Array.from(linked), authors, edges.source.subarray(from, to), edges.target.subarray(from, to));
  const detailed = louvain.detailed(view as unknown as Parameters<typeof louvain.detailed>[0], {
    getEdgeWeight: (edge: unknown) => weight[edge as number]!,
    resolution: options.resolution,
    rng: options.rng,
  });
  for (const a of linked) raw[a] = detailed.communities[String(a)]!;
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
  let groups = 0;
  for (let a = 0; a < nodes.paperStart; a++) groups = Math.max(groups, community[a]! + 1);
  const counts = new Int32Array(groups);
  nodes.paperAuthors.forEach((byline, i) => {
    for (const a of byline) {
      const c = community[a]!;
      if (c >= 0) counts[c]!++;
    }
    // Each community is weighed at its first author in the byline (its count then cleared, so later authors of it are
    // passed over), and a strict ">" keeps the earliest on ties.
    let best = -1;
    let bestCount = 0;
    for (const a of byline) {
      const c = community[a]!;
      if (c < 0) continue;
      if (counts[c]! > bestCount) {
        best = c;
        bestCount = counts[c]!;
      }
      counts[c] = 0;
    }
    community[nodes.paperStart + i] = best;
  });
}

/**
 * Each community's most distinctive topic terms, best first: count in the community's papers x log(1 + papers with
 * topics / papers with the topic), ties by topic key (topic indices are in key order). Papers are taken community by
 * community (a counting sort), each community's counts in one array cleared after it, so the cost is linear in the
 * papers' topic links at every level of the ladder.
 */
function distinctiveTerms(nodes: NodeTable, result: CommunityResult, maxTerms: number): string[][] {
  const { paperStart, topicStart, paperTopicStart, paperTopicNodes } = nodes;
  const papers = nodes.papers.length;
  const topicCount = nodes.keys.length - topicStart;
  const topicPapers = new Int32Array(topicCount);
  let papersWithTopics = 0;
  for (let k = 0; k < papers; k++) {
    if (paperTopicStart[k + 1] === paperTopicStart[k]) continue;
    papersWithTopics += 1;
    for (let j = paperTopicStart[k]!; j < paperTopicStart[k + 1]!; j++) topicPapers[paperTopicNodes[j]! - topicStart]!++;
  }
  const groups = result.members.length;
  const start = new Int32Array(groups + 1);
  for (let k = 0; k < papers; k++) {
    const c = result.community[paperStart + k]!;
    if (c >= 0 && c < groups) start[c + 1]!++;
  }
  for (let c = 0; c < groups; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, groups);
  const byCommunity = new Int32Array(start[groups]!);
  for (let k = 0; k < papers; k++) {
    const c = result.community[paperStart + k]!;
    if (c >= 0 && c < groups) byCommunity[fill[c]!++] = k;
  }
  const counts = new Int32Array(topicCount);
  const touched: number[] = [];
  const out: string[][] = [];
  for (let c = 0; c < groups; c++) {
    for (let p = start[c]!; p < start[c + 1]!; p++) {
      const k = byCommunity[p]!;
      for (let j = paperTopicStart[k]!; j < paperTopicStart[k + 1]!; j++) {
        const t = paperTopicNodes[j]! - topicStart;
        if (counts[t]!++ === 0) touched.push(t);
      }
    }
    const scored = touched.map((t) => ({ t, score: counts[t]! * Math.log(1 + papersWithTopics / topicPapers[t]!) }));
    scored.sort((a, b) => b.score - a.score || a.t - b.t);
    out.push(scored.slice(0, maxTerms).map((s) => nodes.topics[s.t]!.term));
    for (const t of touched) counts[t] = 0;
    touched.length = 0;
  }
  return out;
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
  const terms = distinctiveTerms(nodes, result, maxTerms);
  const { pagerank, betweenness } = centrality;
  const out: Record<string, ClusterInfo> = {};
  result.members.forEach((members, id) => {
    let label = NO_COAUTHORS_LABEL;
    if (id !== result.isolated) {
      let best = members[0]!;
      for (const m of members) {
        if (pagerank[m]! > pagerank[best]! || (pagerank[m] === pagerank[best] && betweenness[m]! > betweenness[best]!)) best = m;
      }
      const name = nodes.authors[best]!.name;
      label = members.length > 1 ? `${name} et al.` : name;
    }
    out[String(id)] = { label, size: members.length, terms: terms[id]!, color: "", ...(id === result.isolated ? { noLinks: true } : {}) };
  });
  // Palette by size among the communities that are communities: the shared no-links bucket takes no palette colour.
  const colors = groupColors(out);
  for (const [id, info] of Object.entries(out)) info.color = groupColor(colors, Number(id));
  return out;
}
