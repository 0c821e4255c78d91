/**
 * The resolution ladders in the explorer (issue 15): the level the Clusters panel's "Resolution" slider chose for each
 * partition, and the graph as seen at those levels. Nothing is recomputed: each level's group ids are a column of the
 * compact files (CompactGraph.groupsAtLevel) and its groups table a graph attribute (model/levels.ts), so moving the
 * slider swaps arrays and tables, and the colours (appearance.groupColors, by paletteRank) stay with their groups.
 */
import type { GraphAttributes, NodeAttributes } from "../../model/graph-file";
import { attributesAtLevels, clampLevel, defaultLevel, ladderOf, levelTable, stabilityThreshold, type LadderMode } from "../../model/levels";
import type { PaperGraph } from "../data/types";

/** A level per partition; null: the build's own (the ladder's default). */
export interface LevelChoice {
  community: number | null;
  topicCluster: number | null;
}

export const DEFAULT_LEVELS: LevelChoice = { community: null, topicCluster: null };

/** The level indices that exist in the graph for a choice (null and out-of-range values give the default level). */
export function resolvedLevels(attrs: Partial<GraphAttributes>, choice: LevelChoice): { community: number; topicCluster: number } {
  return { community: clampLevel(attrs, "community", choice.community ?? undefined), topicCluster: clampLevel(attrs, "topicCluster", choice.topicCluster ?? undefined) };
}

/** A level of the slider: the ladder's index, its resolution and group count. */
export interface SliderStep {
  level: number;
  resolution: number;
  count: number;
}

/**
 * The slider's stops: every level of the ladder, except one that repeats the previous stop's group count (moving to it
 * would change nothing one can see). The default level is always a stop. Empty without a ladder.
 */
export function sliderSteps(attrs: Partial<GraphAttributes>, mode: LadderMode): SliderStep[] {
  const ladder = ladderOf(attrs, mode);
  if (!ladder) return [];
  const out: SliderStep[] = [];
  ladder.levels.forEach((l, level) => {
    const last = out[out.length - 1];
    if (last && last.count === l.count && level !== ladder.default) return;
    if (last && last.count === l.count && last.level !== ladder.default) out.pop();
    out.push({ level, resolution: l.resolution, count: l.count });
  });
  return out;
}

/** The stop that shows a level (the stop with its group count), for the slider's position. */
export function stepIndexOf(steps: readonly SliderStep[], level: number, attrs: Partial<GraphAttributes>, mode: LadderMode): number {
  const exact = steps.findIndex((s) => s.level === level);
  if (exact >= 0) return exact;
  const count = ladderOf(attrs, mode)?.levels[level]?.count;
  const same = steps.findIndex((s) => s.count === count);
  return same >= 0 ? same : Math.max(0, steps.findIndex((s) => s.level === defaultLevel(attrs, mode)));
}

/**
 * The graph at the chosen levels: `community` / `topicCluster` arrays, node attributes and the `communities` /
 * `topicClusters` tables are the levels'. Everything else (structure, positions, chunks, caches) is the graph's own,
 * read through the prototype, so this costs two arrays per level and nothing per move back to a level seen before.
 * At the default levels the graph itself is returned.
 */
export function graphAtLevels(graph: PaperGraph, choice: LevelChoice): PaperGraph {
  const attrs = graph.getAttributes();
  const levels = resolvedLevels(attrs, choice);
  if (levels.community === defaultLevel(attrs, "community") && levels.topicCluster === defaultLevel(attrs, "topicCluster")) return graph;
  const tables = { communities: levelTable(attrs, "community", levels.community), topicClusters: levelTable(attrs, "topicCluster", levels.topicCluster) };
  let view: GraphAttributes | null = null;
  const viewOf = () => {
    const base = graph.getAttributes();
    if (!view || (view as unknown as { base?: unknown }).base !== base) {
      view = { ...base, ...tables } as GraphAttributes;
      Object.defineProperty(view, "base", { value: base, enumerable: false });
    }
    return view;
  };
  const leveled = Object.create(graph) as PaperGraph;
  Object.defineProperties(leveled, {
    community: { value: graph.groupsAtLevel("community", levels.community) },
    topicCluster: { value: graph.groupsAtLevel("topicCluster", levels.topicCluster) },
    getAttributes: { value: viewOf },
    getAttribute: { value: (name: keyof GraphAttributes) => viewOf()[name] },
    attributesAt: { value: (i: number) => attributesAtLevels(graph.attributesAt(i) as Partial<NodeAttributes>, levels) as NodeAttributes },
    levels: { value: levels },
  });
  return leveled;
}

/** The level a graph view shows (the graph's defaults for the graph itself). */
export function levelsOf(graph: PaperGraph): { community: number; topicCluster: number } {
  const own = (graph as unknown as { levels?: { community: number; topicCluster: number } }).levels;
  const attrs = graph.getAttributes();
  return own ?? { community: defaultLevel(attrs, "community"), topicCluster: defaultLevel(attrs, "topicCluster") };
}

/**
 * The least stable visible nodes of a partition (model/levels stabilityThreshold: at or below the lowest tenth of the
 * stabilities), by node index. Nodes without a stability (papers of a co-author ladder) are never marked.
 */
export function unstableNodes(graph: PaperGraph, mode: LadderMode, visible: Uint8Array): { nodes: number[]; threshold: number | null } {
  const stability = graph.stability(mode);
  const values: number[] = [];
  for (let i = 0; i < graph.order; i++) if (visible[i] && Number.isFinite(stability[i]!)) values.push(stability[i]!);
  const threshold = stabilityThreshold(values);
  const nodes: number[] = [];
  // Every node at the threshold is marked, so a graph where most nodes are fully stable marks none of those.
  if (threshold !== null && threshold < 1) for (let i = 0; i < graph.order; i++) if (visible[i] && stability[i]! <= threshold) nodes.push(i);
  return { nodes, threshold };
}
