/**
 * Collaboration over time, per co-author link: the year of the first dated joint paper and the joint papers per year,
 * counting exactly the papers the edge's `weight` counts (coauthor: papers at most `coauthorMaxAuthors` long;
 * coauthor-large: the papers above that cut). Undated papers count in `weight` and in no year.
 *
 * Stored as `firstYear` plus a string "2019:1,2021:2" (years ascending) rather than two arrays: about 7 bytes per year
 * with a joint paper, where `"years":[2019,2021],"counts":[1,2]` takes twice that. `yearWeights` is left out when
 * every paper of the weight is of `firstYear` (a single joint paper, most links): at 10,000 papers that saves 4-5 MB
 * of 8. The explorer reads both through src/model/collaboration.ts (yearWeightsOf).
 *
 * Cost: one pass over the dated papers' author pairs (the pairs the edge table enumerated already), one typed-array
 * sort of (edge, year) codes.
 */
import { DistinctAuthors, EDGE_KINDS, isLargePaper, type EdgeTable } from "./build-edges";
import type { NodeTable } from "./node-table";

const COAUTHOR = EDGE_KINDS.indexOf("coauthor");
const LARGE = EDGE_KINDS.indexOf("coauthor-large");
/** Years are 0..9999 (four-digit dates), so edge * YEARS + year packs both in one exact double. */
const YEARS = 10_000;

export interface CollaborationYears {
  /** Per edge index: first year, or -1 (no dated joint paper, or not a co-author edge). */
  firstYear: Int32Array;
  /** Per edge index: "year:count,...", or undefined (no dated joint paper, or one year holding the whole weight). */
  yearWeights: (string | undefined)[];
}

/**
 * The edges of one kind found by their ends: each source's edges as (target, edge) sorted by target, so a pair is a
 * binary search in its source's few edges (no map of a million pairs). Edges of one source are contiguous and sorted by
 * target in the edge table, except in its whole-key fallback order, hence the sort (a no-op on sorted runs).
 */
class PairIndex {
  private readonly start: Int32Array;
  private readonly target: Int32Array;
  private readonly edge: Int32Array;
  readonly size: number;

  constructor(edges: EdgeTable, kind: number, nodeCount: number) {
    const from = edges.kindStart[kind]!;
    const to = edges.kindStart[kind + 1]!;
    this.size = to - from;
    this.start = new Int32Array(nodeCount + 1);
    for (let e = from; e < to; e++) this.start[edges.source[e]! + 1]!++;
    for (let i = 0; i < nodeCount; i++) this.start[i + 1]! += this.start[i]!;
    const fill = this.start.slice(0, nodeCount);
    this.target = new Int32Array(this.size);
    this.edge = new Int32Array(this.size);
    for (let e = from; e < to; e++) {
      const at = fill[edges.source[e]!]!++;
      this.target[at] = edges.target[e]!;
      this.edge[at] = e;
    }
    for (let i = 0; i < nodeCount; i++) this.sortRun(this.start[i]!, this.start[i + 1]!);
  }

  private sortRun(lo: number, hi: number): void {
    for (let i = lo + 1; i < hi; i++) {
      if (this.target[i - 1]! <= this.target[i]!) continue;
      const pairs = Array.from({ length: hi - lo }, (_, k) => [this.target[lo + k]!, this.edge[lo + k]!] as const).sort((x, y) => x[0] - y[0]);
      pairs.forEach(([t, e], k) => {
        this.target[lo + k] = t;
        this.edge[lo + k] = e;
      });
      return;
    }
  }

  /** The edge from a to b, or -1. */
  find(a: number, b: number): number {
    let lo = this.start[a]!;
    let hi = this.start[a + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.target[mid]!;
      if (t === b) return this.edge[mid]!;
      if (t < b) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

export function collaborationYears(nodes: NodeTable, edges: EdgeTable, options: { coauthorMaxAuthors: number }): CollaborationYears {
  const nodeCount = nodes.keys.length;
  const small = new PairIndex(edges, COAUTHOR, nodeCount);
  const large = new PairIndex(edges, LARGE, nodeCount);
  let codes = new Float64Array(1024);
  let count = 0;
  const distinct = new DistinctAuthors();
  nodes.papers.forEach((paper, i) => {
    const year = paper.year;
    if (year === null || !Number.isInteger(year) || year < 0 || year >= YEARS) return;
    // A large paper's pairs that smaller papers also link count in `largePapers`, not in `weight`: only coauthor-large.
    const index = isLargePaper(paper, options.coauthorMaxAuthors) ? large : small;
    if (index.size === 0) return;
    const { sorted, count: authors } = distinct.of(nodes.paperAuthors[i]!);
    for (let a = 0; a < authors; a++) {
      for (let b = a + 1; b < authors; b++) {
        const e = index.find(sorted[a]!, sorted[b]!);
        if (e < 0) continue;
        if (count === codes.length) {
          const grown = new Float64Array(codes.length * 2);
          grown.set(codes);
          codes = grown;
        }
        codes[count++] = e * YEARS + year;
      }
    }
  });
  const sorted = codes.subarray(0, count).sort();
  const firstYear = new Int32Array(edges.count).fill(-1);
  const yearWeights: (string | undefined)[] = new Array(edges.count);
  let i = 0;
  while (i < count) {
    const e = Math.floor(sorted[i]! / YEARS);
    const first = sorted[i]! - e * YEARS;
    let text = "";
    let years = 0;
    let papers = 0;
    while (i < count && Math.floor(sorted[i]! / YEARS) === e) {
      const code = sorted[i]!;
      let n = 0;
      while (i < count && sorted[i] === code) {
        n++;
        i++;
      }
      text += `${years++ === 0 ? "" : ","}${code - e * YEARS}:${n}`;
      papers += n;
    }
    firstYear[e] = first;
    // Left out when it would only repeat firstYear and the weight (one year, every joint paper dated): most links.
    if (years > 1 || papers !== edges.weight[e]) yearWeights[e] = text;
  }
  return { firstYear, yearWeights };
}
