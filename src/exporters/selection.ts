/**
 * What an export contains: the whole graph, or "the current view" exactly as the explorer defines it
 * (model/view-filter's visibleSubgraph, minus nodes the app's reducer hides), with on-screen positions, sizes and
 * colours when the app supplies them. Every exporter goes through here so all formats agree to the node.
 */
import { nodeColors, type AppearanceGraph, type ResolvedColorMode } from "../model/appearance";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../model/graph-file";
import { visibleSubgraph, type GraphReader } from "../model/view-filter";
import type { ExportableGraph, ExportView, NodeDisplay } from "./types";

export interface ExportNode {
  key: string;
  /** Data attributes, colour in the export's colour mode; x/y/size too replaced by the on-screen values from the app. */
  attributes: NodeAttributes;
  /** How the node is drawn (from the app, or derived from the attributes). */
  display: NodeDisplay;
}

export interface ExportEdge {
  key: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: EdgeAttributes;
}

export interface Selection {
  scope: "whole graph" | "view";
  nodes: ExportNode[];
  edges: ExportEdge[];
  graphAttributes: GraphAttributes;
  graphOptions: { type: "mixed" | "directed" | "undirected"; multi: boolean; allowSelfLoops: boolean };
}

function defaultDisplay(a: NodeAttributes, color: string | undefined): NodeDisplay {
  return { x: a.x, y: a.y, size: a.size, color: color ?? a.color, label: a.label ?? null, hidden: false, forceLabel: false };
}

/**
 * Nodes and edges in graph order (the order of graph.json, itself deterministic), so output bytes are stable. Colours
 * are those of `colorMode` (src/model/appearance.ts), or the app's own display where it hands one.
 */
export function selectForExport(graph: ExportableGraph, view: ExportView | null | undefined, colorMode: ResolvedColorMode): Selection {
  const graphAttributes = graph.getAttributes() as GraphAttributes;
  const graphOptions = { type: graph.type as Selection["graphOptions"]["type"], multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  const nodes: ExportNode[] = [];
  const edges: ExportEdge[] = [];
  const colors = view?.nodeDisplay
    ? null
    : nodeColors(graph as unknown as AppearanceGraph, colorMode, { communities: graphAttributes.communities, topicClusters: graphAttributes.topicClusters });
  if (!view) {
    graph.forEachNode((key, a) => {
      const data = a as NodeAttributes;
      const display = defaultDisplay(data, colors?.get(key));
      nodes.push({ key, attributes: { ...data, color: display.color } as NodeAttributes, display });
    });
    graph.forEachEdge((key, a, source, target, _sa, _ta, undirected) => {
      edges.push({ key, source, target, undirected, attributes: a as EdgeAttributes });
    });
    return { scope: "whole graph", nodes, edges, graphAttributes, graphOptions };
  }

  const visible = visibleSubgraph(graph as unknown as GraphReader, view.filter);
  const kept = new Set<string>();
  graph.forEachNode((key, a) => {
    if (!visible.nodes.has(key)) return;
    const data = a as NodeAttributes;
    const display = view.nodeDisplay ? view.nodeDisplay(key) : defaultDisplay(data, colors?.get(key));
    if (display.hidden) return;
    kept.add(key);
    const attributes = view.nodeDisplay
      ? ({ ...data, x: display.x, y: display.y, size: display.size, color: display.color } as NodeAttributes)
      : ({ ...data, color: display.color } as NodeAttributes);
    nodes.push({ key, attributes, display });
  });
  graph.forEachEdge((key, a, source, target, _sa, _ta, undirected) => {
    if (!visible.edges.has(key) || !kept.has(source) || !kept.has(target)) return;
    edges.push({ key, source, target, undirected, attributes: a as EdgeAttributes });
  });
  return { scope: "view", nodes, edges, graphAttributes, graphOptions };
}
