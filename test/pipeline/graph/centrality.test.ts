/**
 * Centralities: the sampled Brandes estimate against graphology-metrics' exact betweenness, and the values written on
 * nodes, on constructed graphs whose answers are known by hand (path, star) or by the exact algorithm.
 */
import Graph from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../../src/model/graph-file";
import { buildGraph } from "../../../src/pipeline/graph";
import { sampleSources, sampledBetweenness, stratifiedSources } from "../../../src/pipeline/graph/centrality/betweenness-sampled";
import { computeCentrality, sourceStrata } from "../../../src/pipeline/graph/centrality";
import { pagerankOf } from "../../../src/pipeline/graph/centrality/pagerank-csr";
import { adjacencyOf } from "../../../src/pipeline/graph/centrality/undirected-view";
import type { PaperGraph } from "../../../src/pipeline/graph/types";
import { OPTIONS, authorKey, bylineInput } from "./fixtures";

/** Constructed: a random co-author-like graph (seeded), author nodes only, undirected coauthor edges. */
function randomGraph(nodes: number, edges: number, seed: string): PaperGraph {
  const rng = seedrandom(seed);
  const g = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed" });
  for (let i = 0; i < nodes; i++) g.addNode(`n${i}`, { kind: "author" } as NodeAttributes);
  while (g.size < edges) {
    const a = Math.floor(rng() * nodes);
    // Preferential-ish: half the edges go to the first tenth of nodes, giving hubs like a real co-author graph.
    const b = rng() < 0.5 ? Math.floor(rng() * (nodes / 10)) : Math.floor(rng() * nodes);
    if (a !== b && !g.hasEdge(`n${a}`, `n${b}`)) g.addUndirectedEdge(`n${a}`, `n${b}`, { kind: "coauthor", weight: 1, size: 1, color: "" });
  }
  return g;
}

describe("sampled betweenness", () => {
  it("equals graphology-metrics' exact betweenness when every node is a source", () => {
    const g = randomGraph(120, 300, "exact-check");
    const adjacency = adjacencyOf(g);
    const sampled = sampledBetweenness(adjacency, { samples: 120, rng: seedrandom("s") });
    const undirected = new Graph({ type: "undirected" });
    g.forEachNode((k) => undirected.addNode(k));
    g.forEachEdge((_e, _a, s, t) => undirected.addEdge(s, t));
    const exact = betweennessCentrality(undirected, { getEdgeWeight: null, normalized: false });
    adjacency.nodes.forEach((key, i) => expect(sampled[i]).toBeCloseTo(exact[key]!, 6));
  });

  it("estimates exact betweenness closely from a sample (correlation and total)", () => {
    const g = randomGraph(1500, 4000, "estimate-check");
    const adjacency = adjacencyOf(g);
    const exact = sampledBetweenness(adjacency, { samples: 1500, rng: seedrandom("s") });
    const estimate = sampledBetweenness(adjacency, { samples: 300, rng: seedrandom("s") });
    // The top values of such a graph lie within a few percent of each other, so compare the whole vectors: a linear
    // correlation near 1 (measured 0.97 on three seeds) rather than an exact top-k match.
    const n = exact.length;
    const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / n;
    const [mx, my] = [mean(exact), mean(estimate)];
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (exact[i]! - mx) * (estimate[i]! - my);
      sxx += (exact[i]! - mx) ** 2;
      syy += (estimate[i]! - my) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.95);
    // Unbiased scale: total betweenness within 10 %.
    const sum = (v: Float64Array) => v.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum(estimate) / sum(exact) - 1)).toBeLessThan(0.1);
  });

  it("is exact with linear scaling and strata too when every node is a source", () => {
    const g = randomGraph(150, 400, "exact-linear");
    const adjacency = adjacencyOf(g);
    const uniform = sampledBetweenness(adjacency, { samples: 150, rng: seedrandom("s") });
    const strata = sourceStrata(adjacency, Uint8Array.from({ length: 150 }, (_, i) => i % 3));
    const linear = sampledBetweenness(adjacency, { samples: 150, rng: seedrandom("t"), estimator: "linear", strata });
    for (let i = 0; i < 150; i++) expect(linear[i]).toBeCloseTo(uniform[i]!, 6);
  });

  it("estimates better with linear scaling and stratified sources than uniform sources (rank correlation)", () => {
    const g = randomGraph(1500, 4000, "estimate-check");
    const adjacency = adjacencyOf(g);
    const exact = sampledBetweenness(adjacency, { samples: 1500, rng: seedrandom("s") });
    const ranks = (v: Float64Array) => {
      const order = [...v.keys()].sort((a, b) => v[a]! - v[b]!);
      const r = new Float64Array(v.length);
      for (let i = 0; i < order.length; ) {
        let j = i;
        while (j + 1 < order.length && v[order[j + 1]!] === v[order[i]!]) j++;
        for (let k = i; k <= j; k++) r[order[k]!] = (i + j) / 2;
        i = j + 1;
      }
      return r;
    };
    const correlation = (a: Float64Array, b: Float64Array) => {
      const n = a.length;
      const ma = a.reduce((x, y) => x + y, 0) / n;
      const mb = b.reduce((x, y) => x + y, 0) / n;
      let sab = 0, saa = 0, sbb = 0;
      for (let i = 0; i < n; i++) {
        sab += (a[i]! - ma) * (b[i]! - mb);
        saa += (a[i]! - ma) ** 2;
        sbb += (b[i]! - mb) ** 2;
      }
      return sab / Math.sqrt(saa * sbb);
    };
    const spearman = (v: Float64Array) => correlation(ranks(v), ranks(exact));
    const strata = sourceStrata(adjacency);
    const uniform = [1, 2, 3].map((k) => spearman(sampledBetweenness(adjacency, { samples: 150, rng: seedrandom(`u${k}`) })));
    const better = [1, 2, 3].map((k) => spearman(sampledBetweenness(adjacency, { samples: 150, rng: seedrandom(`u${k}`), estimator: "linear", strata })));
    // Measured: uniform 0.93-0.94, linear + strata 0.97 (three seeds each).
    for (const s of better) expect(s).toBeGreaterThan(0.95);
    expect(Math.min(...better)).toBeGreaterThan(Math.max(...uniform));
  });

  it("allocates sources to strata in proportion, each weighted by its stratum's size", () => {
    const strata = Uint8Array.from({ length: 1000 }, (_, i) => (i < 700 ? 0 : i < 990 ? 1 : 2));
    const { sources, weight } = stratifiedSources(1000, 100, seedrandom("p"), strata);
    const per = [0, 0, 0];
    for (const s of sources) per[strata[s]!]!++;
    expect(per).toEqual([70, 29, 1]);
    expect(new Set(sources).size).toBe(100);
    expect(weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
    expect([...stratifiedSources(1000, 100, seedrandom("p"), strata).sources]).toEqual([...sources]);
  });

  it("draws distinct sources, reproducibly for a seed", () => {
    const a = sampleSources(1000, 50, seedrandom("x"));
    expect(new Set(a).size).toBe(50);
    expect([...a]).toEqual([...sampleSources(1000, 50, seedrandom("x"))]);
    expect([...a]).not.toEqual([...sampleSources(1000, 50, seedrandom("y"))]);
    expect(sampleSources(5, 50, seedrandom("x")).length).toBe(5);
  });
});

describe("PageRank on the CSR view", () => {
  it("equals graphology-metrics' weighted PageRank on an undirected copy", () => {
    const g = randomGraph(300, 900, "pagerank-check");
    // Constructed weights 1..5 so the weighting matters.
    let i = 0;
    g.forEachEdge((e) => g.setEdgeAttribute(e, "weight", 1 + (i++ % 5)));
    g.addNode("isolated", { kind: "author" } as NodeAttributes);
    const adjacency = adjacencyOf(g);
    const ours = pagerankOf(adjacency);
    const undirected = new Graph({ type: "undirected" });
    g.forEachNode((k) => undirected.addNode(k));
    g.forEachEdge((_e, a, s, t) => undirected.addEdge(s, t, { weight: a.weight }));
    const theirs = pagerank(undirected, { getEdgeWeight: "weight", maxIterations: 1000 });
    adjacency.nodes.forEach((key, j) => expect(ours[j]).toBeCloseTo(theirs[key]!, 12));
    expect(ours.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

/** computeCentrality on a graphology graph (the stage itself passes the CSR of its edge table), by node key. */
function centralityOf(g: PaperGraph, options: Parameters<typeof computeCentrality>[2]) {
  const adjacency = adjacencyOf(g);
  const index = new Map(adjacency.nodes.map((k, i) => [k, i]));
  const source: number[] = [];
  const target: number[] = [];
  g.forEachEdge((_e, _a, s, t) => {
    source.push(index.get(s)!);
    target.push(index.get(t)!);
  });
  const r = computeCentrality(adjacency, { count: source.length, source: Int32Array.from(source), target: Int32Array.from(target) }, options);
  return new Map(adjacency.nodes.map((k, i) => [k, { pagerank: r.pagerank[i]!, betweenness: r.betweenness[i]!, degree: r.degree[i]! }]));
}

describe("centrality on the knowledge graph", () => {
  // Constructed path of co-authors A-B-C-D-E (four two-author papers): C is the middle of every long path.
  const path = bylineInput([["A Path", "B Path"], ["B Path", "C Path"], ["C Path", "D Path"], ["D Path", "E Path"]]);

  it("puts the middle of a path at betweenness 1 and its ends at 0, and records the method", () => {
    const g = buildGraph(path, OPTIONS);
    expect(g.getNodeAttribute(authorKey("C Path"), "betweenness")).toBe(1);
    expect(g.getNodeAttribute(authorKey("A Path"), "betweenness")).toBe(0);
    expect(g.getNodeAttribute(authorKey("B Path"), "betweenness")).toBeLessThan(1);
    expect(g.getAttribute("betweenness")).toBe("exact");
  });

  it("switches to the sampled estimate above betweennessExactMaxNodes and says so", () => {
    const g = buildGraph(path, { ...OPTIONS, betweennessExactMaxNodes: 3, betweennessSamples: 4 });
    expect(g.getAttribute("betweenness")).toBe("sampled:4");
    const exact = buildGraph(path, { ...OPTIONS, betweennessExactMaxNodes: 3, betweennessSamples: 100 });
    // More samples than nodes is the exact computation.
    expect(exact.getAttribute("betweenness")).toBe("exact");
  });

  it("counts degree over all edge kinds and weighted degree by weight; PageRank peaks at 1", () => {
    // Constructed star: Hub co-authors three papers, each with a different partner, plus one joint paper twice.
    const g = buildGraph(
      bylineInput([["Hub Star", "One Star"], ["Hub Star", "Two Star"], ["Hub Star", "Three Star"], ["Hub Star", "One Star"]]),
      OPTIONS,
    );
    const hub = authorKey("Hub Star");
    // 4 authored edges + 3 coauthor edges.
    expect(g.getNodeAttribute(hub, "degree")).toBe(7);
    // authored 4 x 1 + coauthor weights 2 + 1 + 1.
    expect(g.getNodeAttribute(hub, "weightedDegree")).toBe(8);
    expect(g.getNodeAttribute(hub, "pagerank")).toBe(1);
    expect(g.getNodeAttribute(authorKey("Two Star"), "pagerank")).toBeLessThan(1);
    expect(g.getNodeAttribute(hub, "betweenness")).toBe(1);
  });

  it("treats directed edges as two-way: a paper between its authors and its topic has betweenness", () => {
    const g = randomGraph(10, 12, "tiny");
    const result = centralityOf(g, { betweennessExactMaxNodes: 100, betweennessSamples: 10, rng: seedrandom("r") });
    for (const v of result.values()) {
      expect(v.pagerank).toBeGreaterThanOrEqual(0);
      expect(v.pagerank).toBeLessThanOrEqual(1);
    }
    const g2 = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed" });
    for (const k of ["a", "p", "t"]) g2.addNode(k, {} as NodeAttributes);
    g2.addDirectedEdge("a", "p", { kind: "authored", weight: 1, size: 1, color: "" });
    g2.addDirectedEdge("p", "t", { kind: "about", weight: 1, size: 1, color: "" });
    const r2 = centralityOf(g2, { betweennessExactMaxNodes: 100, betweennessSamples: 10, rng: seedrandom("r") });
    expect(r2.get("p")!.betweenness).toBe(1);
  });

  it("handles an empty graph", () => {
    const g = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed" });
    expect(centralityOf(g, { betweennessExactMaxNodes: 10, betweennessSamples: 1, rng: seedrandom("r") }).size).toBe(0);
    expect(buildGraph(bylineInput([]), OPTIONS).order).toBe(0);
  });
});
