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
 * Joint papers behind a co-author link as the view counts them: a `coauthor` edge's own weight, plus its papers above
 * the author cut when those are included; a `coauthor-large` edge counts only when they are (0 otherwise).
 */
export function sharedPapers(a: Pick<EdgeAttributes, "kind" | "weight" | "largePapers">, includeLargePapers: boolean): number {
  if (a.kind === "coauthor-large") return includeLargePapers ? a.weight : 0;
  if (a.kind !== "coauthor") return 0;
  return a.weight + (includeLargePapers && typeof a.largePapers === "number" ? a.largePapers : 0);
}

function paperInYears(a: NodeAttributes, filter: ViewFilter): boolean {
  if (a.kind !== "paper" || !filter.yearRange) return true;
  if (a.year === null) return filter.includeUndated;
  return a.year >= filter.yearRange[0] && a.year <= filter.yearRange[1];
}

/**
 * Visible nodes and edges for a filter. Authors and topics follow their papers: with a year range set, an author or
 * topic stays visible only while at least one of their papers is in range (in every lens, so the co-author lens
 * answers "who published in 2021-2023").
 */
export function visibleSubgraph(graph: GraphReader, filter: ViewFilter): VisibleSet {
  const lens = LENS_KINDS[filter.lens];
  const kinds = new Set(lens.nodes.filter((k) => filter.lens !== "full" || filter.kinds.includes(k)));
  const edgeKinds = new Set(lens.edges);
  const hidden = new Set(filter.hiddenClusters);
  const clusterOf = (a: NodeAttributes) => (filter.clusterMode === "community" ? a.community : a.topicCluster);

  const papersInRange = new Set<string>();
  graph.forEachNode((key, a) => {
    if (a.kind === "paper" && paperInYears(a, filter)) papersInRange.add(key);
  });

  const nodes = new Set<string>();
  graph.forEachNode((key, a) => {
    if (!kinds.has(a.kind)) return;
    if (hidden.has(clusterOf(a))) return;
    if (a.kind === "paper") {
      if (papersInRange.has(key)) nodes.add(key);
      return;
    }
    if (!filter.yearRange) {
      nodes.add(key);
      return;
    }
    let any = false;
    graph.forEachNeighbor(key, (n, na) => {
      if (!any && na.kind === "paper" && papersInRange.has(n)) any = true;
    });
    if (any) nodes.add(key);
  });

  const edges = new Set<string>();
  graph.forEachEdge((key, a, source, target) => {
    if (!edgeKinds.has(a.kind)) return;
    if (!nodes.has(source) || !nodes.has(target)) return;
    if ((a.kind === "coauthor" || a.kind === "coauthor-large") && sharedPapers(a, filter.includeLargePapers === true) < Math.max(1, filter.minSharedPapers)) return;
    edges.add(key);
  });
  return { nodes, edges };
}
