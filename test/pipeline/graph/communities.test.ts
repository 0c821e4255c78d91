/**
 * Co-author communities on constructed bylines (bylineInput) whose structure is known, plus the seed-like fixture.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import type { GraphAttributes } from "../../../src/model/graph-file";
import { buildGraph } from "../../../src/pipeline/graph";
import { edgeTable, type EdgeTable } from "../../../src/pipeline/graph/build-edges";
import { louvainOnCoauthors, NO_COAUTHORS_LABEL } from "../../../src/pipeline/graph/communities";
import { nodeTable, type NodeTable } from "../../../src/pipeline/graph/node-table";
import { seedsBuild } from "../../fixtures/seeds-build";
import { NONE_COLOR, PALETTE } from "../../../src/model/appearance";
import { OPTIONS, authorKey, bylineInput, seedLikeInput } from "./fixtures";

/** Constructed: two teams of five who publish among themselves (every 3 of 5 on a paper), one bridge paper. */
function twoTeams(): string[][] {
  const teamA = ["Ada Alpha", "Ben Alpha", "Cy Alpha", "Di Alpha", "Ed Alpha"];
  const teamB = ["Fay Beta", "Gus Beta", "Hal Beta", "Ivy Beta", "Jo Beta", "Kim Beta"];
  const papers: string[][] = [];
  for (const team of [teamA, teamB]) {
    for (let i = 0; i < team.length; i++) papers.push([team[i]!, team[(i + 1) % team.length]!, team[(i + 2) % team.length]!]);
  }
  papers.push(["Ada Alpha", "Fay Beta"]); // the bridge
  papers.push(["Ada Alpha", "Ben Alpha", "Fay Beta", "Gus Beta"]); // mixed paper: two from each team, Ada first
  papers.push(["Zed Solo"]); // a single-author paper
  papers.push(["Yan Solo"]); // another
  return papers;
}

describe("communities", () => {
  const graph = buildGraph(bylineInput(twoTeams()), OPTIONS);
  const attrs = graph.getAttributes() as GraphAttributes;
  const community = (name: string) => graph.getNodeAttribute(authorKey(name), "community") as number;

  it("separates the two teams and numbers communities by size", () => {
    const a = ["Ada Alpha", "Ben Alpha", "Cy Alpha", "Di Alpha", "Ed Alpha"].map(community);
    const b = ["Fay Beta", "Gus Beta", "Hal Beta", "Ivy Beta", "Jo Beta", "Kim Beta"].map(community);
    expect(new Set(a).size).toBe(1);
    expect(new Set(b).size).toBe(1);
    expect(a[0]).not.toBe(b[0]);
    // team B has 6 members, team A 5: B gets id 0.
    expect(b[0]).toBe(0);
    expect(a[0]).toBe(1);
    expect(attrs.modularity).toBeGreaterThan(0.3);
  });

  it("puts every author without co-authors into one grey 'No co-author links' community, flagged, without a palette colour", () => {
    const solo = community("Zed Solo");
    expect(community("Yan Solo")).toBe(solo);
    expect(attrs.communities[String(solo)]).toMatchObject({ label: NO_COAUTHORS_LABEL, size: 2, color: NONE_COLOR, noLinks: true });
  });

  it("labels a community by its most central author", () => {
    // Fay Beta is on the bridge and the mixed paper: highest PageRank in team B.
    expect(attrs.communities["0"]!.label).toBe("Fay Beta et al.");
    expect(attrs.communities["0"]!.size).toBe(6);
    expect(attrs.communities["0"]!.color).toBe(PALETTE[0]);
    expect(attrs.communities["1"]!.label).toBe("Ada Alpha et al.");
  });

  it("gives a paper the community of most of its authors; a tie goes to the earliest author in the byline", () => {
    const p = (i: number) => graph.getNodeAttribute(`p:${String(i).padStart(4, "0")}`, "community");
    expect(p(0)).toBe(community("Ada Alpha"));
    expect(p(5)).toBe(community("Fay Beta"));
    // p:0011 = [Ada, Fay]: tie 1-1, Ada first.
    expect(p(11)).toBe(community("Ada Alpha"));
    // p:0012 = [Ada, Ben, Fay, Gus]: tie 2-2, Ada first.
    expect(p(12)).toBe(community("Ada Alpha"));
  });

  it("is stable for a seed and honours the resolution option", () => {
    const again = buildGraph(bylineInput(twoTeams()), OPTIONS);
    expect(again.getAttribute("communities")).toEqual(attrs.communities);
    const fine = buildGraph(bylineInput(twoTeams()), { ...OPTIONS, resolution: 5 });
    expect(Object.keys(fine.getAttribute("communities")).length).toBeGreaterThan(Object.keys(attrs.communities).length);
  });

  it("reports modularity 0 and only the shared community when nobody has co-authors", () => {
    const g = buildGraph(bylineInput([["Zed Solo"], ["Yan Solo"]]), OPTIONS);
    expect(g.getAttribute("modularity")).toBe(0);
    expect(g.getAttribute("communities")).toEqual({ "0": { label: NO_COAUTHORS_LABEL, size: 2, terms: [], color: NONE_COLOR, noLinks: true } });
  });

  it("leaves topics and author-less papers at -1 and lists distinctive terms (seed-like fixture)", () => {
    const g = buildGraph(seedLikeInput(), OPTIONS);
    expect(g.getNodeAttribute("t:validation metrics", "community")).toBe(-1);
    expect(g.getNodeAttribute("p:volume-rendering-of-neural-implicit-surfaces", "community")).toBe(-1);
    const reinke = g.getNodeAttribute(authorKey("Annika Reinke"), "community") as number;
    const info = (g.getAttribute("communities") as GraphAttributes["communities"])[String(reinke)]!;
    expect(info.label).toBe("Annika Reinke et al.");
    expect(info.terms.slice(0, 2).sort()).toEqual(["benchmarking competitions", "validation metrics"]);
    expect(info.terms).not.toContain("neural rendering");
  });
});

describe("Louvain through the co-author view of the edge table", () => {
  // The library reads the view instead of a graphology copy (communities.ts CoauthorLouvainView): it must give the
  // partition and modularity the library gives on a real graphology graph of the same nodes and edges, in that order.
  const onGraphology = (nodes: NodeTable, edges: EdgeTable, resolution: number, seed: string) => {
    const from = edges.kindStart[1]!;
    const to = edges.kindStart[2]!;
    const sub = new Graph<Record<string, never>, { weight: number }>({ type: "undirected", multi: false, allowSelfLoops: false });
    const linked = new Set<number>();
    for (let e = from; e < to; e++) linked.add(edges.source[e]!).add(edges.target[e]!);
    for (let a = 0; a < nodes.paperStart; a++) if (linked.has(a)) sub.addNode(nodes.keys[a]!);
    for (let e = from; e < to; e++) sub.addUndirectedEdge(nodes.keys[edges.source[e]!]!, nodes.keys[edges.target[e]!]!, { weight: edges.weight[e]! });
    const detailed = louvain.detailed(sub, { getEdgeWeight: "weight", resolution, rng: seedrandom(seed) });
    const raw = new Int32Array(nodes.paperStart).fill(-1);
    for (let a = 0; a < nodes.paperStart; a++) if (linked.has(a)) raw[a] = detailed.communities[nodes.keys[a]!]!;
    return { raw, modularity: Math.round(detailed.modularity * 1e6) / 1e6 };
  };

  /** Constructed: 500 papers of 2-6 authors from 300 people, mostly near each other in a ring, so groups overlap. */
  const looseGroups = () => {
    const rng = seedrandom("loose groups");
    return Array.from({ length: 500 }, () => {
      const centre = Math.floor(rng() * 300);
      const names = new Set<string>();
      const size = 2 + Math.floor(rng() * 5);
      while (names.size < size) names.add(`Person${(centre + Math.floor(rng() * 12) + (rng() < 0.1 ? Math.floor(rng() * 300) : 0)) % 300} Ring`);
      return [...names];
    });
  };

  it("gives the library's own partition on the seeds and on constructed groups, at several resolutions and seeds", () => {
    const seeds = seedsBuild();
    const inputs = [{ identity: seeds.identity, topics: seeds.topics, clusters: seeds.clusters, sources: seeds.summaries }, bylineInput(twoTeams()), bylineInput(looseGroups())];
    for (const input of inputs) {
      const nodes = nodeTable(input);
      const edges = edgeTable(nodes, input, OPTIONS);
      for (const [resolution, seed] of [[1, "42"], [0.5, "7"], [2, "1"]] as const) {
        const mine = louvainOnCoauthors(nodes, edges, { resolution, rng: seedrandom(seed) });
        const theirs = onGraphology(nodes, edges, resolution, seed);
        expect([...mine.raw]).toEqual([...theirs.raw]);
        expect(mine.modularity).toBeCloseTo(theirs.modularity, 6);
      }
    }
  });
});
