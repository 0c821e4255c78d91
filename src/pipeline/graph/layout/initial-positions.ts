/**
 * Seeded start positions for ForceAtlas2, built from the structure already computed, so that the bounded number of
 * iterations a large graph can afford refines a readable map instead of untangling noise:
 * - each research cluster (topicCluster) gets a centre on a circle, with a disc whose area is proportional to its size;
 * - inside that disc each co-author community gets a sub-centre (seeded), with a disc proportional to its members
 *   there, so a team starts together, next to its papers;
 * - each node gets a random spot in its community's disc (topics and nodes without a community: the cluster disc).
 * Nodes without a research cluster share a disc at the origin. The seeded rng makes it repeatable (graphology's random
 * layout would call Math.random).
 */
import { compareStrings } from "../numbers";
import type { Rng } from "../types";

export interface Position {
  x: number;
  y: number;
}

/** Radius of the circle the cluster centres sit on; grows with sqrt(order) like ForceAtlas2's final extent. */
export function startRadius(order: number): number {
  return 10 * Math.sqrt(Math.max(order, 1));
}

interface Disc extends Position {
  r: number;
}

function spot(disc: Disc, rng: Rng): Position {
  const angle = 2 * Math.PI * rng();
  // sqrt of a uniform draw gives uniform density over the disc's area.
  const r = disc.r * Math.sqrt(rng());
  return { x: disc.x + r * Math.cos(angle), y: disc.y + r * Math.sin(angle) };
}

/** Start positions per node index, from each node's research cluster and co-author community (-1: none). */
export function initialPositions(topicCluster: Int32Array, community: Int32Array, rng: Rng): { x: Float64Array; y: Float64Array } {
  const order = topicCluster.length;
  const radius = startRadius(order);
  // Area per node such that all discs together cover about the area of the start circle.
  const areaPerNode = (Math.PI * radius * radius) / Math.max(order, 1) / 2;
  const discRadius = (count: number) => Math.sqrt((areaPerNode * count) / Math.PI) + 1;

  const clusterSizes = new Map<number, number>();
  const groupSizes = new Map<string, number>();
  const groupOf = (cluster: number, group: number) => `${cluster}\u0000${group}`;
  for (let i = 0; i < order; i++) {
    const c = topicCluster[i]!;
    clusterSizes.set(c, (clusterSizes.get(c) ?? 0) + 1);
    if (community[i]! >= 0) {
      const g = groupOf(c, community[i]!);
      groupSizes.set(g, (groupSizes.get(g) ?? 0) + 1);
    }
  }

  const ids = [...clusterSizes.keys()].filter((id) => id >= 0).sort((a, b) => a - b);
  const clusterDiscs = new Map<number, Disc>();
  ids.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / ids.length;
    const r = ids.length > 1 ? radius : 0;
    clusterDiscs.set(id, { x: r * Math.cos(angle), y: r * Math.sin(angle), r: discRadius(clusterSizes.get(id)!) });
  });
  clusterDiscs.set(-1, { x: 0, y: 0, r: discRadius(clusterSizes.get(-1) ?? 1) });

  // Community sub-centres in key order, so the draws do not depend on node order.
  const groupDiscs = new Map<string, Disc>();
  for (const g of [...groupSizes.keys()].sort(compareStrings)) {
    const cluster = clusterDiscs.get(Number(g.split("\u0000")[0]))!;
    const size = groupSizes.get(g)!;
    const inner: Disc = { ...cluster, r: Math.max(0, cluster.r - discRadius(size) * 0.5) };
    groupDiscs.set(g, { ...spot(inner, rng), r: discRadius(size) });
  }

  const x = new Float64Array(order);
  const y = new Float64Array(order);
  for (let i = 0; i < order; i++) {
    const c = topicCluster[i]!;
    const disc = (community[i]! >= 0 ? groupDiscs.get(groupOf(c, community[i]!)) : undefined) ?? clusterDiscs.get(c) ?? clusterDiscs.get(-1)!;
    const p = spot(disc, rng);
    x[i] = p.x;
    y[i] = p.y;
  }
  return { x, y };
}
