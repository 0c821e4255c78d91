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
import { EDGE_KINDS, isLargePaper, type EdgeTable } from "./build-edges";
import type { NodeTable } from "./node-table";

const COAUTHOR = EDGE_KINDS.indexOf("coauthor");
const LARGE = EDGE_KINDS.indexOf("coauthor-large");
/** Years are 0..9999 (four-digit dates), so edge * YEARS + year packs both in one exact double. */
const YEARS = 10_000;

export interface CollaborationYears {
  /** Per edge index: first year, or -1 (no dated joint paper, or not a co-author edge). */
  firstYear: Int32Array;
  /** Per edge index: "year:count,..." or undefined. */
  yearWeights: (string | undefined)[];
}

function pairIndex(edges: EdgeTable, kind: number, nodeCount: number): Map<number, number> {
  const index = new Map<number, number>();
  for (let e = edges.kindStart[kind]!; e < edges.kindStart[kind + 1]!; e++) index.set(edges.source[e]! * nodeCount + edges.target[e]!, e);
  return index;
}

export function collaborationYears(nodes: NodeTable, edges: EdgeTable, options: { coauthorMaxAuthors: number }): CollaborationYears {
  const nodeCount = nodes.keys.length;
  const small = pairIndex(edges, COAUTHOR, nodeCount);
  const large = pairIndex(edges, LARGE, nodeCount);
  let codes = new Float64Array(1024);
  let count = 0;
  nodes.papers.forEach((paper, i) => {
    const year = paper.year;
    if (year === null || !Number.isInteger(year) || year < 0 || year >= YEARS) return;
    // A large paper's pairs that smaller papers also link count in `largePapers`, not in `weight`: only coauthor-large.
    const index = isLargePaper(paper, options.coauthorMaxAuthors) ? large : small;
    if (index.size === 0) return;
    const sorted = Int32Array.from(new Set(nodes.paperAuthors[i]!)).sort();
    for (let a = 0; a < sorted.length; a++) {
      for (let b = a + 1; b < sorted.length; b++) {
        const e = index.get(sorted[a]! * nodeCount + sorted[b]!);
        if (e === undefined) continue;
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
    const parts: string[] = [];
    while (i < count && Math.floor(sorted[i]! / YEARS) === e) {
      const code = sorted[i]!;
      let n = 0;
      while (i < count && sorted[i] === code) {
        n++;
        i++;
      }
      parts.push(`${code - e * YEARS}:${n}`);
    }
    firstYear[e] = sorted[i - 1]! >= 0 ? Number(parts[0]!.split(":")[0]) : -1;
    yearWeights[e] = parts.join(",");
  }
  return { firstYear, yearWeights };
}
