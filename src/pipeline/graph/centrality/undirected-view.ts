/**
 * Undirected views of the knowledge graph for the centrality metrics. The graph mixes directed edges (authored
 * author->paper, about paper->topic) with undirected ones; followed as directed, a paper could never lead back to its
 * authors and topics would be sinks, so every metric here treats an edge as a two-way link between its ends.
 */
import Graph from "graphology";
import type { EdgeTable } from "../build-edges";
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
 * Compressed adjacency (CSR) over node indices: neighbours of i are neighbors[starts[i]..starts[i+1]), with the
 * connecting edge's weight at the same position in `weights`. Neighbours are listed in edge order (each edge adds its
 * target to its source's list and its source to its target's), so every consumer visits them in one fixed order.
 */
export interface Adjacency {
  nodes: string[];
  starts: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
}

function csr(nodes: string[], count: number, source: (e: number) => number, target: (e: number) => number, weight: (e: number) => number): Adjacency {
  const n = nodes.length;
  const starts = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) {
    starts[source(e) + 1]! += 1;
    starts[target(e) + 1]! += 1;
  }
  for (let i = 0; i < n; i++) starts[i + 1]! += starts[i]!;
  const fill = starts.slice(0, n);
  const neighbors = new Int32Array(starts[n]!);
  const weights = new Float64Array(starts[n]!);
  for (let e = 0; e < count; e++) {
    const s = source(e);
    const t = target(e);
    const w = weight(e);
    weights[fill[s]!] = w;
    neighbors[fill[s]!++] = t;
    weights[fill[t]!] = w;
    neighbors[fill[t]!++] = s;
  }
  return { nodes, starts, neighbors, weights };
}

/** The CSR of a graphology graph, nodes in graph.nodes() order, edges in insertion order. */
export function adjacencyOf(graph: PaperGraph): Adjacency {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  nodes.forEach((key, i) => index.set(key, i));
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  graph.forEachEdge((_key, attributes, s, t) => {
    source.push(index.get(s)!);
    target.push(index.get(t)!);
    weight.push(attributes.weight);
  });
  return csr(nodes, source.length, (e) => source[e]!, (e) => target[e]!, (e) => weight[e]!);
}

/** The same CSR straight from the graph stage's edge table (the graph it will become, before it exists). */
export function adjacencyOfTable(keys: string[], table: EdgeTable): Adjacency {
  return csr(keys, table.count, (e) => table.source[e]!, (e) => table.target[e]!, (e) => table.weight[e]!);
}
