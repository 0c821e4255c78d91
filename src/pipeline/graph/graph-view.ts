/**
 * The built graph as the graph stage's arrays, read the way graphology is read (forEachNode, forEachEdge, nodeEntries,
 * edgeEntries, getAttributes, order, size), so that graph.json, the explorer's files and the build summary are written
 * straight from the arrays. A node's or an edge's attributes are made when a reader asks for them and dropped after:
 * a graphology graph keeps an attribute object, a key string and its adjacency entries for every edge (about 1.2 KB an
 * edge, 3.8 GB at 100,000 papers), and building it was the largest cost of the build. `toGraphology()` makes that graph
 * for callers that need one (tests, the exporters' `graph` argument); it receives every node and edge in this order
 * with these very attributes, so its export() has the same bytes as what is written from the view.
 */
import Graph from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../model/graph-file";
import { edgeAttributesAt, edgeKeyAt, isUndirectedAt, type EdgeLook, type EdgeTable } from "./build-edges";
import { nodeAttributesAt, type NodeValues } from "./build-nodes";
import type { NodeTable } from "./node-table";
import type { PaperGraph } from "./types";

/** Attributes as the contract types them, readable by name as well (what generic readers such as the exporters do). */
type Readable<T> = T & Record<string, unknown>;

export interface NodeEntry {
  node: string;
  attributes: Readable<NodeAttributes>;
}

export interface EdgeEntry {
  edge: string;
  attributes: Readable<EdgeAttributes>;
  source: string;
  target: string;
  undirected: boolean;
}

export class GraphView {
  readonly type = "mixed";
  readonly multi = false;
  readonly allowSelfLoops = false;

  constructor(
    private readonly table: NodeTable,
    private readonly values: NodeValues,
    private readonly edges: EdgeTable,
    private readonly look: EdgeLook,
    private readonly attributes: GraphAttributes,
  ) {}

  /** Number of nodes. */
  get order(): number {
    return this.table.keys.length;
  }

  /** Number of edges. */
  get size(): number {
    return this.edges.count;
  }

  /** Node keys in order. */
  nodes(): string[] {
    return [...this.table.keys];
  }

  getAttributes(): GraphAttributes {
    return this.attributes;
  }

  getAttribute<K extends keyof GraphAttributes>(name: K): GraphAttributes[K] {
    return this.attributes[name];
  }

  forEachNode(callback: (key: string, attributes: Readable<NodeAttributes>) => void): void {
    for (let i = 0; i < this.order; i++) callback(this.table.keys[i]!, this.nodeAttributes(i));
  }

  /** As graphology's forEachEdge, except that the endpoints' attributes (arguments 5 and 6) are not passed. */
  forEachEdge(callback: (key: string, attributes: Readable<EdgeAttributes>, source: string, target: string, sourceAttributes: undefined, targetAttributes: undefined, undirected: boolean) => void): void {
    const { keys } = this.table;
    const { source, target } = this.edges;
    for (let e = 0; e < this.size; e++) {
      callback(edgeKeyAt(this.table, this.edges, e), this.edgeAttributes(e), keys[source[e]!]!, keys[target[e]!]!, undefined, undefined, isUndirectedAt(this.edges, e));
    }
  }

  *nodeEntries(): Generator<NodeEntry> {
    for (let i = 0; i < this.order; i++) yield { node: this.table.keys[i]!, attributes: this.nodeAttributes(i) };
  }

  *edgeEntries(): Generator<EdgeEntry> {
    const { keys } = this.table;
    const { source, target } = this.edges;
    for (let e = 0; e < this.size; e++) {
      yield {
        edge: edgeKeyAt(this.table, this.edges, e),
        attributes: this.edgeAttributes(e),
        source: keys[source[e]!]!,
        target: keys[target[e]!]!,
        undirected: isUndirectedAt(this.edges, e),
      };
    }
  }

  private nodeAttributes(i: number): Readable<NodeAttributes> {
    return nodeAttributesAt(this.table, this.values, i) as Readable<NodeAttributes>;
  }

  private edgeAttributes(e: number): Readable<EdgeAttributes> {
    return edgeAttributesAt(this.edges, this.look, e) as Readable<EdgeAttributes>;
  }

  /** The same graph as graphology, every node and edge added once, in order, with its final attributes. */
  toGraphology(): PaperGraph {
    const graph: PaperGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: false, allowSelfLoops: false });
    this.forEachNode((key, attributes) => {
      graph.addNode(key, attributes);
    });
    this.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
      if (undirected) graph.addUndirectedEdgeWithKey(key, source, target, attributes);
      else graph.addDirectedEdgeWithKey(key, source, target, attributes);
    });
    graph.replaceAttributes(this.attributes);
    return graph;
  }
}
