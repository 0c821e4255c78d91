/** Level matching, palette slots and stability on small constructed partitions (constructed: each case names its point). */
import { describe, expect, it } from "vitest";
import { PALETTE } from "../../src/model/appearance";
import { adjacencyOf, alignLevels, ladderResolutions, matchLevel, paletteRanks, stabilityScores, DEFAULT_LEVEL } from "../../src/pipeline/levels";

describe("matchLevel", () => {
  it("keeps the id of the group with the largest Jaccard overlap and gives fresh ids to the rest, largest first", () => {
    // Reference: 0 = {0..3}, 1 = {4..7}. Next: group 7 splits group 0 into {0,1,2} and group 9 = {3}; group 8 = {4..7}.
    const ref = [0, 0, 0, 0, 1, 1, 1, 1];
    const next = [7, 7, 7, 9, 8, 8, 8, 8];
    const { group, fresh } = matchLevel(ref, next, 2);
    expect([...group]).toEqual([0, 0, 0, 2, 1, 1, 1, 1]);
    expect(fresh).toBe(3);
  });

  it("a merge takes the id of the part it overlaps best, one-to-one", () => {
    // Constructed: groups 0 (3 nodes) and 1 (1 node) merge into one; it keeps 0 (Jaccard 3/4 against 1/4).
    const { group } = matchLevel([0, 0, 0, 1, -1], [5, 5, 5, 5, -1], 2);
    expect([...group]).toEqual([0, 0, 0, 0, -1]);
  });

  it("ties go to the smaller reference id", () => {
    const { group } = matchLevel([0, 0, 1, 1], [3, 3, 3, 3], 2);
    expect([...group]).toEqual([0, 0, 0, 0]);
  });
});

describe("alignLevels", () => {
  it("leaves the default level as it is and aligns outward, never reusing an id for another group", () => {
    const levels = [
      [4, 4, 4, 4, 4, 4], // coarsest: everything together
      [0, 0, 0, 1, 1, 1], // default
      [2, 2, 3, 5, 5, 6], // finer: 0 splits into {0,1} + {2}, 1 into {3,4} + {5}
    ];
    const out = alignLevels(levels, 1);
    expect([...out[1]!]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...out[0]!]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...out[2]!]).toEqual([0, 0, 2, 1, 1, 3]);
  });
});

describe("paletteRanks", () => {
  it("ranks the default level by size and lets matched groups keep their slot", () => {
    const levels = [Int32Array.from([0, 0, 0, 1, 1, 2]), Int32Array.from([0, 0, 0, 1, 1, 5])];
    const ranks = paletteRanks(levels, 0);
    expect([...ranks[0]!]).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(ranks[1]!.get(0)).toBe(0);
    expect(ranks[1]!.get(1)).toBe(1);
    expect(ranks[1]!.get(5)).toBe(2); // the smallest free slot
  });

  it("gives a group past the palette a free palette slot when the level has room", () => {
    const base = Int32Array.from({ length: PALETTE.length + 2 }, (_, i) => i);
    const coarse = Int32Array.from(base, (i) => (i < 2 ? PALETTE.length + 1 : i === 2 ? 0 : 0));
    const ranks = paletteRanks([base, coarse], 0);
    expect(ranks[1]!.get(PALETTE.length + 1)).toBeLessThan(PALETTE.length);
  });

  it("excludes the no-links bucket from the slots", () => {
    const ranks = paletteRanks([Int32Array.from([9, 9, 9, 0, 1])], 0, new Set([9]));
    expect(ranks[0]!.has(9)).toBe(false);
    expect(ranks[0]!.get(0)).toBe(0);
  });
});

describe("stabilityScores", () => {
  // Constructed: a path 0-1-2-3 and an isolated node 4.
  const adjacency = adjacencyOf(5, [0, 1, 2], [1, 2, 3]);
  const base = [0, 0, 1, 1, 2];

  it("is 1 for nodes that keep their group-mates among their neighbours in every partition, and for isolated nodes", () => {
    expect([...stabilityScores(adjacency, base, [base, [7, 7, 8, 8, 9]])]).toEqual([1, 1, 1, 1, 1]);
  });

  it("is the mean Jaccard of the co-member sets among neighbours (computed by hand)", () => {
    // Partition P = {0,1,2,3} together. Node 1: neighbours {0,2}; S_D = {0}, S_P = {0,2}: J = 1/2. Node 0: S_D = {1},
    // S_P = {1}: 1. Node 2: S_D = {3}, S_P = {1,3}: 1/2. Node 3: {2} vs {2}: 1. Mean with the default itself (1): halves.
    const s = stabilityScores(adjacency, base, [[0, 0, 0, 0, 1], base]);
    expect([...s]).toEqual([1, 0.75, 0.75, 1, 1]);
  });

  it("an empty co-member set on both sides is agreement (1); on one side only, 0", () => {
    const s = stabilityScores(adjacency, [0, 1, 2, 3, 4], [[0, 0, 2, 3, 4]]);
    expect(s[0]).toBe(0);
    expect(s[3]).toBe(1);
  });
});

describe("ladderResolutions", () => {
  it("keeps the build's resolution exactly at the default level and spans a few groups to many", () => {
    const r = ladderResolutions(0.7);
    expect(r[DEFAULT_LEVEL]).toBe(0.7);
    expect(r.length).toBeGreaterThanOrEqual(8);
    expect(r.length).toBeLessThanOrEqual(12);
    expect([...r].sort((a, b) => a - b)).toEqual(r);
  });
});
