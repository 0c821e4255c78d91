/**
 * Graph-level attributes of the graph file, built in a fixed key order: format version, generator, seed, resolved
 * options (in DEFAULT_OPTIONS order, so a build can be repeated), per-file source summaries, communities, research
 * clusters, modularity, betweenness method, names of the category codes present, and counts.
 */
import { FORMAT_VERSION } from "../../model/graph-file";
import type { ClusterInfo, GraphAttributes, IdentityReview, LargePapers, PartitionLadder, SourceSummary } from "../../model/graph-file";
import { CATEGORY_NAMES } from "../formats";
import { DEFAULT_OPTIONS } from "../options";
import type { PipelineOptions } from "../options";
import { sortedStrings } from "./numbers";
import type { NodeTable } from "./node-table";

export const GENERATOR = "papergraph";

export interface GraphAttributeParts {
  options: PipelineOptions;
  sources: SourceSummary[];
  communities: Record<string, ClusterInfo>;
  topicClusters: Record<string, ClusterInfo>;
  modularity: number;
  betweenness: string;
  largePapers: LargePapers;
  communityLadder?: PartitionLadder;
  topicClusterLadder?: PartitionLadder;
  identityReview?: IdentityReview;
}

function copySummary(s: SourceSummary): SourceSummary {
  return {
    file: s.file,
    format: s.format,
    records: s.records,
    diagnostics: s.diagnostics.map((d) => ({ file: d.file, line: d.line, severity: d.severity, message: d.message })),
  };
}

/** Category code -> readable name for the codes on the graph's papers; unknown codes name themselves. */
export function categoryNamesFor(nodes: NodeTable): Record<string, string> {
  const codes = new Set<string>();
  for (const p of nodes.papers) for (const c of p.categories) codes.add(c);
  const out: Record<string, string> = {};
  for (const code of sortedStrings(codes)) out[code] = CATEGORY_NAMES[code] ?? code;
  return out;
}

export function graphAttributes(nodes: NodeTable, edgeCount: number, parts: GraphAttributeParts): GraphAttributes {
  const options: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_OPTIONS) as (keyof PipelineOptions)[]) options[key] = parts.options[key];
  const counts = { authors: nodes.authors.length, papers: nodes.papers.length, topics: nodes.topics.length, edges: edgeCount };
  return {
    formatVersion: FORMAT_VERSION,
    generator: GENERATOR,
    seed: parts.options.seed,
    options,
    sources: parts.sources.map(copySummary),
    communities: parts.communities,
    topicClusters: parts.topicClusters,
    modularity: parts.modularity,
    betweenness: parts.betweenness,
    categoryNames: categoryNamesFor(nodes),
    counts,
    largePapers: { maxAuthors: parts.largePapers.maxAuthors, papers: [...parts.largePapers.papers], pairs: parts.largePapers.pairs },
    ...(parts.communityLadder ? { communityLadder: parts.communityLadder } : {}),
    ...(parts.topicClusterLadder ? { topicClusterLadder: parts.topicClusterLadder } : {}),
    ...(parts.identityReview ? { identityReview: parts.identityReview } : {}),
  };
}
