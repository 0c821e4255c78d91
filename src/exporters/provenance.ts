/** Provenance of an export, gathered from the graph's own attributes plus what only the caller knows. */
import type { GraphAttributes } from "../model/graph-file";
import { COLOR_MODE_LABEL, type ResolvedColorMode } from "../model/appearance";
import type { ViewFilter } from "../model/view-filter";
import type { ExportableGraph, ExportView, Provenance } from "./types";
import { compareStrings } from "../model/compare";

export function makeProvenance(
  graph: ExportableGraph,
  view: ExportView | null | undefined,
  caller: { exportedAt: string; generator: string; colorMode: ResolvedColorMode },
): Provenance {
  const a = graph.getAttributes() as Partial<GraphAttributes>;
  const inputFiles = Array.isArray(a.sources)
    ? [...new Set(a.sources.map((s) => s.file).filter((f): f is string => typeof f === "string"))].sort()
    : [];
  const options: Record<string, unknown> = { ...(a.options ?? {}) };
  if (typeof a.seed === "number" && options.seed === undefined) options.seed = a.seed;
  return {
    inputFiles,
    options: sortKeys(options),
    filter: view ? view.filter : "whole graph",
    colorMode: caller.colorMode,
    exportedAt: caller.exportedAt,
    generator: caller.generator,
  };
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([x], [y]) => compareStrings(x, y)));
}

/** One line a person can read: "view: lens coauthor, years 2020-2023 (+ undated), ..." or "whole graph". */
export function describeFilter(filter: ViewFilter | "whole graph"): string {
  if (filter === "whole graph") return "whole graph";
  const parts = [`lens ${filter.lens}`];
  if (filter.lens === "full") parts.push(`kinds ${filter.kinds.join("+")}`);
  if (filter.yearRange) {
    parts.push(`years ${filter.yearRange[0]}-${filter.yearRange[1]}${filter.includeUndated ? " (+ undated)" : " (undated hidden)"}`);
  }
  if (filter.minSharedPapers > 1) parts.push(`co-authors with >= ${filter.minSharedPapers} shared papers`);
  if (filter.includeLargePapers) parts.push("co-author links of papers above the author cut included");
  if (filter.hiddenClusters.length) parts.push(`hidden ${filter.clusterMode} ${[...filter.hiddenClusters].sort((x, y) => x - y).join(",")}`);
  return `view: ${parts.join(", ")}`;
}

/** Multi-line plain-text provenance, used by every format that has a free-text description. */
export function provenanceText(p: Provenance, counts: { nodes: number; edges: number }): string {
  return [
    `Exported by ${p.generator} at ${p.exportedAt}`,
    `Scope: ${describeFilter(p.filter)} (${counts.nodes} nodes, ${counts.edges} edges)`,
    `Colours: ${COLOR_MODE_LABEL[p.colorMode] ?? p.colorMode}`,
    ...(p.levels ? [`Levels: ${levelsText(p.levels)}`] : []),
    `Input files: ${p.inputFiles.length ? p.inputFiles.join(", ") : "(none recorded)"}`,
    `Build options: ${JSON.stringify(p.options)}`,
    ...(p.filter === "whole graph" ? [] : [`Filter: ${JSON.stringify(p.filter)}`]),
  ].join("\n");
}

/** "co-author communities level 3 (resolution 0.5), research clusters level 5 (resolution 1)". */
export function levelsText(l: NonNullable<Provenance["levels"]>): string {
  const one = (name: string, level: number, resolution: number | null) => `${name} level ${level}${resolution === null ? "" : ` (resolution ${resolution})`}`;
  return `${one("co-author communities", l.community, l.resolution.community)}, ${one("research clusters", l.topicCluster, l.resolution.topicCluster)}`;
}
