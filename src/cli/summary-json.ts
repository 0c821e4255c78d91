/**
 * `--summary json`: the per-file summary and the counts of a build as one JSON object, for scripts and pipelines
 * (stdout, or a file with --summary-file). The text summary on stderr is unchanged; stdout carries nothing else.
 */
import type { PartitionLadder } from "../model/graph-file";
import type { Diagnostic } from "../pipeline/records";
import type { PipelineResult } from "../pipeline/run";

export interface BuildSummaryJson {
  /** The exit code the command returns. */
  exitCode: number;
  /** One entry per input file read (and the thesaurus), in the graph's `sources` order. */
  files: Array<{ file: string; format: string | null; records: number; errors: number; warnings: number; diagnostics: Diagnostic[] }>;
  /** Inputs that could not be read at all (missing paths, permissions, broken links). */
  problems: string[];
  counts: {
    records: number;
    papers: number;
    authors: number;
    topics: number;
    nodes: number;
    edges: number;
    communities: number;
    researchClusters: number;
    diagnostics: number;
    errors: number;
    warnings: number;
  };
  /** The resolution ladders: per level its resolution, group count and modularity; `default` is the build's own. */
  levels: {
    communities: { default: number; levels: { resolution: number; groups: number; modularity: number }[] } | null;
    researchClusters: { default: number; levels: { resolution: number; groups: number; modularity: number }[] } | null;
  };
  /** Where the build went: file paths as the text summary names them, "-" for stdout, null when nothing was written. */
  output: { graph: string; mergeReport: string | null } | null;
  /** Milliseconds per phase (read, identity, topics, clusters, graph, write); wall-clock, so not reproducible. */
  timings: Record<string, number>;
}

export function buildSummaryJson(
  result: PipelineResult,
  details: { exitCode: number; problems: string[]; output: BuildSummaryJson["output"]; timings: Record<string, number> },
): BuildSummaryJson {
  // The built graph's own counts (its `counts` attribute: one per node kind), not a walk over its nodes.
  const g = result.view;
  const counts = g.getAttribute("counts");
  const all = result.summaries.flatMap((s) => s.diagnostics);
  const severity = (list: Diagnostic[], s: string) => list.filter((d) => d.severity === s).length;
  return {
    exitCode: details.exitCode,
    files: result.summaries.map((s) => ({
      file: s.file,
      format: s.format,
      records: s.records,
      errors: severity(s.diagnostics, "error"),
      warnings: severity(s.diagnostics, "warning"),
      diagnostics: s.diagnostics,
    })),
    problems: details.problems,
    counts: {
      records: result.summaries.reduce((n, s) => n + s.records, 0),
      papers: counts.papers,
      authors: counts.authors,
      topics: counts.topics,
      nodes: g.order,
      edges: g.size,
      communities: Object.keys(g.getAttribute("communities") ?? {}).length,
      researchClusters: Object.keys(g.getAttribute("topicClusters") ?? {}).length,
      diagnostics: all.length,
      errors: severity(all, "error"),
      warnings: severity(all, "warning"),
    },
    levels: {
      communities: ladderSummary(g.getAttribute("communityLadder") as PartitionLadder | undefined),
      researchClusters: ladderSummary(g.getAttribute("topicClusterLadder") as PartitionLadder | undefined),
    },
    output: details.output,
    timings: Object.fromEntries(Object.entries(details.timings).map(([k, v]) => [k, Math.round(v)])),
  };
}

function ladderSummary(ladder: PartitionLadder | undefined): BuildSummaryJson["levels"]["communities"] {
  if (!ladder) return null;
  return { default: ladder.default, levels: ladder.levels.map((l) => ({ resolution: l.resolution, groups: l.count, modularity: l.modularity })) };
}

export interface SummaryTarget {
  stdout: boolean;
  /** File to write the JSON to (resolved against cwd by the caller), or null. */
  file: string | null;
}

/** --summary json|text and --summary-file F; a usage mistake comes back as a message (exit 2). */
export function summaryTarget(values: { summary?: string; "summary-file"?: string; out?: string }): SummaryTarget | string {
  const kind = values.summary;
  if (kind !== undefined && kind !== "json" && kind !== "text") {
    return `--summary must be json (one JSON object on stdout) or text (the default, on stderr); got "${kind}"`;
  }
  const stdout = kind === "json";
  if (stdout && values.out === "-") {
    return "--summary json and --out - would both write to stdout; write the summary to a file with --summary-file FILE";
  }
  return { stdout, file: values["summary-file"] ?? null };
}
