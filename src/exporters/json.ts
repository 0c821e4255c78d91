/**
 * graphology JSON: `graph.export()` of the whole graph or of the view subgraph (same node and edge keys, same
 * graph options), with the provenance in the graph attribute `export`, so papergraph can open it again.
 * For a view, `counts` describes the subgraph; the cluster tables stay those of the whole build.
 */
import Graph from "graphology";
import type { GraphAttributes } from "../model/graph-file";
import type { Selection } from "./selection";
import type { Provenance } from "./types";

export interface ExportProvenanceAttribute extends Provenance {
  scope: "whole graph" | "view";
}

export function buildExportGraph(sel: Selection, prov: Provenance): Graph {
  const g = new Graph(sel.graphOptions);
  const counts = { authors: 0, papers: 0, topics: 0, edges: sel.edges.length };
  for (const n of sel.nodes) {
    g.addNode(n.key, { ...n.attributes });
    if (n.attributes.kind === "author") counts.authors++;
    else if (n.attributes.kind === "paper") counts.papers++;
    else if (n.attributes.kind === "topic") counts.topics++;
  }
  for (const e of sel.edges) {
    if (e.undirected) g.addUndirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
    else g.addDirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
  }
  const exportAttr: ExportProvenanceAttribute = { ...prov, scope: sel.scope };
  const attrs: GraphAttributes & { export: ExportProvenanceAttribute } = {
    ...sel.graphAttributes,
    ...(sel.graphAttributes.counts ? { counts } : {}),
    export: exportAttr,
  };
  g.replaceAttributes(attrs);
  return g;
}

export function writeJson(sel: Selection, prov: Provenance): string {
  return JSON.stringify(buildExportGraph(sel, prov).export()) + "\n";
}
