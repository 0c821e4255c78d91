/**
 * exportGraph(format, graph, view, provenance): one entry for the CLI and the explorer. `view` null exports the whole
 * graph; a view exports exactly what the explorer shows (see selection.ts).
 */
import { legendFor, yearsOf, type AppearanceGraph } from "../model/appearance";
import type { NodeAttributes } from "../model/graph-file";
import { writeCsv } from "./csv";
import { writeGexf } from "./gexf";
import { writeGraphml } from "./graphml";
import { writeJson } from "./json";
import { graphAtLevels, resolveLevels } from "./levels";
import { selectForExport } from "./selection";
import { writeSvg } from "./svg";
import { EXPORT_FORMATS, type ExportableGraph, type ExportFormat, type ExportOptions, type ExportResult, type ExportView, type Provenance } from "./types";
import { writeVosviewer } from "./vosviewer";

export * from "./types";
export { makeProvenance, describeFilter } from "./provenance";
export { selectForExport } from "./selection";
export { CSV_LIST_SEPARATOR } from "./csv";
export { graphAtLevels, resolveLevels } from "./levels";

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

export function exportGraph(
  format: ExportFormat,
  graph: ExportableGraph,
  view: ExportView | null | undefined,
  provenance: Provenance,
  options: ExportOptions = {},
): ExportResult {
  if (options.levels && (options.levels.community !== undefined || options.levels.topicCluster !== undefined)) {
    const levels = resolveLevels(graph, options.levels);
    graph = graphAtLevels(graph, levels);
    provenance = { ...provenance, levels };
  }
  const sel = selectForExport(graph, view, provenance.colorMode);
  switch (format) {
    case "gexf":
      return { files: [{ name: "graph.gexf", content: writeGexf(sel, provenance), mime: "application/gexf+xml" }] };
    case "graphml":
      return { files: [{ name: "graph.graphml", content: writeGraphml(sel, provenance), mime: "application/graphml+xml" }] };
    case "csv":
      return { files: writeCsv(sel, provenance) };
    case "json":
      return { files: [{ name: "graph.json", content: writeJson(sel, provenance), mime: "application/json" }] };
    case "vosviewer":
      return { files: [{ name: "graph.vosviewer.json", content: writeVosviewer(sel, provenance, (key) => yearsOf(graph as unknown as AppearanceGraph, key, graph.getNodeAttributes(key) as NodeAttributes)), mime: "application/json" }] };
    case "svg": {
      const g = graph as unknown as AppearanceGraph & { getNodeAttributes(key: string): NodeAttributes };
      const attrs = sel.graphAttributes;
      const legend = options.legend === false
        ? null
        : legendFor(g, provenance.colorMode, { communities: attrs.communities, topicClusters: attrs.topicClusters }, sel.nodes.map((n) => n.key));
      return { files: [{ name: "graph.svg", content: writeSvg(sel, provenance, { legend, names: options.legend !== false, dark: options.dark === true }), mime: "image/svg+xml" }] };
    }
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}; expected one of ${EXPORT_FORMATS.join(", ")}`);
    }
  }
}
