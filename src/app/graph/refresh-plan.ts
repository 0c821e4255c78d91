/**
 * How much of the renderer a display-state change has to redo. Pure (no sigma import) so it is unit-tested.
 *
 * - "none": nothing drawn changes (e.g. a hover dispatch that did not change the highlight).
 * - "partial": only which neighbourhood is lit changed while something stays lit before and after; everything
 *   outside the union of the old and new lit sets (highlight, forced labels, path, selection) is dimmed in both
 *   states, so re-running the reducers on that union is enough (sigma.refresh({ partialGraph, skipIndexation })).
 * - "full": the lens/filters, sizes or colours changed, or the dimming switched on or off (every drawn node and edge
 *   changes colour), so everything is reprocessed.
 */
import type { DisplayState } from "./reducers";

export type RefreshPlan = { kind: "none" } | { kind: "full" } | { kind: "partial"; nodes: string[]; edges: string[] };

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function addAll(into: Set<string>, from: Iterable<string>): void {
  for (const x of from) into.add(x);
}

export function planRefresh(prev: DisplayState, next: DisplayState): RefreshPlan {
  if (prev === next) return { kind: "none" };
  if (
    prev.visible !== next.visible ||
    prev.nodeColors !== next.nodeColors ||
    prev.look !== next.look ||
    prev.sizes !== next.sizes ||
    (prev.highlight === null) !== (next.highlight === null)
  ) {
    return { kind: "full" };
  }
  const nodes = new Set<string>();
  const edges = new Set<string>();
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
  if (prev.selected !== next.selected) {
    if (prev.selected !== null) nodes.add(prev.selected);
    if (next.selected !== null) nodes.add(next.selected);
  }
  if (nodes.size === 0 && edges.size === 0) return { kind: "none" };
  // Sorted: the order sigma re-reads them in does not matter, but a stable plan is easier to test and reason about.
  return { kind: "partial", nodes: [...nodes].sort(), edges: [...edges].sort() };
}
