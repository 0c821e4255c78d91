/**
 * What "the current view" means, shared by the explorer (what it draws) and the exporters (what "export the view"
 * writes), so both agree to the node. Pure: works on any graphology-like reader of our graph file.
 */
import type { EdgeAttributes, EdgeKind, NodeAttributes, NodeKind } from "./graph-file";

export type Lens = "coauthor" | "topics" | "full";

export interface ViewFilter {
  lens: Lens;
  /** Node kinds shown inside the lens (the full lens may hide some kinds). */
  kinds: NodeKind[];
  /** Inclusive paper-year range, or null for all years. */
  yearRange: [number, number] | null;
  /** Whether papers without a year stay visible while a year range is set. */
  includeUndated: boolean;
  /** Co-author edges need at least this many joint papers. */
  minSharedPapers: number;
  /**
   * Whether co-author links made only by papers above the build's author cut (graph attribute `largePapers`) are
   * drawn, and counted in the joint papers of the others. Off by default, as the build keeps them apart.
   */
  includeLargePapers: boolean;
  /** Which partition the cluster filter refers to. */
  clusterMode: "community" | "topicCluster";
  /** Cluster ids hidden in that partition. */
  hiddenClusters: number[];
}

export const LENS_KINDS: Record<Lens, { nodes: NodeKind[]; edges: EdgeKind[] }> = {
  coauthor: { nodes: ["author"], edges: ["coauthor", "coauthor-large"] },
  topics: { nodes: ["topic"], edges: ["related"] },
  full: { nodes: ["author", "paper", "topic"], edges: ["authored", "about", "coauthor", "coauthor-large", "related"] },
};

export const DEFAULT_VIEW_FILTER: ViewFilter = {
  lens: "coauthor",
  kinds: ["author", "paper", "topic"],
  yearRange: null,
  includeUndated: true,
  minSharedPapers: 1,
  includeLargePapers: false,
  clusterMode: "topicCluster",
  hiddenClusters: [],
};

/** The subset of graphology's API the filter needs (so tests can pass a plain Graph). */
export interface GraphReader {
  forEachNode(cb: (key: string, attributes: NodeAttributes) => void): void;
  forEachEdge(cb: (key: string, attributes: EdgeAttributes, source: string, target: string) => void): void;
  getNodeAttributes(key: string): NodeAttributes;
  forEachNeighbor(key: string, cb: (neighbor: string, attributes: NodeAttributes) => void): void;
}

export interface VisibleSet {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * The graph as arrays, in node and edge order (model/compact-graph.ts's CompactGraph is one): kind codes 0 author,
 * 1 paper, 2 topic; edge kind codes 0 authored, 1 coauthor, 2 about, 3 related, 4 coauthor-large; year NaN when
 * unknown; edgeLargePapers a coauthor edge's joint papers above the author cut (0 or NaN when none); incident edges of
 * node i at adjEdges[adjOffsets[i] .. adjOffsets[i + 1]).
 */
export interface IndexedGraph {
  readonly order: number;
  readonly size: number;
  readonly kind: ArrayLike<number>;
  readonly year: ArrayLike<number>;
  readonly community: ArrayLike<number>;
  readonly topicCluster: ArrayLike<number>;
  readonly edgeSource: ArrayLike<number>;
  readonly edgeTarget: ArrayLike<number>;
  readonly edgeKind: ArrayLike<number>;
  readonly edgeWeight: ArrayLike<number>;
  readonly edgeLargePapers: ArrayLike<number>;
  readonly adjOffsets: ArrayLike<number>;
  readonly adjEdges: ArrayLike<number>;
}

/**
 * Joint papers behind a co-author link as the view counts them: a `coauthor` edge's own weight, plus its papers above
 * the author cut when those are included; a `coauthor-large` edge counts only when they are (0 otherwise).
 */
export function sharedPapers(a: Pick<EdgeAttributes, "kind" | "weight" | "largePapers">, includeLargePapers: boolean): number {
  if (a.kind === "coauthor-large") return includeLargePapers ? a.weight : 0;
  if (a.kind !== "coauthor") return 0;
  return a.weight + (includeLargePapers && typeof a.largePapers === "number" ? a.largePapers : 0);
}

/** sharedPapers over the arrays: edge kind code, weight and papers above the cut (NaN or 0 when none). */
export function sharedPapersAt(kind: number, weight: number, largePapers: number, includeLargePapers: boolean): number {
  if (kind === EDGE_KIND_INDEX["coauthor-large"]) return includeLargePapers ? weight : 0;
  if (kind !== EDGE_KIND_INDEX.coauthor) return 0;
  return weight + (includeLargePapers && largePapers > 0 ? largePapers : 0);
}

/** What a filter shows, as one flag per node and per edge (1 = visible), with the counts. */
export interface VisibleMask {
  nodes: Uint8Array;
  edges: Uint8Array;
  nodeCount: number;
  edgeCount: number;
}

const NODE_KIND_INDEX: Record<NodeKind, number> = { author: 0, paper: 1, topic: 2 };
/** Edge kind codes of IndexedGraph (model/compact-graph.ts's EDGE_KIND_CODES in this order). */
export const EDGE_KIND_INDEX: Record<EdgeKind, number> = { authored: 0, coauthor: 1, about: 2, related: 3, "coauthor-large": 4 };
const PAPER = NODE_KIND_INDEX.paper;

/**
 * Visible nodes and edges for a filter. Authors and topics follow their papers: with a year range set, an author or
 * topic stays visible only while at least one of their papers is in range (in every lens, so the co-author lens
 * answers "who published in 2021-2023"). Linear in nodes + edges.
 */
export function visibleMask(g: IndexedGraph, filter: ViewFilter): VisibleMask {
  const lens = LENS_KINDS[filter.lens];
  const kinds = new Uint8Array(3);
  for (const k of lens.nodes) if (filter.lens !== "full" || filter.kinds.includes(k)) kinds[NODE_KIND_INDEX[k]] = 1;
  const edgeKinds = new Uint8Array(5);
  for (const k of lens.edges) edgeKinds[EDGE_KIND_INDEX[k]] = 1;
  const hidden = new Set(filter.hiddenClusters);
  const cluster = filter.clusterMode === "community" ? g.community : g.topicCluster;
  const range = filter.yearRange;
  const n = g.order;

  // Locals: the arrays may be getters (CompactGraph makes its edge arrays on first use).
  const { kind, year, edgeSource, edgeTarget, edgeKind, edgeWeight } = g;
  const edgeLargePapers = filter.includeLargePapers ? g.edgeLargePapers : null;
  // The adjacency only matters with a year range (authors and topics follow their papers).
  const adjOffsets = range ? g.adjOffsets : [];
  const adjEdges = range ? g.adjEdges : [];
  const inRange = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (kind[i] !== PAPER) continue;
    const y = year[i]!;
    inRange[i] = !range ? 1 : Number.isNaN(y) ? (filter.includeUndated ? 1 : 0) : y >= range[0] && y <= range[1] ? 1 : 0;
  }

  const nodes = new Uint8Array(n);
  let nodeCount = 0;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    if (!kinds[k] || hidden.has(cluster[i]!)) continue;
    let show: boolean;
    if (k === PAPER) show = inRange[i] === 1;
    else if (!range) show = true;
    else {
      show = false;
      for (let p = adjOffsets[i]!; p < adjOffsets[i + 1]! && !show; p++) {
        const e = adjEdges[p]!;
        const j = edgeSource[e] === i ? edgeTarget[e]! : edgeSource[e]!;
        if (kind[j] === PAPER && inRange[j]) show = true;
      }
    }
    if (show) {
      nodes[i] = 1;
      nodeCount++;
    }
  }

  const m = g.size;
  const edges = new Uint8Array(m);
  let edgeCount = 0;
  const coauthor = EDGE_KIND_INDEX.coauthor;
  const coauthorLarge = EDGE_KIND_INDEX["coauthor-large"];
  const minShared = Math.max(1, filter.minSharedPapers);
  const includeLarge = filter.includeLargePapers === true;
  for (let e = 0; e < m; e++) {
    const k = edgeKind[e]!;
    if (!edgeKinds[k] || !nodes[edgeSource[e]!] || !nodes[edgeTarget[e]!]) continue;
    if ((k === coauthor || k === coauthorLarge) && sharedPapersAt(k, edgeWeight[e]!, edgeLargePapers ? edgeLargePapers[e]! : 0, includeLarge) < minShared) continue;
    edges[e] = 1;
    edgeCount++;
  }
  return { nodes, edges, nodeCount, edgeCount };
}

/** A graphology-like graph as arrays (node and edge order kept), so visibleMask reads it. */
export function indexGraph(graph: GraphReader): { indexed: IndexedGraph; nodeKeys: string[]; edgeKeys: string[] } {
  const nodeKeys: string[] = [];
  const index = new Map<string, number>();
  const kind: number[] = [];
  const year: number[] = [];
  const community: number[] = [];
  const topicCluster: number[] = [];
  graph.forEachNode((key, a) => {
    index.set(key, nodeKeys.length);
    nodeKeys.push(key);
    kind.push(NODE_KIND_INDEX[a.kind] ?? -1);
    year.push(a.kind === "paper" && typeof a.year === "number" ? a.year : NaN);
    community.push(a.community);
    topicCluster.push(a.topicCluster);
  });
  const edgeKeys: string[] = [];
  const edgeSource: number[] = [];
  const edgeTarget: number[] = [];
  const edgeKind: number[] = [];
  const edgeWeight: number[] = [];
  const edgeLargePapers: number[] = [];
  graph.forEachEdge((key, a, source, target) => {
    edgeKeys.push(key);
    edgeSource.push(index.get(source)!);
    edgeTarget.push(index.get(target)!);
    edgeKind.push(EDGE_KIND_INDEX[a.kind] ?? -1);
    edgeWeight.push(a.weight);
    edgeLargePapers.push(typeof a.largePapers === "number" ? a.largePapers : 0);
  });
  const n = nodeKeys.length;
  const adjOffsets = new Uint32Array(n + 1);
  for (let e = 0; e < edgeKeys.length; e++) {
    adjOffsets[edgeSource[e]! + 1]!++;
    if (edgeTarget[e] !== edgeSource[e]) adjOffsets[edgeTarget[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) adjOffsets[i + 1]! += adjOffsets[i]!;
  const adjEdges = new Uint32Array(adjOffsets[n]!);
  const fill = adjOffsets.slice(0, n);
  for (let e = 0; e < edgeKeys.length; e++) {
    adjEdges[fill[edgeSource[e]!]!++] = e;
    if (edgeTarget[e] !== edgeSource[e]) adjEdges[fill[edgeTarget[e]!]!++] = e;
  }
  return {
    indexed: { order: n, size: edgeKeys.length, kind, year, community, topicCluster, edgeSource, edgeTarget, edgeKind, edgeWeight, edgeLargePapers, adjOffsets, adjEdges },
    nodeKeys,
    edgeKeys,
  };
}

/** visibleMask as key sets, for any graphology-like graph (exporters, the CLI). */
export function visibleSubgraph(graph: GraphReader, filter: ViewFilter): VisibleSet {
  const { indexed, nodeKeys, edgeKeys } = indexGraph(graph);
  const mask = visibleMask(indexed, filter);
  const nodes = new Set<string>();
  for (let i = 0; i < nodeKeys.length; i++) if (mask.nodes[i]) nodes.add(nodeKeys[i]!);
  const edges = new Set<string>();
  for (let e = 0; e < edgeKeys.length; e++) if (mask.edges[e]) edges.add(edgeKeys[e]!);
  return { nodes, edges };
}
