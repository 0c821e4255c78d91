/**
 * The edge kinds, computed on node indices and kept in flat arrays in their final order (each kind in key order):
 * - authored "authored:<author>-><paper>": directed, weight 1, one per byline entry; `as` = the spelling the byline
 *   used when it is not the person's display name (absent: the byline used the name, as for everyone with one spelling);
 * - coauthor "coauthor:<a>--<b>" (a < b): undirected, weight = number of papers with at most coauthorMaxAuthors
 *   authors whose byline names both; `largePapers` = their joint papers above that cut, when there are any;
 * - about "about:<paper>-><topic>": directed, weight = the topic stage's term weight in that paper;
 * - related "related:<s>--<t>" (s < t): undirected, weight = the topic stage's co-occurrence strength;
 * - coauthor-large "coauthor-large:<a>--<b>": undirected, the pairs linked only by papers above the cut (weight = those
 *   papers). Last in the table and left out of `analysed`, so communities, centrality and layout never see them.
 *
 * Ordering without string sorts: an edge key is `<kind>:<source><separator><target>`, so key order is the order of
 * source + separator, then of the target. Sources are ranked once by source + separator (a near-sorted sort of a few
 * hundred thousand keys), edges are bucketed by that rank (counting sort, linear) and each bucket is sorted by target
 * index (targets of one kind are indexed in key order). Co-author pairs are counted the same way, by merging equal
 * targets inside a bucket, instead of a map keyed by a string per pair. When a source + separator is a prefix of
 * another one (possible only for keys containing the separator), that kind falls back to sorting whole key strings.
 */
import type { EdgeAttributes, EdgeKind, LargePapers } from "../../model/graph-file";
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import type { NodeTable } from "./node-table";
import { compareStrings, round6 } from "./numbers";
import type { GraphBuildInput } from "./types";

export const EDGE_KINDS: readonly EdgeKind[] = ["authored", "coauthor", "about", "related", "coauthor-large"];
const DIRECTED: Record<EdgeKind, boolean> = { authored: true, coauthor: false, about: true, related: false, "coauthor-large": false };
const SEPARATOR: Record<EdgeKind, string> = { authored: "->", coauthor: "--", about: "->", related: "--", "coauthor-large": "--" };
const COAUTHOR = 1;

export interface EdgeTable {
  count: number;
  /** Edges the algorithms read (every kind but coauthor-large): [0, analysed). */
  analysed: number;
  /** Joint papers above the author cut per edge (co-author edges only; 0 elsewhere). */
  largePapers: Int32Array;
  /** Keys of the papers above the author cut, sorted, and the cut. */
  large: LargePapers;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  /** Index into EDGE_KINDS per edge. */
  kind: Uint8Array;
  /** Edges of EDGE_KINDS[k] are [kindStart[k], kindStart[k + 1]). */
  kindStart: Int32Array;
}

interface KindEdges {
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  count: number;
}

/** Growable pair of index arrays plus weights (typed, so millions of pairs cost no objects). */
class EdgeBuffer {
  source = new Int32Array(1024);
  target = new Int32Array(1024);
  weight = new Float64Array(1024);
  count = 0;

  push(s: number, t: number, w: number): void {
    if (this.count === this.source.length) {
      const grow = <A extends Int32Array | Float64Array>(a: A): A => {
        const b = new (a.constructor as new (n: number) => A)(a.length * 2);
        b.set(a);
        return b;
      };
      this.source = grow(this.source);
      this.target = grow(this.target);
      this.weight = grow(this.weight);
    }
    this.source[this.count] = s;
    this.target[this.count] = t;
    this.weight[this.count++] = w;
  }
}

/**
 * Rank of each node of [from, to) by key + separator, or null when one of those strings is a prefix of another (then
 * rank order does not decide key order). Keys of one kind arrive sorted, so the sort sees almost sorted input.
 */
export function separatorRanks(keys: readonly string[], from: number, to: number, separator: string): Int32Array | null {
  const order = Array.from({ length: to - from }, (_, i) => i);
  const withSep = order.map((i) => keys[from + i]! + separator);
  order.sort((a, b) => compareStrings(withSep[a]!, withSep[b]!));
  const rank = new Int32Array(to - from);
  for (let r = 0; r < order.length; r++) {
    rank[order[r]!] = r;
    if (r > 0 && withSep[order[r]!]!.startsWith(withSep[order[r - 1]!]!)) return null;
  }
  return rank;
}

/**
 * Sorts one kind's edges into key order; equal (source, target) pairs are merged, their weights added. `rank` is
 * separatorRanks of the sources' range [from, to) (null: sort by whole keys).
 */
function ordered(nodes: NodeTable, kind: EdgeKind, edges: EdgeBuffer, from: number, to: number, rank: Int32Array | null): KindEdges {
  const n = edges.count;
  const { source, target, weight } = edges;
  let order: Int32Array;
  if (rank) {
    // Counting sort by source rank, then each bucket by target index.
    const buckets = to - from;
    const start = new Int32Array(buckets + 1);
    for (let e = 0; e < n; e++) start[rank[source[e]! - from]! + 1]!++;
    for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, buckets);
    order = new Int32Array(n);
    for (let e = 0; e < n; e++) order[fill[rank[source[e]! - from]!]!++] = e;
    const byTarget = (x: number, y: number) => target[x]! - target[y]! || x - y;
    for (let b = 0; b < buckets; b++) {
      const lo = start[b]!;
      const hi = start[b + 1]!;
      if (hi - lo < 2) continue;
      if (hi - lo <= 16) {
        for (let i = lo + 1; i < hi; i++) {
          const e = order[i]!;
          let j = i - 1;
          while (j >= lo && byTarget(order[j]!, e) > 0) {
            order[j + 1] = order[j]!;
            j--;
          }
          order[j + 1] = e;
        }
      } else order.subarray(lo, hi).sort(byTarget);
    }
  } else {
    const prefix = `${kind}:`;
    const keyOf = Array.from({ length: n }, (_, e) => `${prefix}${nodes.keys[source[e]!]}${SEPARATOR[kind]}${nodes.keys[target[e]!]}`);
    order = Int32Array.from({ length: n }, (_, e) => e).sort((x, y) => compareStrings(keyOf[x]!, keyOf[y]!) || x - y);
  }
  const out: KindEdges = { source: new Int32Array(n), target: new Int32Array(n), weight: new Float64Array(n), count: 0 };
  for (let i = 0; i < n; i++) {
    const e = order[i]!;
    const last = out.count - 1;
    if (last >= 0 && out.source[last] === source[e] && out.target[last] === target[e]) {
      out.weight[last]! += weight[e]!;
      continue;
    }
    out.source[out.count] = source[e]!;
    out.target[out.count] = target[e]!;
    out.weight[out.count++] = weight[e]!;
  }
  return out;
}

/** Whether a paper is above the co-author cut (more than `maxAuthors` distinct authors; 0 means no cut). */
export function isLargePaper(p: { authors: readonly string[] }, maxAuthors: number): boolean {
  return maxAuthors > 0 && new Set(p.authors).size > maxAuthors;
}

/**
 * A byline's distinct author indices, ascending, in a scratch array reused for every paper: the first `count` entries
 * of the returned array. (A typed array per paper cost seconds of garbage collection at 100,000 papers.)
 */
export class DistinctAuthors {
  private scratch = new Int32Array(64);

  of(byline: Int32Array): { sorted: Int32Array; count: number } {
    if (byline.length > this.scratch.length) this.scratch = new Int32Array(byline.length * 2);
    const view = this.scratch.subarray(0, byline.length);
    view.set(byline);
    view.sort();
    let count = 0;
    for (let k = 0; k < view.length; k++) if (k === 0 || view[k] !== view[k - 1]) view[count++] = view[k]!;
    return { sorted: this.scratch, count };
  }
}

/** Co-author pair occurrences (a < b by index, i.e. by key) of the papers below (or, with `large`, above) the cut. */
function coauthorOccurrences(nodes: NodeTable, maxAuthors: number, large: boolean): EdgeBuffer {
  const buffer = new EdgeBuffer();
  const distinct = new DistinctAuthors();
  nodes.paperAuthors.forEach((byline, i) => {
    if (isLargePaper(nodes.papers[i]!, maxAuthors) !== large) return;
    const { sorted, count } = distinct.of(byline);
    for (let a = 0; a < count; a++) for (let b = a + 1; b < count; b++) buffer.push(sorted[a]!, sorted[b]!, 1);
  });
  return buffer;
}

/**
 * Splits the pairs of papers above the cut: those also linked below it give their count to that co-author edge
 * (`largePapers`), the others become coauthor-large edges. Both lists are in key order, so one merge pass does it.
 */
function splitLarge(small: KindEdges, above: KindEdges, rank: Int32Array | null, keys: readonly string[]): { largePapers: Int32Array; large: KindEdges } {
  // Key order of two pairs of one list: by source rank (or whole key), then target.
  const before = (a: KindEdges, i: number, b: KindEdges, j: number): boolean => {
    const [sa, sb] = [a.source[i]!, b.source[j]!];
    if (sa !== sb) {
      return rank ? rank[sa]! < rank[sb]! : compareStrings(`${keys[sa]}--${keys[a.target[i]!]}`, `${keys[sb]}--${keys[b.target[j]!]}`) < 0;
    }
    return a.target[i]! < b.target[j]!;
  };
  const largePapers = new Int32Array(small.count);
  const large: KindEdges = { source: new Int32Array(above.count), target: new Int32Array(above.count), weight: new Float64Array(above.count), count: 0 };
  let i = 0;
  for (let j = 0; j < above.count; j++) {
    // Same source rank order in both lists: advance the small list while it is before this pair.
    while (i < small.count && (small.source[i] !== above.source[j] || small.target[i] !== above.target[j]) && before(small, i, above, j)) i++;
    if (i < small.count && small.source[i] === above.source[j] && small.target[i] === above.target[j]) largePapers[i] = above.weight[j]!;
    else {
      large.source[large.count] = above.source[j]!;
      large.target[large.count] = above.target[j]!;
      large.weight[large.count++] = above.weight[j]!;
    }
  }
  return { largePapers, large };
}

export function edgeTable(
  nodes: NodeTable,
  input: { topics: Pick<GraphBuildInput["topics"], "related"> },
  options: { coauthorMaxAuthors: number },
  progress: StepReporter = silentSteps,
): EdgeTable {
  const { paperStart, topicStart } = nodes;
  const nodeCount = nodes.keys.length;
  const parts: KindEdges[] = [];

  const authorRanks = (separator: string) => separatorRanks(nodes.keys, 0, paperStart, separator);

  progress("edge table: authored", 0, null, "edges");
  const authored = new EdgeBuffer();
  nodes.paperAuthors.forEach((byline, i) => {
    for (const a of byline) authored.push(a, paperStart + i, 1);
  });
  parts.push(ordered(nodes, "authored", authored, 0, paperStart, authorRanks(SEPARATOR.authored)));

  progress("edge table: co-author pairs", 0, null, "edges");
  const pairRank = authorRanks(SEPARATOR.coauthor);
  const small = ordered(nodes, "coauthor", coauthorOccurrences(nodes, options.coauthorMaxAuthors, false), 0, paperStart, pairRank);
  const above = ordered(nodes, "coauthor-large", coauthorOccurrences(nodes, options.coauthorMaxAuthors, true), 0, paperStart, pairRank);
  const { largePapers, large } = splitLarge(small, above, pairRank, nodes.keys);
  parts.push(small);

  progress("edge table: about", 0, null, "edges");
  const about = new EdgeBuffer();
  nodes.paperTopics.forEach((links, i) => {
    for (const link of links) about.push(paperStart + i, nodes.index.get(link.topic)!, round6(link.weight));
  });
  parts.push(ordered(nodes, "about", about, paperStart, topicStart, separatorRanks(nodes.keys, paperStart, topicStart, SEPARATOR.about)));

  progress("edge table: related", 0, null, "edges");
  const related = new EdgeBuffer();
  for (const r of input.topics.related) {
    const [s, t] = [nodes.index.get(r.source)!, nodes.index.get(r.target)!];
    related.push(Math.min(s, t), Math.max(s, t), round6(r.weight));
  }
  parts.push(ordered(nodes, "related", related, topicStart, nodeCount, separatorRanks(nodes.keys, topicStart, nodeCount, SEPARATOR.related)));
  parts.push(large);

  const count = parts.reduce((sum, p) => sum + p.count, 0);
  const table: EdgeTable = {
    count,
    analysed: count - large.count,
    largePapers: new Int32Array(count),
    large: {
      maxAuthors: options.coauthorMaxAuthors,
      papers: nodes.papers.filter((p) => isLargePaper(p, options.coauthorMaxAuthors)).map((p) => p.key),
      pairs: large.count,
    },
    source: new Int32Array(count),
    target: new Int32Array(count),
    weight: new Float64Array(count),
    kind: new Uint8Array(count),
    kindStart: new Int32Array(EDGE_KINDS.length + 1),
  };
  let at = 0;
  parts.forEach((p, k) => {
    table.kindStart[k] = at;
    table.source.set(p.source.subarray(0, p.count), at);
    table.target.set(p.target.subarray(0, p.count), at);
    table.weight.set(p.weight.subarray(0, p.count), at);
    table.kind.fill(k, at, at + p.count);
    if (k === COAUTHOR) table.largePapers.set(largePapers, at);
    at += p.count;
  });
  table.kindStart[EDGE_KINDS.length] = at;
  return table;
}

/**
 * The byline spelling of (author, paper) node indices where it is not the author's display name; undefined where it
 * is (so people with one spelling never carry it, nor most bylines of the others) and where the identity stage gave none.
 */
export function bylineSpellings(nodes: NodeTable): (author: number, paper: number) => string | undefined {
  const authors = nodes.paperStart;
  const spelling = new Map<number, string>();
  nodes.paperAuthors.forEach((byline, i) => {
    byline.forEach((a, j) => {
      const s = nodes.paperSpellings[i]?.[j];
      if (s && s !== nodes.authors[a]!.name) spelling.set(i * authors + a, s);
    });
  });
  return (author, paper) => spelling.get((paper - nodes.paperStart) * authors + author);
}

/** How edges look in the file: sizes per edge index, colour per kind, the co-author links' years, bylines' spellings. */
export interface EdgeLook {
  size: Float64Array;
  color: (kind: EdgeKind) => string;
  years?: { firstYear: Int32Array; yearWeights: (string | undefined)[] };
  /** The `as` of an authored edge (bylineSpellings). */
  spellingOf?: (author: number, paper: number) => string | undefined;
}

/** Whether edge e is undirected (coauthor, related, coauthor-large). */
export function isUndirectedAt(table: EdgeTable, e: number): boolean {
  return !DIRECTED[EDGE_KINDS[table.kind[e]!]!];
}

/** Edge e's key, `<kind>:<source><separator><target>`: made when a reader asks, never stored for every edge. */
export function edgeKeyAt(nodes: NodeTable, table: EdgeTable, e: number): string {
  const kind = EDGE_KINDS[table.kind[e]!]!;
  return `${kind}:${nodes.keys[table.source[e]!]!}${SEPARATOR[kind]}${nodes.keys[table.target[e]!]!}`;
}

/** Edge e's attributes with its final size and colour, made when a reader asks (one short-lived object per edge). */
export function edgeAttributesAt(table: EdgeTable, look: EdgeLook, e: number): EdgeAttributes {
  const kind = EDGE_KINDS[table.kind[e]!]!;
  const attributes: EdgeAttributes = { kind, weight: table.weight[e]!, size: look.size[e]!, color: look.color(kind) };
  if (table.largePapers[e]) attributes.largePapers = table.largePapers[e];
  if (kind === "authored" && look.spellingOf) {
    const spelling = look.spellingOf(table.source[e]!, table.target[e]!);
    if (spelling) attributes.as = spelling;
  }
  const years = look.years;
  if (years && (kind === "coauthor" || kind === "coauthor-large")) {
    attributes.firstYear = years.firstYear[e]! >= 0 ? years.firstYear[e]! : null;
    // Absent when every paper of the weight is of the first year (most links): 24 bytes less per edge.
    const perYear = years.yearWeights[e];
    if (perYear !== undefined && perYear !== `${years.firstYear[e]}:${table.weight[e]}`) attributes.yearWeights = perYear;
  }
  return attributes;
}

/**
 * Every edge of the table in order with its key and final attributes (what graph.json holds), for the explorer's
 * identity corrections, which write them straight to the compact files.
 */
export function forEachTableEdge(
  nodes: NodeTable,
  table: EdgeTable,
  look: EdgeLook,
  callback: (key: string, attributes: EdgeAttributes, source: string, target: string, directed: boolean) => void,
  progress: StepReporter = silentSteps,
): void {
  const tick = stepCounter(progress, "edges", table.count, "edges", 20);
  for (let e = 0; e < table.count; e++) {
    tick(e + 1);
    callback(edgeKeyAt(nodes, table, e), edgeAttributesAt(table, look, e), nodes.keys[table.source[e]!]!, nodes.keys[table.target[e]!]!, !isUndirectedAt(table, e));
  }
}
