/**
 * graphology JSON: `graph.export()` of the whole graph or of the view subgraph (same node and edge keys, same
 * graph options), with the provenance in the graph attribute `export`, so papergraph can open it again.
 * For a view, `counts` describes the subgraph; the cluster tables stay those of the whole build; a paper's
 * `authors`/`topics` keep only keys inside the view (so the file passes model/validate.ts and opens without dangling
 * references) and the others move to `authorsOutsideView`/`topicsOutsideView`.
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
  const inView = new Set(sel.nodes.map((n) => n.key));
  for (const n of sel.nodes) {
    const a = n.attributes;
    if (sel.scope === "view" && a.kind === "paper" && [...a.authors, ...a.topics].some((k) => !inView.has(k))) {
      g.addNode(n.key, {
        ...a,
        authors: a.authors.filter((k) => inView.has(k)),
        topics: a.topics.filter((k) => inView.has(k)),
        authorsOutsideView: a.authors.filter((k) => !inView.has(k)),
        topicsOutsideView: a.topics.filter((k) => !inView.has(k)),
      });
    } else g.addNode(n.key, { ...a });
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
