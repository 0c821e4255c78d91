/** The pure parts of the Clusters panel: cluster order and what is hidden in which partition. App fixture graph
 * (test/fixtures/app/make-graph.ts) and constructed tables. */
import { describe, expect, it } from "vitest";
import type { ClusterInfo } from "../../../src/model/graph-file";
import { DEFAULT_VIEW_FILTER } from "../../../src/model/view-filter";
import { hiddenClustersIn } from "../../../src/app/panels/ClustersPanel";
import { sortedGroups as sortedClusters } from "../../../src/model/appearance";
import { fixtureGraph } from "../fixture";

const info = (label: string, size: number): ClusterInfo => ({ label, size, terms: [], color: "#000000" });

describe("sortedClusters", () => {
  it("orders by size, largest first, then by id", () => {
    const table = { "3": info("c", 5), "1": info("a", 9), "10": info("d", 5), "2": info("b", 5) };
    expect(sortedClusters(table).map((c) => c.id)).toEqual([1, 2, 3, 10]);
  });

  it("skips ids that are not whole numbers and reads a missing table as empty", () => {
    expect(sortedClusters({ x: info("x", 1), "1.5": info("y", 1), "-1": info("grey", 1) }).map((c) => c.id)).toEqual([-1]);
    expect(sortedClusters(undefined)).toEqual([]);
  });

  it("on the fixture: research clusters by size", () => {
    const clusters = sortedClusters(fixtureGraph().getAttribute("topicClusters"));
    expect(clusters.map((c) => [c.id, c.info.size])).toEqual([[2, 15], [0, 10], [1, 8]]);
  });
});

describe("hiddenClustersIn", () => {
  const filter = { ...DEFAULT_VIEW_FILTER, clusterMode: "community" as const, hiddenClusters: [1, 4] };
  it("hides the filter's ids in its own partition only", () => {
    expect([...hiddenClustersIn(filter, "community")].sort()).toEqual([1, 4]);
    expect(hiddenClustersIn(filter, "topicCluster").size).toBe(0);
  });
});
