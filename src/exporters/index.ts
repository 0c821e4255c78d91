/**
 * exportGraph(format, graph, view, provenance): one entry for the CLI and the explorer. `view` null exports the whole
 * graph; a view exports exactly what the explorer shows (see selection.ts).
 */
import type { NodeAttributes } from "../model/graph-file";
import { deriveLegend } from "./clusters";
import { writeCsv } from "./csv";
import { writeGexf } from "./gexf";
import { writeGraphml } from "./graphml";
import { writeJson } from "./json";
import { selectForExport } from "./selection";
import { writeSvg } from "./svg";
import { EXPORT_FORMATS, type ExportableGraph, type ExportFormat, type ExportOptions, type ExportResult, type ExportView, type Provenance } from "./types";
import { writeVosviewer } from "./vosviewer";

export * from "./types";
export { makeProvenance, describeFilter } from "./provenance";
export { selectForExport } from "./selection";
export { CSV_LIST_SEPARATOR } from "./csv";

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** Publication years behind a node in the data graph: a paper's own, an author's or topic's papers'. */
function yearsOf(graph: ExportableGraph): (key: string) => number[] {
  return (key) => {
    const a = graph.getNodeAttributes(key) as NodeAttributes;
    if (a.kind === "paper") return typeof a.year === "number" ? [a.year] : [];
    const years: number[] = [];
    graph.forEachNeighbor(key, (_n, na) => {
      const p = na as NodeAttributes;
      if (p.kind === "paper" && typeof p.year === "number") years.push(p.year);
    });
    return years;
  };
}

export function exportGraph(
  format: ExportFormat,
  graph: ExportableGraph,
  view: ExportView | null | undefined,
  provenance: Provenance,
  options: ExportOptions = {},
): ExportResult {
  const sel = selectForExport(graph, view);
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
      return { files: [{ name: "graph.vosviewer.json", content: writeVosviewer(sel, provenance, yearsOf(graph)), mime: "application/json" }] };
    case "svg": {
      const legend = options.legend === false ? [] : (options.legendItems ?? deriveLegend(sel, provenance));
      return { files: [{ name: "graph.svg", content: writeSvg(sel, provenance, legend), mime: "image/svg+xml" }] };
    }
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}; expected one of ${EXPORT_FORMATS.join(", ")}`);
    }
  }
}
