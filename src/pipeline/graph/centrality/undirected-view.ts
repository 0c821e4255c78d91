/**
 * Undirected views of the knowledge graph for the centrality metrics. The graph mixes directed edges (authored
 * author->paper, about paper->topic) with undirected ones; followed as directed, a paper could never lead back to its
 * authors and topics would be sinks, so every metric here treats an edge as a two-way link between its ends.
 */
import Graph from "graphology";
import type { PaperGraph } from "../types";

/** An undirected graphology copy (node order kept; at most one edge per pair, which the contract guarantees). */
export function undirectedCopy(graph: PaperGraph): Graph<Record<string, never>, { weight: number }> {
  const copy = new Graph<Record<string, never>, { weight: number }>({ type: "undirected", multi: false, allowSelfLoops: false });
  graph.forEachNode((key) => {
    copy.addNode(key);
  });
  graph.forEachEdge((_key, attributes, source, target) => {
    copy.addUndirectedEdge(source, target, { weight: attributes.weight });
  });
  return copy;
}

/**
 * Compressed adjacency (CSR) over node indices in graph.nodes() order: neighbours of i are
 * neighbors[starts[i]..starts[i+1]), with the connecting edge's weight at the same position in `weights`.
 */
export interface Adjacency {
  nodes: string[];
  starts: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
}

export function adjacencyOf(graph: PaperGraph): Adjacency {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  nodes.forEach((key, i) => index.set(key, i));
  const degree = new Int32Array(nodes.length);
  graph.forEachEdge((_key, _attributes, source, target) => {
    degree[index.get(source)!]! += 1;
    degree[index.get(target)!]! += 1;
  });
  const starts = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) starts[i + 1] = starts[i]! + degree[i]!;
  const fill = starts.slice(0, nodes.length);
  const neighbors = new Int32Array(starts[nodes.length]!);
  const weights = new Float64Array(starts[nodes.length]!);
  graph.forEachEdge((_key, attributes, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    weights[fill[s]!] = attributes.weight;
    neighbors[fill[s]!++] = t;
    weights[fill[t]!] = attributes.weight;
    neighbors[fill[t]!++] = s;
  });
  return { nodes, starts, neighbors, weights };
}
