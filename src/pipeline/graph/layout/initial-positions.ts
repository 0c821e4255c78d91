/**
 * Seeded start positions for ForceAtlas2: each research cluster gets a centre on a circle and its nodes a random spot in
 * a disc around it (nodes without a cluster: a disc at the origin). Starting near the final grouping lets a bounded
 * number of iterations reach a readable layout, and the seeded rng makes it repeatable (graphology's random layout
 * would call Math.random).
 */
import type { PaperGraph, Rng } from "../types";

export interface Position {
  x: number;
  y: number;
}

/** Radius of the circle the cluster centres sit on, grows with sqrt(order) like ForceAtlas2's final extent does. */
export function startRadius(order: number): number {
  return 10 * Math.sqrt(Math.max(order, 1));
}

export function initialPositions(graph: PaperGraph, rng: Rng): Map<string, Position> {
  const clusterSizes = new Map<number, number>();
  graph.forEachNode((_key, a) => {
    clusterSizes.set(a.topicCluster, (clusterSizes.get(a.topicCluster) ?? 0) + 1);
  });
  const ids = [...clusterSizes.keys()].filter((id) => id >= 0).sort((a, b) => a - b);
  const radius = startRadius(graph.order);
  const centres = new Map<number, Position>();
  ids.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / ids.length;
    const r = ids.length > 1 ? radius : 0;
    centres.set(id, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
  centres.set(-1, { x: 0, y: 0 });

  const positions = new Map<string, Position>();
  graph.forEachNode((key, a) => {
    const centre = centres.get(a.topicCluster) ?? { x: 0, y: 0 };
    // Disc area proportional to the cluster's size; uniform density via sqrt of a uniform radius draw.
    const spread = radius * Math.sqrt((clusterSizes.get(a.topicCluster) ?? 1) / graph.order) * 0.8 + 1;
    const angle = 2 * Math.PI * rng();
    const r = spread * Math.sqrt(rng());
    positions.set(key, { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) });
  });
  return positions;
}
