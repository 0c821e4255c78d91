import { compareStrings } from "./compare";
/**
 * Collaboration over time, read from the graph file: co-author links carry `firstYear` and, when their papers span
 * more than that year, `yearWeights` ("2019:1,2021:2", src/pipeline/graph/collaboration-years.ts); papers their `year`. Build the timeline once
 * (linear in edges + byline entries), then each year's questions are answered from it at once: which co-author
 * links exist up to a year, which are new that year, how many authors published their first paper that year.
 */

/** What the timeline reads of a graph (graphology satisfies it). */
export interface TimelineGraph {
  forEachNode(cb: (key: string, attributes: Record<string, unknown>) => void): void;
  forEachEdge(cb: (key: string, attributes: Record<string, unknown>, source: string, target: string) => void): void;
}

/** [year, joint papers] pairs, years ascending; malformed parts are skipped. */
export function parseYearWeights(text: unknown): [number, number][] {
  if (typeof text !== "string" || text === "") return [];
  const out: [number, number][] = [];
  for (const part of text.split(",")) {
    const m = /^(\d{1,4}):(\d+)$/.exec(part.trim());
    if (m) out.push([Number(m[1]), Number(m[2])]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * A link's joint papers per year: `yearWeights` when written, else all of `weight` in `firstYear` (the build leaves
 * yearWeights out then), else none (no dated joint paper, or a file of an older build).
 */
export function yearWeightsOf(edge: { firstYear?: unknown; yearWeights?: unknown; weight?: unknown }): [number, number][] {
  if (typeof edge.yearWeights === "string") return parseYearWeights(edge.yearWeights);
  if (typeof edge.firstYear === "number" && Number.isInteger(edge.firstYear) && typeof edge.weight === "number") return [[edge.firstYear, edge.weight]];
  return [];
}

/** Joint papers of a link published in or before `year` (undated papers never count). */
export function weightUpTo(edge: { firstYear?: unknown; yearWeights?: unknown; weight?: unknown }, year: number): number {
  let sum = 0;
  for (const [y, n] of yearWeightsOf(edge)) if (y <= year) sum += n;
  return sum;
}

export interface CollaborationTimeline {
  /** Years with a first link or a first paper, ascending. */
  years: number[];
  /** Link key -> year of its first dated joint paper (links without one are absent). */
  linkFirstYear: Map<string, number>;
  /** Author key -> year of their first dated paper. */
  authorFirstYear: Map<string, number>;
  /** Year -> keys of the links first made that year (key order). */
  newLinks: Map<number, string[]>;
  /** Year -> number of authors whose first dated paper is of that year. */
  newAuthors: Map<number, number>;
}

const LINK_KINDS = new Set(["coauthor", "coauthor-large"]);

export function collaborationTimeline(graph: TimelineGraph): CollaborationTimeline {
  const linkFirstYear = new Map<string, number>();
  const newLinks = new Map<number, string[]>();
  graph.forEachEdge((key, a) => {
    if (!LINK_KINDS.has(a.kind as string)) return;
    const y = yearWeightsOf(a)[0]?.[0];
    if (y === undefined || !Number.isInteger(y)) return;
    linkFirstYear.set(key, y);
    (newLinks.get(y) ?? newLinks.set(y, []).get(y)!).push(key);
  });
  for (const list of newLinks.values()) list.sort(compareStrings);
  const authorFirstYear = new Map<string, number>();
  graph.forEachNode((_key, a) => {
    if (a.kind !== "paper" || typeof a.year !== "number" || !Array.isArray(a.authors)) return;
    for (const author of a.authors as unknown[]) {
      if (typeof author !== "string") continue;
      const known = authorFirstYear.get(author);
      if (known === undefined || a.year < known) authorFirstYear.set(author, a.year);
    }
  });
  const newAuthors = new Map<number, number>();
  for (const y of authorFirstYear.values()) newAuthors.set(y, (newAuthors.get(y) ?? 0) + 1);
  const years = [...new Set([...newLinks.keys(), ...newAuthors.keys()])].sort((x, y) => x - y);
  return { years, linkFirstYear, authorFirstYear, newLinks, newAuthors };
}

/** Whether a link exists by the end of `year` (a link with no dated joint paper: only when `includeUndated`). */
export function linkExistsBy(timeline: CollaborationTimeline, key: string, year: number, includeUndated = false): boolean {
  return firstYearWithin(timeline.linkFirstYear.get(key), year, includeUndated);
}

/** The rule of linkExistsBy on a link's first year itself (undefined or NaN: no dated joint paper). */
export function firstYearWithin(first: number | undefined, year: number, includeUndated = false): boolean {
  return first === undefined || Number.isNaN(first) ? includeUndated : first <= year;
}

export interface YearSummary {
  year: number;
  /** Co-author links first made that year, key order. */
  newLinks: string[];
  /** Links that exist by the end of that year (dated ones). */
  linksSoFar: number;
  /** Authors whose first dated paper is of that year. */
  newAuthors: number;
  authorsSoFar: number;
}

/** The summary of every year of the timeline, in one pass (the status bar's figures during playback). */
export function yearSummaries(timeline: CollaborationTimeline): YearSummary[] {
  let links = 0;
  let authors = 0;
  return timeline.years.map((year) => {
    const newLinks = timeline.newLinks.get(year) ?? [];
    const newAuthors = timeline.newAuthors.get(year) ?? 0;
    links += newLinks.length;
    authors += newAuthors;
    return { year, newLinks, linksSoFar: links, newAuthors, authorsSoFar: authors };
  });
}

/** The summary of one year (a year outside the timeline: nothing new, the totals so far). */
export function yearSummary(timeline: CollaborationTimeline, year: number): YearSummary {
  let linksSoFar = 0;
  let authorsSoFar = 0;
  for (const y of timeline.years) {
    if (y > year) break;
    linksSoFar += timeline.newLinks.get(y)?.length ?? 0;
    authorsSoFar += timeline.newAuthors.get(y) ?? 0;
  }
  return { year, newLinks: timeline.newLinks.get(year) ?? [], linksSoFar, newAuthors: timeline.newAuthors.get(year) ?? 0, authorsSoFar };
}
