/**
 * How much of the renderer a display-state change has to redo. Pure (no sigma import) so it is unit-tested.
 *
 * - "none": nothing drawn changes (e.g. a hover dispatch that did not change the highlight).
 * - "partial": only which neighbourhood is lit changed while something stays lit before and after; everything
 *   outside the union of the old and new lit sets (highlight, forced labels, path, selection) is dimmed in both
 *   states, so re-running the reducers on that union is enough (sigma.refresh({ partialGraph, skipIndexation })).
 * - "full": the dimming switched on or off (every drawn node and edge changes colour), so the reducers re-run on
 *   everything (still without reindexing: nothing moved).
 * A new lens or filter is a new render graph and new sizes or colours are written into it (render-graph.ts): neither
 * goes through this plan. Edges are named by index; the controller keeps only those the render graph holds.
 */
import type { DisplayState } from "./reducers";

export type RefreshPlan = { kind: "none" } | { kind: "full" } | { kind: "partial"; nodes: string[]; edges: number[] };

function sameSet<T>(a: Set<T>, b: Set<T>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function addAll<T>(into: Set<T>, from: Iterable<T>): void {
  for (const x of from) into.add(x);
}

/** The indices set in exactly one of two masks (what a Play step shows or hides anew), ascending; a missing mask is all 0. */
function maskDifference(a: Uint8Array | undefined, b: Uint8Array | undefined): number[] {
  const out: number[] = [];
  if (a === b) return out;
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let i = 0; i < n; i++) if ((a?.[i] ?? 0) !== (b?.[i] ?? 0)) out.push(i);
  return out;
}

/**
 * The union of a set of edge indices and an ascending list, ascending. An early Play step names 10^5 edges: merged
 * through a mark per index rather than put in a set and sorted with a comparator (a tenth of a second at 10,000 papers).
 */
function unionAscending(set: Set<number>, sorted: number[]): number[] {
  if (set.size === 0) return sorted;
  if (sorted.length === 0) return [...set].sort((a, b) => a - b);
  let max = sorted[sorted.length - 1]!;
  for (const e of set) if (e > max) max = e;
  const mark = new Uint8Array(max + 1);
  for (const e of sorted) mark[e] = 1;
  for (const e of set) mark[e] = 1;
  const out: number[] = [];
  for (let e = 0; e <= max; e++) if (mark[e]) out.push(e);
  return out;
}

/** Adds what is in exactly one of a and b (what a Play step shows or hides anew). */
function addDifference<T>(into: Set<T>, a: Set<T> | undefined, b: Set<T> | undefined): void {
  if (a === b) return;
  for (const x of a ?? []) if (!b?.has(x)) into.add(x);
  for (const x of b ?? []) if (!a?.has(x)) into.add(x);
}

export function planRefresh(prev: DisplayState, next: DisplayState): RefreshPlan {
  if (prev === next) return { kind: "none" };
  // The dimming switched on or off, or the theme changed (dimmed, focus and path colours): every drawn item changes.
  if ((prev.highlight === null) !== (next.highlight === null) || prev.look !== next.look) return { kind: "full" };
  const nodes = new Set<string>();
  const edges = new Set<number>();
  const ph = prev.highlight;
  const nh = next.highlight;
  if (ph && nh && !(sameSet(ph.nodes, nh.nodes) && sameSet(ph.edges, nh.edges))) {
    addAll(nodes, ph.nodes);
    addAll(nodes, nh.nodes);
    addAll(edges, ph.edges);
    addAll(edges, nh.edges);
  }
  if (!sameSet(prev.forcedLabels, next.forcedLabels)) {
    addAll(nodes, prev.forcedLabels);
    addAll(nodes, next.forcedLabels);
  }
  if (!sameSet(prev.path.nodes, next.path.nodes) || !sameSet(prev.path.edges, next.path.edges)) {
    addAll(nodes, prev.path.nodes);
    addAll(nodes, next.path.nodes);
    addAll(edges, prev.path.edges);
    addAll(edges, next.path.edges);
  }
  // Play: the items a step shows or hides anew (at 10,000 papers a year adds hundreds, not the whole graph).
  let stepEdges: number[] = [];
  if (prev.timeline !== next.timeline) {
    addDifference(nodes, prev.timeline?.nodes, next.timeline?.nodes);
    stepEdges = maskDifference(prev.timeline?.edges, next.timeline?.edges);
  }
  if (prev.selected !== next.selected) {
    if (prev.selected !== null) nodes.add(prev.selected);
    if (next.selected !== null) nodes.add(next.selected);
  }
  if (nodes.size === 0 && edges.size === 0 && stepEdges.length === 0) return { kind: "none" };
  // Sorted: the order sigma re-reads them in does not matter, but a stable plan is easier to test and reason about.
  return { kind: "partial", nodes: [...nodes].sort(), edges: unionAscending(edges, stepEdges) };
}
