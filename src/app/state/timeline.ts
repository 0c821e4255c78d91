/**
 * Collaboration over time in the explorer ("Play" in the Years filter, issue 15): what exists up to a year, and what
 * that year brought. The build stored each co-author link's first year (edge `firstYear`, a core.bin column), so
 * nothing here reads a paper twice: the authors' first years are counted once per graph (one pass over the papers'
 * authored links), and each step is one pass over the arrays (visibleMask plus each link's first year) with the
 * year's new links read from the first-year column. The render graph is not rebuilt: the renderer hides what does
 * not exist yet through its reducers and refreshes only what changed (refresh-plan.ts).
 */
import { firstYearWithin } from "../../model/collaboration";
import { EDGE_KIND_INDEX, visibleMask, type VisibleMask, type ViewFilter } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";

const AUTHORED = EDGE_KIND_INDEX.authored;
const COAUTHOR = EDGE_KIND_INDEX.coauthor;
const COAUTHOR_LARGE = EDGE_KIND_INDEX["coauthor-large"];
const PAPER = 1;
const AUTHOR = 0;

/**
 * How many authors published their first dated paper in each year (model/collaboration.ts's newAuthors, the same
 * rule), over the arrays: each author's earliest paper through the authored links. The model's whole timeline, with a
 * key string, a map entry and a sort per co-author link, took 0.8 s in one task at 10,000 papers on the first Play;
 * the explorer only says the count.
 */
export function newAuthorsByYear(graph: PaperGraph): Map<number, number> {
  const { edgeKind, kind, year, adjOffsets, adjEdges } = graph;
  const first = new Float64Array(graph.order).fill(Infinity);
  for (let i = 0; i < graph.order; i++) {
    if (kind[i] !== PAPER || Number.isNaN(year[i]!)) continue;
    for (let p = adjOffsets[i]!; p < adjOffsets[i + 1]!; p++) {
      const e = adjEdges[p]!;
      const j = graph.otherEnd(e, i);
      if (edgeKind[e] === AUTHORED && kind[j] === AUTHOR && year[i]! < first[j]!) first[j] = year[i]!;
    }
  }
  const counts = new Map<number, number>();
  for (let j = 0; j < graph.order; j++) if (first[j] !== Infinity) counts.set(first[j]!, (counts.get(first[j]!) ?? 0) + 1);
  return counts;
}

/**
 * The years Play steps through: the dated years of the papers within the view's year range (in every lens: the
 * co-author lens draws no papers, but its authors follow theirs), ascending.
 */
export function playYears(graph: PaperGraph, filter: Pick<ViewFilter, "yearRange">): number[] {
  const seen = new Set<number>();
  const r = filter.yearRange;
  for (let i = 0; i < graph.order; i++) {
    const y = graph.year[i]!;
    if (graph.kind[i] === PAPER && !Number.isNaN(y) && (!r || (y >= r[0] && y <= r[1]))) seen.add(y);
  }
  return [...seen].sort((a, b) => a - b);
}

export interface YearStep {
  year: number;
  /** What exists by the end of the year, among what the view shows. */
  mask: VisibleMask;
  /** Co-author links the view shows that were first made this year (edge indices, ascending). */
  newLinks: number[];
  /** Authors whose first dated paper is of this year, in the whole graph (newAuthorsByYear). */
  newAuthors: number;
}

/**
 * The view as of the end of `year`: the filter with its year range ending there (authors, topics and papers follow
 * their papers, as the Years filter does), then only the co-author links whose first joint paper is of that year or
 * before (firstYearWithin, the model's rule; an undated link only when undated papers are shown). Linear in nodes + edges.
 */
export function yearStep(graph: PaperGraph, filter: ViewFilter, base: VisibleMask, newAuthors: ReadonlyMap<number, number>, year: number): YearStep {
  const from = filter.yearRange ? filter.yearRange[0] : -Infinity;
  const mask = visibleMask(graph, { ...filter, yearRange: [Number.isFinite(from) ? Math.min(from, year) : -9999, year] });
  const { edgeKind, edgeFirstYear } = graph;
  let edgeCount = 0;
  const newLinks: number[] = [];
  for (let e = 0; e < graph.size; e++) {
    if (!mask.edges[e]) continue;
    // Never more than the view shows (the view's own year range or filters may hide what the step would show).
    if (!base.edges[e]) {
      mask.edges[e] = 0;
      continue;
    }
    const k = edgeKind[e]!;
    if (k === COAUTHOR || k === COAUTHOR_LARGE) {
      // The first-year column the timeline's links were made from (graphTimeline), read directly: no key string and
      // map lookup per link per step (a third of a step's time at 10,000 papers).
      const first = edgeFirstYear[e]!;
      if (!firstYearWithin(first, year, filter.includeUndated)) {
        mask.edges[e] = 0;
        continue;
      }
      if (first === year) newLinks.push(e);
    }
    edgeCount++;
  }
  let nodeCount = 0;
  for (let i = 0; i < graph.order; i++) {
    if (mask.nodes[i] && !base.nodes[i]) mask.nodes[i] = 0;
    if (mask.nodes[i]) nodeCount++;
  }
  return { year, mask: { nodes: mask.nodes, edges: mask.edges, nodeCount, edgeCount }, newLinks, newAuthors: newAuthors.get(year) ?? 0 };
}

/** Drawn nodes (keys) and edges (1 by edge index) a Play step hides. */
export interface StepHidden {
  nodes: Set<string>;
  edges: Uint8Array;
}

/**
 * What the renderer hides at a step: the drawn nodes (keys) and edges (a mask by edge index, 1 = hidden) that do not
 * exist yet. The edges are a mask, not a set: early years hide most of the 10^5 drawn links, and a set of them per
 * step (built, then compared with the last step's) was the largest part of a step's work.
 */
export function hiddenAtStep(graph: PaperGraph, drawn: { nodes: readonly number[]; edges: readonly number[] }, step: YearStep): StepHidden {
  const nodes = new Set<string>();
  const edges = new Uint8Array(graph.size);
  for (const i of drawn.nodes) if (!step.mask.nodes[i]) nodes.add(graph.keys[i]!);
  for (const e of drawn.edges) if (!step.mask.edges[e]) edges[e] = 1;
  return { nodes, edges };
}

/** The status bar's sentence for a step. */
export function stepNote(step: YearStep): string {
  const n = step.newLinks.length;
  const a = step.newAuthors;
  return `${step.year}: ${n} new co-author link${n === 1 ? "" : "s"} in view, ${a} new author${a === 1 ? "" : "s"} (${step.mask.edgeCount} links, ${step.mask.nodeCount} nodes so far)`;
}
