/**
 * Reading the resolution ladders of a graph file (graph attributes `communityLadder`, `topicClusterLadder`; node
 * attributes `communityLevels`, `topicClusterLevels`): the group of a node and the groups table at any level. Files
 * of older builds have no ladder: they read as one level, the build's partition.
 */
import type { ClusterInfo, GraphAttributes, NodeAttributes, PartitionLadder, PartitionLevel } from "./graph-file";

export type LadderMode = "community" | "topicCluster";

const LADDER_ATTRIBUTE = { community: "communityLadder", topicCluster: "topicClusterLadder" } as const;
const LEVELS_ATTRIBUTE = { community: "communityLevels", topicCluster: "topicClusterLevels" } as const;

export function ladderOf(attrs: Partial<GraphAttributes>, mode: LadderMode): PartitionLadder | null {
  const ladder = attrs[LADDER_ATTRIBUTE[mode]];
  return ladder && Array.isArray(ladder.levels) && ladder.levels.length > 0 ? ladder : null;
}

/** Number of levels (1 without a ladder). */
export function levelCount(attrs: Partial<GraphAttributes>, mode: LadderMode): number {
  return ladderOf(attrs, mode)?.levels.length ?? 1;
}

/** The build's own level (0 without a ladder). */
export function defaultLevel(attrs: Partial<GraphAttributes>, mode: LadderMode): number {
  return ladderOf(attrs, mode)?.default ?? 0;
}

/** A level index that exists: out-of-range or non-integer values give the default level. */
export function clampLevel(attrs: Partial<GraphAttributes>, mode: LadderMode, level: unknown): number {
  const n = levelCount(attrs, mode);
  return typeof level === "number" && Number.isInteger(level) && level >= 0 && level < n ? level : defaultLevel(attrs, mode);
}

export function levelInfo(attrs: Partial<GraphAttributes>, mode: LadderMode, level: number): PartitionLevel | null {
  return ladderOf(attrs, mode)?.levels[level] ?? null;
}

/** The node's group at a level (its `community` / `topicCluster` at the default level, or without a ladder). */
export function groupAtLevel(a: Partial<NodeAttributes>, mode: LadderMode, level: number): number {
  const levels = a[LEVELS_ATTRIBUTE[mode]];
  const v = Array.isArray(levels) && level >= 0 && level < levels.length ? levels[level] : a[mode];
  return typeof v === "number" && Number.isInteger(v) ? v : -1;
}

/** The groups table of a level: `communities` / `topicClusters` at the default level, else the level's own. */
export function levelTable(attrs: Partial<GraphAttributes>, mode: LadderMode, level: number): Record<string, ClusterInfo> {
  const main = (mode === "community" ? attrs.communities : attrs.topicClusters) ?? {};
  const ladder = ladderOf(attrs, mode);
  if (!ladder || level === ladder.default) return main;
  return ladder.levels[level]?.groups ?? main;
}

/** Node attributes as if the build had made the given levels its partitions (for exports and recolouring). */
export function attributesAtLevels<A extends Partial<NodeAttributes>>(a: A, levels: { community?: number; topicCluster?: number }): A {
  const out = { ...a };
  if (levels.community !== undefined) (out as Record<string, unknown>).community = groupAtLevel(a, "community", levels.community);
  if (levels.topicCluster !== undefined) (out as Record<string, unknown>).topicCluster = groupAtLevel(a, "topicCluster", levels.topicCluster);
  return out;
}

/** Graph attributes with the chosen levels' tables as `communities` / `topicClusters`. */
export function graphAttributesAtLevels<G extends Partial<GraphAttributes>>(attrs: G, levels: { community?: number; topicCluster?: number }): G {
  const out = { ...attrs };
  if (levels.community !== undefined) out.communities = levelTable(attrs, "community", levels.community);
  if (levels.topicCluster !== undefined) out.topicClusters = levelTable(attrs, "topicCluster", levels.topicCluster);
  return out;
}

/** The nodes least stable for a mode: those at or below the q-quantile (default the lowest 10%) of stability. */
export function stabilityThreshold(values: readonly number[], quantile = 0.1): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((x, y) => x - y);
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
}
