/**
 * Layout: seeded start, ForceAtlas2, seeded noverlap; positions rounded, finite, reproducible, clusters kept apart.
 * Graphs are the seed-like fixture and constructed two-team bylines (fixtures.ts).
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../src/pipeline/graph";
import { autoIterations, forceAtlas2Settings, iterationCost } from "../../../src/pipeline/graph/layout";
import { initialPositions, startRadius } from "../../../src/pipeline/graph/layout/initial-positions";
import { removeOverlaps } from "../../../src/pipeline/graph/layout/remove-overlaps";
import { OPTIONS, authorKey, bylineInput, seedLikeInput } from "./fixtures";

/** Constructed: two teams with no link between them, each a dense circle of co-authorship. */
function separateTeams(): string[][] {
  const papers: string[][] = [];
  for (const team of ["Red", "Blue"]) {
    const names = Array.from({ length: 8 }, (_, i) => `Member${i} ${team}`);
    for (let i = 0; i < names.length; i++) papers.push([names[i]!, names[(i + 1) % 8]!, names[(i + 3) % 8]!]);
  }
  return papers;
}

describe("layout", () => {
  it("writes finite coordinates rounded to 0.01, not all on one spot", () => {
    const g = buildGraph(seedLikeInput(), OPTIONS);
    const xs = new Set<number>();
    g.forEachNode((_k, a) => {
      for (const v of [a.x, a.y]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-6);
      }
      xs.add(a.x);
    });
    expect(xs.size).toBe(g.order);
  });

  it("keeps unconnected teams apart: nearest neighbour of every node is a team mate", () => {
    const g = buildGraph(bylineInput(separateTeams()), OPTIONS);
    const authors = g.filterNodes((_k, a) => a.kind === "author");
    for (const k of authors) {
      const a = g.getNodeAttributes(k);
      let best = "";
      let bestD = Infinity;
      for (const o of authors) {
        if (o === k) continue;
        const b = g.getNodeAttributes(o);
        const d = Math.hypot(a.x - b.x, a.y - b.y);
        if (d < bestD) [best, bestD] = [o, d];
      }
      // keys are "a:<surname>|<given>": the surname is the team.
      expect(best.slice(2).split("|")[0], k).toBe(k.slice(2).split("|")[0]);
    }
    expect(authors).toContain(authorKey("Member0 Red"));
  });

  it("changes with the seed and with the iteration count, and repeats for the same ones", () => {
    const pos = (o: typeof OPTIONS) => {
      const g = buildGraph(seedLikeInput(), o);
      return g.mapNodes((k, a) => `${k}:${a.x},${a.y}`).join(";");
    };
    expect(pos(OPTIONS)).toBe(pos(OPTIONS));
    expect(pos({ ...OPTIONS, seed: 7 })).not.toBe(pos(OPTIONS));
    expect(pos({ ...OPTIONS, layoutIterations: 5 })).not.toBe(pos(OPTIONS));
  });

  it("scales iterations down with graph size (about 1 s of work, a floor of 12) and turns Barnes-Hut on above 2000 nodes", () => {
    expect(autoIterations(100, 200)).toBe(1000);
    // The seed graph's size (845 nodes, 3,132 edges the layout reads) and the 1,000-paper field corpus's.
    expect(autoIterations(845, 3132)).toBe(332);
    expect(autoIterations(2411, 24_105)).toBe(255);
    // 10,000 papers of the field corpus: 23; 100,000 (250,000 nodes): the floor of 12.
    expect(autoIterations(22_793, 220_677)).toBe(23);
    expect(autoIterations(250_000, 1_300_000)).toBe(12);
    expect(autoIterations(0, 0)).toBe(0);
    expect(iterationCost(4000, 0)).toBeLessThan(iterationCost(2000, 0));
    expect(forceAtlas2Settings(2000).barnesHutOptimize).toBe(false);
    expect(forceAtlas2Settings(2001)).toMatchObject({ barnesHutOptimize: true, barnesHutTheta: 1.2 });
    expect(forceAtlas2Settings(10_000).slowDown).toBe(10.2103);
  });

  it("starts a community together inside its research cluster's disc", () => {
    const g = buildGraph(seedLikeInput(), { ...OPTIONS, layoutIterations: 1 });
    const keys = g.nodes();
    const { x, y } = initialPositions(
      Int32Array.from(keys, (k) => g.getNodeAttribute(k, "topicCluster")),
      Int32Array.from(keys, (k) => g.getNodeAttribute(k, "community")),
      seedrandom("start"),
    );
    const start = keys.map((k, i) => [k, { x: x[i]!, y: y[i]! }] as [string, { x: number; y: number }]);
    const team = start.filter(([k]) => g.getNodeAttribute(k, "community") === g.getNodeAttribute(authorKey("Annika Reinke"), "community"));
    const spread = (ps: [string, { x: number; y: number }][]) => {
      const cx = ps.reduce((s, [, p]) => s + p.x, 0) / ps.length;
      const cy = ps.reduce((s, [, p]) => s + p.y, 0) / ps.length;
      return Math.max(...ps.map(([, p]) => Math.hypot(p.x - cx, p.y - cy)));
    };
    expect(team.length).toBeGreaterThan(3);
    expect(spread(team)).toBeLessThan(spread(start) / 2);
    expect(startRadius(g.order)).toBeGreaterThan(0);
  });

  it("removes overlaps: no two discs intersect afterwards, including nodes on the very same spot", () => {
    // Constructed: 400 discs of radius 3..18 dropped into a small square, 10 of them exactly on the origin.
    const rng = seedrandom("overlaps");
    const n = 400;
    const xs = new Float64Array(n).map((_, i) => (i < 10 ? 0 : rng() * 200));
    const ys = new Float64Array(n).map((_, i) => (i < 10 ? 0 : rng() * 200));
    const radii = new Float64Array(n).map(() => 3 + rng() * 15);
    const left = removeOverlaps(xs, ys, radii, { maxPasses: 200, margin: 1, rng: seedrandom("jitter") });
    expect(left).toBe(0);
    // Every pair checked, one expect for all 79,800 of them (an expect call each took seconds).
    const overlapping: string[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const distance = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!);
        if (distance + 1e-6 < radii[i]! + radii[j]! + 1 - 1e-3) overlapping.push(`${i}-${j} at ${distance}`);
      }
    }
    expect(overlapping).toEqual([]);
  });

  it("leaves separated nodes where they are and is reproducible", () => {
    const xs = new Float64Array([0, 100, 200]);
    const ys = new Float64Array([0, 0, 0]);
    expect(removeOverlaps(xs, ys, new Float64Array([5, 5, 5]), { maxPasses: 10, margin: 1, rng: seedrandom("a") })).toBe(0);
    expect([...xs]).toEqual([0, 100, 200]);
    const run = () => {
      const x = new Float64Array([0, 0, 0, 1]);
      const y = new Float64Array([0, 0, 0, 1]);
      removeOverlaps(x, y, new Float64Array([4, 4, 4, 4]), { maxPasses: 100, margin: 1, rng: seedrandom("b") });
      return [...x, ...y];
    };
    expect(run()).toEqual(run());
  });

  it("does not touch Math.random", () => {
    const original = Math.random;
    let calls = 0;
    Math.random = () => {
      calls++;
      return original();
    };
    try {
      buildGraph(seedLikeInput(), OPTIONS);
    } finally {
      Math.random = original;
    }
    expect(calls).toBe(0);
  });
});
