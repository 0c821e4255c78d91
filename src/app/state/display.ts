/**
 * What the canvas is told beyond the drawn graph (canvas/reducers.ts DisplayState): what is lit, whose label is forced,
 * the collaboration path, the theme's colours and what Play hides. A pure function of the UI state and of what the
 * explorer derived from it (visible set, sizes, path, Play's step, a panel's list), so the explorer, the reducer tests
 * and the refresh-plan tests all build a display the same way. No React, no sigma.
 */
import { LOOKS, type Look } from "../../model/appearance";
import type { VisibleMask } from "../../model/view-filter";
import { computeHighlight, pickForcedLabels, type DisplayState, type Highlight } from "../canvas/reducers";
import type { PaperGraph } from "../data/types";
import { pathEdges } from "./selectors";
import type { StepHidden } from "./timeline";

/** People on a topic lit on the canvas at most (the list shows 25; the CSV holds all). */
export const PEOPLE_LIT = 100;

export interface DisplayInputs {
  graph: PaperGraph;
  visible: VisibleMask;
  /** Node sizes in the size metric, by node index: the largest lit nodes get their labels forced. */
  sizes: Float64Array;
  /** The theme's dimmed, focus and path colours. */
  look: Look;
  hovered: string | null;
  selected: string | null;
  ego: 0 | 1 | 2;
  /** The collaboration path from the selection to the path target (selectors.collaborationPath), or null. */
  path: string[] | null;
  /** Play: the year's new links (edge indices) and the drawn items that do not exist yet (timeline.ts hiddenAtStep). */
  play?: { newLinks: readonly number[]; hidden: StepHidden } | null;
  /** People on a topic, best first (people.ts rankPeople): the first PEOPLE_LIT are lit. */
  people?: readonly { key: string }[] | null;
  /** The least stable visible nodes (levels-view.ts unstableNodes), by node index. */
  unstable?: readonly number[] | null;
}

/** Lights a set of nodes and the visible edges among them (unstable nodes, people on a topic). */
export function lightNodes(graph: PaperGraph, nodes: readonly number[], visible: VisibleMask): Highlight {
  const keys = new Set<string>();
  const on = new Uint8Array(graph.order);
  for (const i of nodes) if (visible.nodes[i]) {
    keys.add(graph.keys[i]!);
    on[i] = 1;
  }
  const edges = new Set<number>();
  for (const i of nodes) {
    if (!on[i]) continue;
    for (let p = graph.adjOffsets[i]!; p < graph.adjOffsets[i + 1]!; p++) {
      const e = graph.adjEdges[p]!;
      if (visible.edges[e] && on[graph.otherEnd(e, i)]) edges.add(e);
    }
  }
  return { nodes: keys, edges };
}

/**
 * What a panel lights when nothing is hovered, selected or on a path, first that applies: the year's new links that
 * Play shows (with their ends), the people on a topic, the unstable nodes. null when none applies or Play's year
 * brought no link.
 */
export function panelHighlight(graph: PaperGraph, visible: VisibleMask, inputs: Pick<DisplayInputs, "play" | "people" | "unstable">): Highlight | null {
  const { play, people, unstable } = inputs;
  if (play) {
    const nodes = new Set<string>();
    for (const e of play.newLinks) if (!play.hidden.edges[e]) {
      nodes.add(graph.keys[graph.edgeSource[e]!]!);
      nodes.add(graph.keys[graph.edgeTarget[e]!]!);
    }
    return play.newLinks.length ? { nodes, edges: new Set(play.newLinks) } : null;
  }
  if (people) return lightNodes(graph, people.slice(0, PEOPLE_LIT).map((p) => graph.nodeIndex(p.key)), visible);
  if (unstable) return lightNodes(graph, unstable, visible);
  return null;
}

/**
 * The display for a UI state. The highlight is, first that applies: the hovered node's neighbourhood, the path, the
 * selection's (ego) neighbourhood (reducers.ts computeHighlight), else what a panel lights (panelHighlight). Labels
 * are forced on the largest lit nodes. The Play sets are passed through as given, so a step that did not change keeps
 * its identity (the refresh plan compares them by identity first).
 */
export function deriveDisplay(inputs: DisplayInputs): DisplayState {
  const { graph, visible, sizes, look, hovered, selected, ego, path } = inputs;
  const edgesOnPath = path ? pathEdges(graph, path) : [];
  const highlight = computeHighlight(graph, visible, { hovered, selected, ego }, path, edgesOnPath) ?? panelHighlight(graph, visible, inputs);
  return {
    selected,
    highlight,
    forcedLabels: pickForcedLabels(graph, highlight, sizes),
    path: { nodes: new Set(path ?? []), edges: new Set(edgesOnPath) },
    look,
    timeline: inputs.play?.hidden ?? null,
  };
}

/** What exports draw unless "as shown" is ticked: the view's real colours, no dimming, no forced labels, light. */
export function exportDisplay(display: DisplayState): DisplayState {
  return { ...display, highlight: null, forcedLabels: new Set(), path: { nodes: new Set(), edges: new Set() }, look: LOOKS.light, timeline: null };
}
