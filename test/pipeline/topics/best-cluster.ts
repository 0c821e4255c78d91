/** The theme measure of issue 13, shared by themes.test.ts and scripts/theme-shares.ts. */
import type { TopicClusterResult } from "../../../src/pipeline/topics/types";

/** The cluster holding most of a theme's papers (ties to the lower id) and the share of the theme's papers it holds. */
export function bestCluster(clusters: TopicClusterResult, themeOf: ReadonlyMap<string, string>, theme: string): { id: number; share: number } {
  const counts = new Map<number, number>();
  let n = 0;
  for (const [key, t] of themeOf) {
    if (t !== theme) continue;
    n++;
    const c = clusters.paperCluster.get(key)!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const [id, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  return { id, share: count / n };
}
