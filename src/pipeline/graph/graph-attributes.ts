/**
 * Graph-level attributes of the graph file, built in a fixed key order: format version, generator, seed, resolved
 * options (in DEFAULT_OPTIONS order, so a build can be repeated), per-file source summaries, communities, research
 * clusters, modularity, betweenness method, names of the category codes present, and counts.
 */
import { FORMAT_VERSION } from "../../model/graph-file";
import type { ClusterInfo, GraphAttributes, LargePapers, SourceSummary } from "../../model/graph-file";
import { CATEGORY_NAMES } from "../formats";
import { DEFAULT_OPTIONS } from "../options";
import type { PipelineOptions } from "../options";
import { sortedStrings } from "./numbers";
import type { PaperGraph } from "./types";

export const GENERATOR = "papergraph";

export interface GraphAttributeParts {
  options: PipelineOptions;
  sources: SourceSummary[];
  communities: Record<string, ClusterInfo>;
  topicClusters: Record<string, ClusterInfo>;
  modularity: number;
  betweenness: string;
  largePapers: LargePapers;
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
export function categoryNamesFor(graph: PaperGraph): Record<string, string> {
  const codes = new Set<string>();
  graph.forEachNode((_key, a) => {
    if (a.kind === "paper") for (const c of a.categories) codes.add(c);
  });
  const out: Record<string, string> = {};
  for (const code of sortedStrings(codes)) out[code] = CATEGORY_NAMES[code] ?? code;
  return out;
}

export function graphAttributes(graph: PaperGraph, parts: GraphAttributeParts): GraphAttributes {
  const options: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_OPTIONS) as (keyof PipelineOptions)[]) options[key] = parts.options[key];
  const counts = { authors: 0, papers: 0, topics: 0, edges: graph.size };
  graph.forEachNode((_key, a) => {
    if (a.kind === "author") counts.authors += 1;
    else if (a.kind === "paper") counts.papers += 1;
    else counts.topics += 1;
  });
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
    categoryNames: categoryNamesFor(graph),
    counts,
    largePapers: { maxAuthors: parts.largePapers.maxAuthors, papers: [...parts.largePapers.papers], pairs: parts.largePapers.pairs },
  };
}
