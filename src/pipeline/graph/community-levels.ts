/**
 * The co-author communities at every resolution of the ladder (src/pipeline/levels.ts), their labels, and every
 * author's stability.
 *
 * The default level is the build's partition (graphology's Louvain, communities.ts), untouched. The other levels and
 * the stability runs use the flat-array Louvain of the topic stage (topics/louvain.ts) on the same co-author edges: a
 * graphology graph per level would cost more than the runs. Levels below the default coarsen the default partition,
 * levels above it come from one run at the finest resolution coarsened level by level (see below), so every level
 * is a coarsening of the next finer one on each side. All runs draw from two streams seeded from the build's seed, one
 * for the ladder and one for the stability seeds.
 */
import seedrandom from "seedrandom";
import type { ClusterInfo, PartitionLadder } from "../../model/graph-file";
import { groupColor, groupColors } from "../../model/appearance";
import { adjacencyOf, alignLevels, DEFAULT_LEVEL, ladderResolutions, paletteRanks, stabilityScores, STABILITY_SEEDS } from "../levels";
import { louvainFromOn, louvainGraph, louvainOn, modularity } from "../topics/louvain";
import { EDGE_KINDS, type EdgeTable } from "./build-edges";
import { communitiesOf, communityInfo, paperCommunities, type CommunityResult } from "./communities";
import type { NodeTable } from "./node-table";
import { round6 } from "./numbers";

const COAUTHOR = EDGE_KINDS.indexOf("coauthor");
/** Terms kept per group on the levels other than the default (the default table keeps five). */
const LEVEL_TERMS = 3;

export interface CommunityLadderResult {
  ladder: PartitionLadder;
  /** Community per node index at every level (the default level is the build's `community`). */
  levels: Int32Array[];
  /** Per author index: stability (0..1); other nodes 0 (not written). */
  stability: Float64Array;
}

/** Co-author edges of the edge table over author indices. */
function coauthorEdges(edges: EdgeTable) {
  const from = edges.kindStart[COAUTHOR]!;
  const to = edges.kindStart[COAUTHOR + 1]!;
  return { source: edges.source.subarray(from, to), target: edges.target.subarray(from, to), weight: edges.weight.subarray(from, to) };
}

export function communityLadder(
  nodes: NodeTable,
  edges: EdgeTable,
  base: CommunityResult,
  centrality: { pagerank: Float64Array; betweenness: Float64Array },
  options: { seed: number; resolution: number },
): CommunityLadderResult {
  const authors = nodes.paperStart;
  const co = coauthorEdges(edges);
  const linked = new Uint8Array(authors);
  for (let e = 0; e < co.source.length; e++) linked[co.source[e]!] = linked[co.target[e]!] = 1;
  const resolutions = ladderResolutions(options.resolution);

  // Per level: a raw community per author (-1: no co-author edge), the shape communitiesOf reads. Coarser levels
  // coarsen the next finer one (louvainFrom on the aggregated graph, a few hundred nodes); the finest level runs on the
  // whole graph and the finer levels between it and the default coarsen it in turn. So one whole-graph run makes the
  // finer half of the ladder, and the coarser half costs almost nothing.
  const onLinked = (c: ArrayLike<number>) => {
    const raw = new Int32Array(authors);
    for (let a = 0; a < authors; a++) raw[a] = linked[a] ? c[a]! : -1;
    return raw;
  };
  const ladderRng = seedrandom(`${options.seed}:community-ladder`);
  // One CSR of the co-author edges for every run of the ladder and of the stability (each run reads it, none changes it).
  const graph = louvainGraph(authors, co);
  const raws: Int32Array[] = new Array(resolutions.length);
  raws[DEFAULT_LEVEL] = onLinked(base.community);
  const last = resolutions.length - 1;
  if (last > DEFAULT_LEVEL) raws[last] = onLinked(louvainOn(graph, { resolution: resolutions[last]!, rng: ladderRng }));
  for (let l = last - 1; l > DEFAULT_LEVEL; l--) raws[l] = onLinked(louvainFromOn(graph, raws[l + 1]!, { resolution: resolutions[l]!, rng: ladderRng }));
  for (let l = DEFAULT_LEVEL - 1; l >= 0; l--) raws[l] = onLinked(louvainFromOn(graph, raws[l + 1]!, { resolution: resolutions[l]!, rng: ladderRng }));
  const results: CommunityResult[] = resolutions.map((resolution, l) =>
    l === DEFAULT_LEVEL ? base : communitiesOf(nodes, raws[l]!, round6(modularity(authors, co, raws[l]!, resolution))),
  );

  // Align the author ids (papers follow their authors, so they are derived again after the ids move).
  const aligned = alignLevels(results.map((r) => r.community.subarray(0, authors)), DEFAULT_LEVEL);
  const levels = aligned.map((authorIds, l) => {
    if (l === DEFAULT_LEVEL) return base.community;
    const all = new Int32Array(nodes.keys.length).fill(-1);
    all.set(authorIds);
    paperCommunities(nodes, all);
    return all;
  });
  // The no-links bucket is the same authors at every level, so it keeps the base id everywhere.
  const excluded = new Set(base.isolated === null ? [] : [base.isolated]);
  const ranks = paletteRanks(aligned, DEFAULT_LEVEL, excluded);

  const ladder: PartitionLadder = {
    default: DEFAULT_LEVEL,
    levels: results.map((r, l) => {
      const count = r.members.length;
      if (l === DEFAULT_LEVEL) return { resolution: resolutions[l]!, modularity: r.modularity, count };
      return { resolution: resolutions[l]!, modularity: r.modularity, count, groups: levelGroups(nodes, r, aligned[l]!, ranks[l]!, centrality) };
    }),
    stabilitySeeds: STABILITY_SEEDS,
  };

  const stabilityRng = seedrandom(`${options.seed}:community-stability`);
  const compared: ArrayLike<number>[] = aligned.filter((_, l) => l !== DEFAULT_LEVEL);
  for (let s = 0; s < STABILITY_SEEDS; s++) compared.push(onLinked(louvainOn(graph, { resolution: options.resolution, rng: stabilityRng })));
  const adjacency = adjacencyOf(authors, co.source, co.target);
  const stability = new Float64Array(nodes.keys.length);
  stability.set(stabilityScores(adjacency, base.community.subarray(0, authors), compared));
  return { ladder, levels, stability };
}

/** The level's groups under their aligned ids: label, size and terms as communityInfo makes them, colour by slot. */
function levelGroups(
  nodes: NodeTable,
  result: CommunityResult,
  alignedAuthors: Int32Array,
  ranks: Map<number, number>,
  centrality: { pagerank: Float64Array; betweenness: Float64Array },
): Record<string, ClusterInfo> {
  const dense = communityInfo(nodes, result, centrality, LEVEL_TERMS);
  const entries: [number, ClusterInfo][] = result.members.map((members, id) => {
    const info = dense[String(id)]!;
    const alignedId = alignedAuthors[members[0]!]!;
    const out: ClusterInfo = { label: info.label, size: info.size, terms: info.terms, color: "" };
    if (info.noLinks) out.noLinks = true;
    else out.paletteRank = ranks.get(alignedId)!;
    return [alignedId, out];
  });
  entries.sort((a, b) => a[0] - b[0]);
  const table: Record<string, ClusterInfo> = Object.fromEntries(entries.map(([id, info]) => [String(id), info]));
  const colors = groupColors(table);
  for (const [id, info] of entries) info.color = groupColor(colors, id);
  return table;
}
