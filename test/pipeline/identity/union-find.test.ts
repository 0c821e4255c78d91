import { describe, expect, it } from "vitest";
import { UnionFind } from "../../../src/pipeline/identity/union-find";

describe("UnionFind", () => {
  it("keeps the root the caller chose, finds it from every member, and grows by add()", () => {
    const sets = new UnionFind(5);
    sets.link(0, 3);
    sets.link(sets.find(3), 4);
    sets.link(2, sets.find(4)); // the caller may keep either root
    expect([0, 1, 2, 3, 4].map((x) => sets.find(x))).toEqual([2, 1, 2, 2, 2]);
    const x = sets.add();
    expect([x, sets.size, sets.find(x)]).toEqual([5, 6, 5]);
  });

  it("halves paths, so a long chain costs little to walk again", () => {
    const n = 100_000;
    const sets = new UnionFind(n);
    for (let i = 1; i < n; i++) sets.link(i, i - 1); // a chain n-1 -> ... -> 0 with root n-1
    expect(sets.find(0)).toBe(n - 1);
    // One expect for the 100,000 members (an expect call each cost more than the walks).
    const elsewhere: number[] = [];
    for (let i = 0; i < n; i++) if (sets.find(i) !== n - 1) elsewhere.push(i);
    expect(elsewhere).toEqual([]);
  });
});
