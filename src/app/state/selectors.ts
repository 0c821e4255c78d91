/**
 * Pure questions asked of the read-only graph by the panels: who worked with whom, on what, when. No React, no sigma,
 * so they are unit-tested on the fixture graph. Every list is sorted with a tie-break (same graph -> same order).
 */
import Graph from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import { sharedPapers, type VisibleSet } from "../../model/view-filter";
import type { NodeAttributes, PaperGraph, PaperNodeAttributes } from "../data/types";

export interface NodeRef {
  key: string;
  label: string;
}
export interface CountedRef extends NodeRef {
  count: number;
}
export interface PaperRef extends NodeRef {
  date: string | null;
  year: number | null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What a node is called in panels: the author's name, the paper's title (or arXiv id), the topic's term. */
export function displayName(a: NodeAttributes): string {
  if (a.kind === "author") return a.name || a.label;
  if (a.kind === "topic") return a.term || a.label;
  if (a.title) return a.title;
  return a.arxivId ? `arXiv:${a.arxivId}` : a.label;
}

function ref(graph: PaperGraph, key: string): NodeRef {
  return { key, label: displayName(graph.getNodeAttributes(key)) };
}

function byCountThenLabel(a: CountedRef, b: CountedRef): number {
  return b.count - a.count || cmp(a.label, b.label) || cmp(a.key, b.key);
}

/** Papers newest first; "YYYY-MM" sorts before the days of that month; undated papers last. */
export function comparePapersNewestFirst(a: PaperRef, b: PaperRef): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return cmp(a.label, b.label) || cmp(a.key, b.key);
}

function paperRef(graph: PaperGraph, key: string): PaperRef {
  const a = graph.getNodeAttributes(key) as PaperNodeAttributes;
  return { key, label: displayName(a), date: a.date, year: a.year };
}

function neighboursOfKind(graph: PaperGraph, key: string, kind: NodeAttributes["kind"]): string[] {
  const out: string[] = [];
  graph.forEachNeighbor(key, (n, a) => {
    if (a.kind === kind) out.push(n);
  });
  return out;
}

/** Papers of an author, newest first. */
export function papersOf(graph: PaperGraph, author: string): PaperRef[] {
  return neighboursOfKind(graph, author, "paper")
    .filter((p) => (graph.getNodeAttributes(p) as PaperNodeAttributes).authors.includes(author))
    .map((p) => paperRef(graph, p))
    .sort(comparePapersNewestFirst);
}

/** Co-authors ranked by the number of papers shared with `author` (counted from the papers' bylines). */
export function coauthorsOf(graph: PaperGraph, author: string): CountedRef[] {
  const shared = new Map<string, number>();
  for (const p of papersOf(graph, author)) {
    const byline = new Set((graph.getNodeAttributes(p.key) as PaperNodeAttributes).authors);
    for (const other of byline) {
      if (other !== author && graph.hasNode(other)) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  return [...shared].map(([key, count]) => ({ ...ref(graph, key), count })).sort(byCountThenLabel);
}

/** Topics of an author's papers, by number of their papers about each. */
export function topicsOfAuthor(graph: PaperGraph, author: string): CountedRef[] {
  const counts = new Map<string, number>();
  for (const p of papersOf(graph, author)) {
    for (const t of neighboursOfKind(graph, p.key, "topic")) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ ...ref(graph, key), count })).sort(byCountThenLabel);
}

/** Byline of a paper, in order, as node refs (keys missing from the graph are skipped). */
export function bylineOf(graph: PaperGraph, paper: string): NodeRef[] {
  const a = graph.getNodeAttributes(paper) as PaperNodeAttributes;
  return a.authors.filter((k) => graph.hasNode(k)).map((k) => ref(graph, k));
}

/** Topics of a paper, strongest first (the order of its `topics` attribute). */
export function topicsOfPaper(graph: PaperGraph, paper: string): NodeRef[] {
  const a = graph.getNodeAttributes(paper) as PaperNodeAttributes;
  return a.topics.filter((k) => graph.hasNode(k)).map((k) => ref(graph, k));
}

/** Papers about a topic, newest first. */
export function papersOfTopic(graph: PaperGraph, topic: string): PaperRef[] {
  return neighboursOfKind(graph, topic, "paper").map((p) => paperRef(graph, p)).sort(comparePapersNewestFirst);
}

/** Authors with the most papers about a topic. */
export function leadingAuthorsOfTopic(graph: PaperGraph, topic: string, limit = 10): CountedRef[] {
  const counts = new Map<string, number>();
  for (const p of papersOfTopic(graph, topic)) {
    for (const a of (graph.getNodeAttributes(p.key) as PaperNodeAttributes).authors) {
      if (graph.hasNode(a)) counts.set(a, (counts.get(a) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => ({ ...ref(graph, key), count })).sort(byCountThenLabel).slice(0, limit);
}

/** Topics linked by a "related" edge, strongest first (count = edge weight). */
export function relatedTopics(graph: PaperGraph, topic: string): CountedRef[] {
  const out: CountedRef[] = [];
  graph.forEachEdge(topic, (_e, ea, s, t) => {
    if (ea.kind !== "related") return;
    const other = s === topic ? t : s;
    out.push({ ...ref(graph, other), count: ea.weight });
  });
  return out.sort(byCountThenLabel);
}

/**
 * Nodes within `hops` steps of `center`, following only edges `edgeAllowed` accepts (the lens's visible edges), so
 * the ego network matches what is drawn. Includes the centre.
 */
export function egoNetwork(graph: PaperGraph, center: string, hops: number, edgeAllowed: (edge: string) => boolean = () => true): Set<string> {
  const seen = new Set<string>([center]);
  if (!graph.hasNode(center)) return seen;
  let frontier = [center];
  for (let h = 0; h < hops; h++) {
    const next: string[] = [];
    for (const n of frontier) {
      graph.forEachEdge(n, (e, _a, s, t) => {
        if (!edgeAllowed(e)) return;
        const other = s === n ? t : s;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  return seen;
}

const coauthorGraphs = new WeakMap<PaperGraph, Map<string, Graph>>();
const isCoauthorKind = (kind: string) => kind === "coauthor" || kind === "coauthor-large";

/**
 * The co-author network alone (authors + co-author links of at least `minShared` joint papers, those of papers above
 * the author cut only when `includeLarge`), built once per graph and choice.
 */
function coauthorGraph(graph: PaperGraph, minShared: number, includeLarge: boolean): Graph {
  let byChoice = coauthorGraphs.get(graph);
  if (!byChoice) coauthorGraphs.set(graph, (byChoice = new Map()));
  const id = `${minShared}:${includeLarge}`;
  const cached = byChoice.get(id);
  if (cached) return cached;
  const g = new Graph({ type: "undirected" });
  // Sorted insertion: the BFS meets neighbours in this order, so ties between equally short paths break the same way.
  graph.filterNodes((_n, a) => a.kind === "author").sort(cmp).forEach((n) => g.addNode(n));
  const edges: [string, string][] = [];
  graph.forEachEdge((_e, a, s, t) => {
    if (isCoauthorKind(a.kind) && s !== t && sharedPapers(a, includeLarge) >= Math.max(1, minShared)) edges.push(s < t ? [s, t] : [t, s]);
  });
  edges.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  for (const [s, t] of edges) if (!g.hasEdge(s, t)) g.addEdge(s, t);
  byChoice.set(id, g);
  return g;
}

/**
 * Shortest collaboration path between two authors: unweighted breadth-first search on the co-author network
 * (fewest intermediaries, the "Erdős number" sense), over co-author links with at least `minShared` joint papers,
 * through papers above the author cut only when `includeLarge`. Returns the author keys from `from` to `to`, or null
 * when they are not connected.
 */
export function collaborationPath(graph: PaperGraph, from: string, to: string, minShared = 1, includeLarge = false): string[] | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (graph.getNodeAttribute(from, "kind") !== "author" || graph.getNodeAttribute(to, "kind") !== "author") return null;
  if (from === to) return [from];
  return bidirectional(coauthorGraph(graph, minShared, includeLarge), from, to);
}

/** The co-author link between two authors (either kind), or undefined. */
export function coauthorLink(graph: PaperGraph, a: string, b: string): string | undefined {
  return graph.edges(a, b).find((k) => isCoauthorKind(graph.getEdgeAttribute(k, "kind")));
}

/** The co-author edge keys along a path of author keys. */
export function pathEdges(graph: PaperGraph, path: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const e = coauthorLink(graph, path[i]!, path[i + 1]!);
    if (e !== undefined) out.push(e);
  }
  return out;
}

/** Authors drawn without any drawn co-author link (the co-author lens's isolated dots). */
export function isolatedAuthors(graph: PaperGraph, visible: VisibleSet): number {
  const linked = new Set<string>();
  for (const e of visible.edges) {
    if (!isCoauthorKind(graph.getEdgeAttribute(e, "kind"))) continue;
    linked.add(graph.source(e));
    linked.add(graph.target(e));
  }
  let n = 0;
  for (const k of visible.nodes) if (!linked.has(k) && graph.getNodeAttribute(k, "kind") === "author") n++;
  return n;
}

export interface YearHistogram {
  /** One entry per year from the first to the last dated paper (zero counts included, so bars line up). */
  years: { year: number; count: number }[];
  undated: number;
}

export function yearHistogram(graph: PaperGraph): YearHistogram {
  const counts = new Map<number, number>();
  let undated = 0;
  graph.forEachNode((_n, a) => {
    if (a.kind !== "paper") return;
    if (a.year === null) undated++;
    else counts.set(a.year, (counts.get(a.year) ?? 0) + 1);
  });
  if (counts.size === 0) return { years: [], undated };
  const ys = [...counts.keys()];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const years = [];
  for (let y = lo; y <= hi; y++) years.push({ year: y, count: counts.get(y) ?? 0 });
  return { years, undated };
}

/**
 * Where a node the lens does not draw shows up in it: an author in the topic map -> topics of their papers; a topic in
 * the co-author lens -> authors of its papers; a paper -> its authors or topics. Only visible nodes are returned.
 */
export function lensProjection(graph: PaperGraph, key: string, visible: Set<string>): Set<string> {
  const out = new Set<string>();
  if (!graph.hasNode(key)) return out;
  const add = (n: string) => {
    if (visible.has(n)) out.add(n);
  };
  const a = graph.getNodeAttributes(key);
  const papers = a.kind === "paper" ? [key] : neighboursOfKind(graph, key, "paper");
  for (const p of papers) {
    add(p);
    const pa = graph.getNodeAttributes(p) as PaperNodeAttributes;
    for (const au of pa.authors) add(au);
    for (const t of pa.topics) add(t);
  }
  return out;
}

/** Members of a cluster in either partition, sorted. */
export function clusterMembers(graph: PaperGraph, mode: "community" | "topicCluster", id: number): string[] {
  return graph.filterNodes((_n, a) => (mode === "community" ? a.community : a.topicCluster) === id).sort(cmp);
}

/** The `n` nodes of a kind with the highest value of a metric (ties: label, key). */
export function topNodes(graph: PaperGraph, kind: NodeAttributes["kind"], metric: "pagerank" | "paperCount" | "degree", n: number): CountedRef[] {
  const out: CountedRef[] = [];
  graph.forEachNode((key, a) => {
    if (a.kind !== kind) return;
    const v = metric === "paperCount" ? (a.kind === "paper" ? a.degree : a.paperCount) : a[metric];
    out.push({ key, label: displayName(a), count: Number.isFinite(v) ? v : 0 });
  });
  return out.sort(byCountThenLabel).slice(0, n);
}

/**
 * What the camera frames when a node is opened: the node and its neighbours over drawn edges; for a node the lens
 * does not draw, the nodes it projects to (lensProjection). Sorted.
 */
export function framingSet(graph: PaperGraph, key: string, visibleNodes: Set<string>, visibleEdges: Set<string>): string[] {
  if (!graph.hasNode(key)) return [];
  if (!visibleNodes.has(key)) return [...lensProjection(graph, key, visibleNodes)].sort(cmp);
  const out = new Set([key]);
  graph.forEachEdge(key, (e, _a, s, t) => {
    if (visibleEdges.has(e)) out.add(s === key ? t : s);
  });
  return [...out].sort(cmp);
}
