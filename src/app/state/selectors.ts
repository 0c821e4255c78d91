/**
 * Pure questions asked of the read-only graph by the panels: who worked with whom, on what, when. No React, no sigma,
 * so they are unit-tested on the fixture graph. Every list is sorted with a tie-break (same graph -> same order).
 * Graph-wide walks (paths, ego networks, clusters, histograms) run on the graph's arrays (node and edge indices), so
 * they stay linear and allocation-light on a 100,000-paper graph; edges are named by their index.
 */
import { EDGE_KIND_INDEX, sharedPapersAt, type VisibleMask } from "../../model/view-filter";
import type { NodeAttributes, PaperGraph, PaperNodeAttributes } from "../data/types";
import { compareStrings } from "../../model/compare";

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

const AUTHOR = 0;
const PAPER = 1;
const TOPIC = 2;
const KIND_CODE: Record<NodeAttributes["kind"], number> = { author: AUTHOR, paper: PAPER, topic: TOPIC };
const COAUTHOR = EDGE_KIND_INDEX.coauthor;
const COAUTHOR_LARGE = EDGE_KIND_INDEX["coauthor-large"];
/** The edge kind code of "coauthor-large" links (CompactGraph.edgeKind). */
export const COAUTHOR_LARGE_KIND = COAUTHOR_LARGE;
const RELATED = EDGE_KIND_INDEX.related;


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
  return b.count - a.count || compareStrings(a.label, b.label) || compareStrings(a.key, b.key);
}

/** Papers newest first; "YYYY-MM" sorts before the days of that month; undated papers last. */
export function comparePapersNewestFirst(a: PaperRef, b: PaperRef): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return compareStrings(a.label, b.label) || compareStrings(a.key, b.key);
}

function paperRef(graph: PaperGraph, key: string): PaperRef {
  const a = graph.getNodeAttributes(key) as PaperNodeAttributes;
  return { key, label: displayName(a), date: a.date, year: a.year };
}

function neighboursOfKind(graph: PaperGraph, key: string, kind: NodeAttributes["kind"]): string[] {
  const i = graph.nodeIndex(key);
  const out: string[] = [];
  if (i < 0) return out;
  const code = KIND_CODE[kind];
  graph.forEachNeighborIndex(i, (j) => {
    if (graph.kind[j] === code) out.push(graph.keys[j]!);
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
  const i = graph.nodeIndex(topic);
  const out: CountedRef[] = [];
  if (i < 0) return out;
  for (let p = graph.adjOffsets[i]!; p < graph.adjOffsets[i + 1]!; p++) {
    const e = graph.adjEdges[p]!;
    if (graph.edgeKind[e] !== RELATED) continue;
    out.push({ ...ref(graph, graph.keys[graph.otherEnd(e, i)]!), count: graph.edgeWeight[e]! });
  }
  return out.sort(byCountThenLabel);
}

/**
 * Nodes within `hops` steps of `center`, following only edges `edgeAllowed` accepts (by index: the lens's visible
 * edges), so the ego network matches what is drawn. Includes the centre.
 */
export function egoNetwork(graph: PaperGraph, center: string, hops: number, edgeAllowed: (edge: number) => boolean = () => true): Set<string> {
  const start = graph.nodeIndex(center);
  const seen = new Set<string>([center]);
  if (start < 0) return seen;
  const mark = new Set<number>([start]);
  let frontier = [start];
  for (let h = 0; h < hops; h++) {
    const next: number[] = [];
    for (const n of frontier) {
      for (let p = graph.adjOffsets[n]!; p < graph.adjOffsets[n + 1]!; p++) {
        const e = graph.adjEdges[p]!;
        if (!edgeAllowed(e)) continue;
        const other = graph.otherEnd(e, n);
        if (!mark.has(other)) {
          mark.add(other);
          seen.add(graph.keys[other]!);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Whether edge e is a co-author link of either kind ("coauthor", or "coauthor-large" of papers above the author cut). */
const isCoauthorEdge = (graph: PaperGraph, e: number) => graph.edgeKind[e] === COAUTHOR || graph.edgeKind[e] === COAUTHOR_LARGE;

/** Joint papers behind co-author edge e as the view counts them (view-filter's sharedPapers over the arrays). */
function sharedOn(graph: PaperGraph, e: number, includeLarge: boolean): number {
  return sharedPapersAt(graph.edgeKind[e]!, graph.edgeWeight[e]!, includeLarge ? graph.edgeLargePapers[e]! : 0, includeLarge);
}

/**
 * Shortest collaboration path between two authors: breadth-first search on the co-author network (fewest
 * intermediaries, the "Erdős number" sense), over co-author links with at least `minShared` joint papers, through
 * papers above the author cut only when `includeLarge`, neighbours taken in key order so ties between equally short
 * paths always break the same way. Returns the author keys from `from` to `to`, or null when they are not connected.
 * Linear in the part of the network it explores.
 */
export function collaborationPath(graph: PaperGraph, from: string, to: string, minShared = 1, includeLarge = false): string[] | null {
  const min = Math.max(1, minShared);
  const s = graph.nodeIndex(from);
  const t = graph.nodeIndex(to);
  if (s < 0 || t < 0 || graph.kind[s] !== AUTHOR || graph.kind[t] !== AUTHOR) return null;
  if (s === t) return [from];
  const parent = new Map<number, number>([[s, -1]]);
  let frontier = [s];
  while (frontier.length && !parent.has(t)) {
    const next: number[] = [];
    for (const n of frontier) {
      const around: number[] = [];
      for (let p = graph.adjOffsets[n]!; p < graph.adjOffsets[n + 1]!; p++) {
        const e = graph.adjEdges[p]!;
        if (!isCoauthorEdge(graph, e) || sharedOn(graph, e, includeLarge) < min) continue;
        const o = graph.otherEnd(e, n);
        if (o !== n && !parent.has(o)) around.push(o);
      }
      around.sort((a, b) => compareStrings(graph.keys[a]!, graph.keys[b]!));
      for (const o of around) {
        if (parent.has(o)) continue;
        parent.set(o, n);
        next.push(o);
      }
    }
    frontier = next;
  }
  if (!parent.has(t)) return null;
  const path: string[] = [];
  for (let at = t; at !== -1; at = parent.get(at)!) path.push(graph.keys[at]!);
  return path.reverse();
}

/** The co-author link (either kind) between two authors, as an edge index; -1 when they have none. */
export function coauthorLink(graph: PaperGraph, a: string, b: string): number {
  const i = graph.nodeIndex(a);
  const j = graph.nodeIndex(b);
  if (i < 0 || j < 0) return -1;
  const e = graph.edgeBetween(i, j, "coauthor");
  return e >= 0 ? e : graph.edgeBetween(i, j, "coauthor-large");
}

/** The co-author edges (indices) along a path of author keys. */
export function pathEdges(graph: PaperGraph, path: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const e = coauthorLink(graph, path[i]!, path[i + 1]!);
    if (e >= 0) out.push(e);
  }
  return out;
}

/**
 * Joint papers of two authors as the view counts them: their co-author link's papers (view-filter's sharedPapers);
 * 0 without one.
 */
export function sharedPapers(graph: PaperGraph, a: string, b: string, includeLarge = false): number {
  const e = coauthorLink(graph, a, b);
  return e < 0 ? 0 : sharedOn(graph, e, includeLarge);
}

/** Authors drawn without any drawn co-author link (the co-author lens's isolated dots). */
export function isolatedAuthors(graph: PaperGraph, visible: VisibleMask): number {
  const linked = new Uint8Array(graph.order);
  for (let e = 0; e < graph.size; e++) {
    if (!visible.edges[e] || !isCoauthorEdge(graph, e)) continue;
    linked[graph.edgeSource[e]!] = 1;
    linked[graph.edgeTarget[e]!] = 1;
  }
  let n = 0;
  for (let i = 0; i < graph.order; i++) if (visible.nodes[i] && !linked[i] && graph.kind[i] === AUTHOR) n++;
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
  for (let i = 0; i < graph.order; i++) {
    if (graph.kind[i] !== PAPER) continue;
    const y = graph.year[i]!;
    if (Number.isNaN(y)) undated++;
    else counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (counts.size === 0) return { years: [], undated };
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of counts.keys()) {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  const years = [];
  for (let y = lo; y <= hi; y++) years.push({ year: y, count: counts.get(y) ?? 0 });
  return { years, undated };
}

/** The largest number of joint papers on any co-author edge (at least 1): the filter slider's end. */
export function maxSharedPapers(graph: PaperGraph): number {
  let m = 1;
  for (let e = 0; e < graph.size; e++) if (graph.edgeKind[e] === COAUTHOR && graph.edgeWeight[e]! > m) m = graph.edgeWeight[e]!;
  return m;
}

/**
 * Where a node the lens does not draw shows up in it: an author in the topic map -> topics of their papers; a topic in
 * the co-author lens -> authors of its papers; a paper -> its authors or topics. Only visible nodes are returned.
 */
export function lensProjection(graph: PaperGraph, key: string, visible: Uint8Array): Set<string> {
  const out = new Set<string>();
  if (!graph.hasNode(key)) return out;
  const add = (n: string) => {
    const i = graph.nodeIndex(n);
    if (i >= 0 && visible[i]) out.add(n);
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
  const ids = mode === "community" ? graph.community : graph.topicCluster;
  const out: string[] = [];
  for (let i = 0; i < graph.order; i++) if (ids[i] === id) out.push(graph.keys[i]!);
  return out.sort(compareStrings);
}

/** The `n` nodes of a kind with the highest value of a metric (ties: label, key). */
export function topNodes(graph: PaperGraph, kind: NodeAttributes["kind"], metric: "pagerank" | "paperCount" | "degree", n: number): CountedRef[] {
  const code = KIND_CODE[kind];
  const value = (i: number) => (metric === "paperCount" ? (code === PAPER ? graph.degree[i]! : graph.paperCount[i]!) : graph[metric][i]!);
  const candidates: number[] = [];
  for (let i = 0; i < graph.order; i++) if (graph.kind[i] === code) candidates.push(i);
  // Only the best few need names: rank by value first, name the ones that can still make the cut.
  candidates.sort((a, b) => (Number.isFinite(value(b)) ? value(b) : 0) - (Number.isFinite(value(a)) ? value(a) : 0));
  const cutoff = candidates.length > n ? value(candidates[n - 1]!) : -Infinity;
  const out: CountedRef[] = [];
  for (const i of candidates) {
    const v = Number.isFinite(value(i)) ? value(i) : 0;
    if (out.length >= n && v < cutoff) break;
    out.push({ key: graph.keys[i]!, label: displayName(graph.attributesAt(i)), count: v });
  }
  return out.sort(byCountThenLabel).slice(0, n);
}

/**
 * What the camera frames when a node is opened: the node and its neighbours over drawn edges; for a node the lens
 * does not draw, the nodes it projects to (lensProjection). Sorted.
 */
export function framingSet(graph: PaperGraph, key: string, visible: VisibleMask): string[] {
  const i = graph.nodeIndex(key);
  if (i < 0) return [];
  if (!visible.nodes[i]) return [...lensProjection(graph, key, visible.nodes)].sort(compareStrings);
  const out = new Set([key]);
  for (let p = graph.adjOffsets[i]!; p < graph.adjOffsets[i + 1]!; p++) {
    const e = graph.adjEdges[p]!;
    if (visible.edges[e]) out.add(graph.keys[graph.otherEnd(e, i)]!);
  }
  return [...out].sort(compareStrings);
}
