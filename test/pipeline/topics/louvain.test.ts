/**
 * The flat-array Louvain of the topic stage (louvain.ts) against known structure and against the library it replaces
 * there (graphology-communities-louvain) on a seeded random graph with planted groups.
 */
import Graph from "graphology";
import graphologyLouvain from "graphology-communities-louvain";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { louvain, louvainBest, modularity, type WeightedEdges } from "../../../src/pipeline/topics/louvain";

function edges(list: [number, number, number][]): WeightedEdges {
  return { source: list.map((e) => e[0]), target: list.map((e) => e[1]), weight: list.map((e) => e[2]) };
}

/** Constructed: `groups` groups of `size` nodes, dense inside (p = 0.5), sparse between (p = 0.02), seeded. */
function planted(groups: number, size: number, seed: string): { n: number; e: WeightedEdges; group: number[] } {
  const rng = seedrandom(seed);
  const n = groups * size;
  const group = Array.from({ length: n }, (_, i) => Math.floor(i / size));
  const list: [number, number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rng() < (group[a] === group[b] ? 0.5 : 0.02)) list.push([a, b, 0.5 + rng()]);
  return { n, e: edges(list), group };
}

describe("louvain (flat arrays)", () => {
  it("finds two cliques joined by one edge, leaves an isolated node alone, ignores self loops", () => {
    const clique = (base: number): [number, number, number][] => [
      [base, base + 1, 1], [base, base + 2, 1], [base + 1, base + 2, 1], [base, base + 3, 1], [base + 1, base + 3, 1], [base + 2, base + 3, 1],
    ];
    const e = edges([...clique(0), ...clique(4), [3, 4, 0.1], [8, 8, 5]]);
    const c = louvain(10, e, { resolution: 1, rng: seedrandom("t") });
    expect([...c.slice(0, 4)].every((x) => x === c[0])).toBe(true);
    expect([...c.slice(4, 8)].every((x) => x === c[4])).toBe(true);
    expect(c[0]).not.toBe(c[4]);
    expect(new Set([c[0], c[4], c[8], c[9]]).size).toBe(4);
    expect(modularity(10, e, c, 1)).toBeGreaterThan(0.4);
  });

  it("copes with no edges and with zero or invalid weights", () => {
    expect([...louvain(3, edges([]), { resolution: 1, rng: seedrandom("t") })]).toEqual([0, 1, 2]);
    expect([...louvain(2, edges([[0, 1, 0], [0, 1, Number.NaN]]), { resolution: 1, rng: seedrandom("t") })]).toEqual([0, 1]);
  });

  it("is deterministic for a seed and recovers planted groups as well as graphology's Louvain", () => {
    const { n, e, group } = planted(6, 30, "planted");
    const ours = louvainBest(n, e, { resolution: 1, rng: seedrandom("s"), runs: 5 });
    expect(louvainBest(n, e, { resolution: 1, rng: seedrandom("s"), runs: 5 })).toEqual(ours);
    const g = new Graph({ type: "undirected" });
    for (let i = 0; i < n; i++) g.addNode(String(i));
    for (let k = 0; k < e.source.length; k++) g.addEdge(String(e.source[k]), String(e.target[k]), { weight: e.weight[k] });
    const theirs = graphologyLouvain(g, { rng: seedrandom("s"), getEdgeWeight: "weight" });
    const theirsArray = Array.from({ length: n }, (_, i) => theirs[String(i)]!);
    expect(modularity(n, e, ours, 1)).toBeGreaterThanOrEqual(modularity(n, e, theirsArray, 1) - 0.01);
    // Every planted group is one community.
    for (let gi = 0; gi < 6; gi++) expect(new Set(group.flatMap((x, i) => (x === gi ? [ours[i]] : []))).size).toBe(1);
  });

  it("queued local moves reach the modularity of plain sweeps (graphology's Louvain without fastLocalMoves)", () => {
    // Heterogeneous: 40 groups of 25 to 100 nodes, hubs, a third of the edges between groups, integer weights.
    const rng = seedrandom("queue");
    const size = (g: number) => 25 + ((g * 37) % 76);
    const groupOf: number[] = [];
    for (let g = 0; g < 40; g++) for (let k = 0; k < size(g); k++) groupOf.push(g);
    const n = groupOf.length;
    const list: [number, number, number][] = [];
    for (let a = 0; a < n; a++) {
      const degree = 2 + Math.floor(12 / Math.sqrt(1 + (a % 53)));
      for (let d = 0; d < degree; d++) {
        const b = rng() < 0.67 ? groupOf.indexOf(groupOf[a]!) + Math.floor(rng() * size(groupOf[a]!)) : Math.floor(rng() * n);
        if (b !== a) list.push([a, b, 1 + Math.floor(rng() * 3)]);
      }
    }
    const e = edges(list);
    const g = new Graph({ type: "undirected", multi: true });
    for (let i = 0; i < n; i++) g.addNode(String(i));
    for (const [a, b, w] of list) g.addEdge(String(a), String(b), { weight: w });
    let ours = 0;
    let sweeps = 0;
    for (const seed of ["a", "b", "c"]) {
      ours += modularity(n, e, louvain(n, e, { resolution: 1, rng: seedrandom(seed) }), 1) / 3;
      const theirs = graphologyLouvain(g, { rng: seedrandom(seed), getEdgeWeight: "weight", fastLocalMoves: false });
      sweeps += modularity(n, e, Array.from({ length: n }, (_, i) => theirs[String(i)]!), 1) / 3;
    }
    expect(ours).toBeGreaterThan(0.5);
    expect(ours).toBeGreaterThanOrEqual(sweeps - 0.005);
  });

  it("makes more, smaller communities at a higher resolution", () => {
    const { n, e } = planted(4, 25, "res");
    const count = (r: number) => new Set(louvain(n, e, { resolution: r, rng: seedrandom("r") })).size;
    expect(count(4)).toBeGreaterThan(count(1));
  });

  it("modularity: the textbook value, the same bits whatever the community ids are (-1, large, fractional)", () => {
    // Two triangles joined by one edge, split in the obvious way: m = 7, each side inner 3, tot 7.
    const e = edges([[0, 1, 1], [0, 2, 1], [1, 2, 1], [3, 4, 1], [3, 5, 1], [4, 5, 1], [2, 3, 1]]);
    const q = modularity(6, e, [0, 0, 0, 1, 1, 1], 1);
    expect(q).toBeCloseTo(2 * (6 / 14 - (7 / 14) ** 2), 12);
    for (const ids of [[5, 5, 5, -1, -1, -1], [1e9, 1e9, 1e9, 7, 7, 7], [0.5, 0.5, 0.5, 2, 2, 2]]) expect(Object.is(modularity(6, e, ids, 1), q)).toBe(true);
    const { n, e: big } = planted(5, 30, "ids");
    const c = louvain(n, big, { resolution: 1, rng: seedrandom("ids") });
    expect(Object.is(modularity(n, big, Array.from(c, (x) => 1000 * x - 7), 1.3), modularity(n, big, c, 1.3))).toBe(true);
  });
});
