/**
 * The shared appearance module (src/model/appearance.ts): the palette's distinctness as people with normal vision and
 * the three dichromacies see it (CIEDE2000 on Machado et al.'s simulation, test/model/color-science.ts), the rules
 * that give groups their colours and legends, year colours, sizes and the themes' contrasts.
 */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import {
  computeSizes,
  contrastRatio,
  groupColors,
  legendFor,
  legibleOn,
  LOOKS,
  nodeColors,
  NONE_COLOR,
  OTHER_COLOR,
  PALETTE,
  resolveColorMode,
  SIZE_RANGE,
  yearColor,
  YEAR_GRADIENT,
  type AppearanceGraph,
} from "../../src/model/appearance";
import type { ClusterInfo, NodeAttributes } from "../../src/model/graph-file";
import { closestPair, contrast, difference, VISIONS } from "./color-science";

const info = (label: string, size: number, extra: Partial<ClusterInfo> = {}): ClusterInfo => ({ label, size, terms: [], color: "", ...extra });

describe("palette", () => {
  it("keeps its first 12 colours apart for every vision, and all 20 apart enough", () => {
    expect(PALETTE.length).toBe(20);
    expect(new Set(PALETTE).size).toBe(20);
    const first12 = PALETTE.slice(0, 12);
    // CIEDE2000: about 2 is "just noticeable", 10 "clearly different" at a glance.
    expect(closestPair(first12, "normal").d).toBeGreaterThanOrEqual(15);
    for (const v of ["protan", "deutan"] as const) expect(closestPair(first12, v).d, v).toBeGreaterThanOrEqual(9);
    expect(closestPair(first12, "tritan").d).toBeGreaterThanOrEqual(7);
    expect(closestPair(PALETTE, "normal").d).toBeGreaterThanOrEqual(10);
    for (const v of ["protan", "deutan"] as const) expect(closestPair(PALETTE, v).d, v).toBeGreaterThanOrEqual(7);
    expect(closestPair(PALETTE, "tritan").d).toBeGreaterThanOrEqual(5.5);
  });

  it("never looks like a neutral: the no-group grey, the shared grey, the dimmed node, either background", () => {
    const neutrals = [NONE_COLOR, OTHER_COLOR, LOOKS.light.dimNode, LOOKS.dark.dimNode, LOOKS.light.background, LOOKS.dark.background];
    for (const c of PALETTE) for (const n of neutrals) for (const v of VISIONS) expect(difference(c, n, v), `${c} vs ${n} (${v})`).toBeGreaterThanOrEqual(v === "normal" ? 20 : 10);
  });

  it("keeps the shared 'other' colour apart from 'no links', and both visible on the light and dark canvas", () => {
    for (const v of VISIONS) expect(difference(OTHER_COLOR, NONE_COLOR, v)).toBeGreaterThan(10);
    for (const bg of [LOOKS.light.background, LOOKS.dark.background]) {
      expect(contrast(OTHER_COLOR, bg)).toBeGreaterThan(1.5);
      expect(contrast(NONE_COLOR, bg)).toBeGreaterThan(1.3);
    }
  });
});

describe("group colours", () => {
  it("go by size among real groups; the no-links bucket is NONE and takes no palette slot; past the palette, OTHER", () => {
    const table: Record<string, ClusterInfo> = { "0": info("No co-author links", 200, { noLinks: true }), "1": info("A et al.", 50), "2": info("B et al.", 40) };
    for (let i = 3; i < 30; i++) table[String(i)] = info(`G${i}`, 30 - i);
    const colors = groupColors(table);
    expect(colors.get(0)).toBe(NONE_COLOR);
    expect(colors.get(1)).toBe(PALETTE[0]);
    expect(colors.get(2)).toBe(PALETTE[1]);
    expect(colors.get(20)).toBe(PALETTE[19]);
    expect(colors.get(21)).toBe(OTHER_COLOR);
    expect(colors.get(29)).toBe(OTHER_COLOR);
    // Files written before the flag: the bucket is known by its label.
    expect(groupColors({ "0": info("No co-author links", 9), "1": info("A", 3) }).get(0)).toBe(NONE_COLOR);
  });

  it("'auto' colours the co-author lens by community and the other lenses by research cluster", () => {
    expect(resolveColorMode("auto", "coauthor")).toBe("community");
    expect(resolveColorMode("auto", "topics")).toBe("topicCluster");
    expect(resolveColorMode("auto", "full")).toBe("topicCluster");
    expect(resolveColorMode("yearMean", "coauthor")).toBe("yearMean");
  });
});

/** Constructed: 25 communities of shrinking size plus a no-links bucket; papers from 2015 to 2024. */
function graphWithGroups(): Graph {
  const g = new Graph({ type: "mixed" });
  const communities: Record<string, ClusterInfo> = { "0": info("No co-author links", 5, { noLinks: true }) };
  let n = 0;
  const author = (community: number) => {
    const key = `a${n++}`;
    g.addNode(key, { kind: "author", label: key, community, topicCluster: -1, paperCount: 1, pagerank: n, degree: 1, betweenness: 0 });
    return key;
  };
  for (let i = 0; i < 5; i++) author(0);
  for (let c = 1; c <= 25; c++) {
    communities[String(c)] = info(`C${c}`, 27 - c);
    for (let k = 0; k < 27 - c; k++) author(c);
  }
  for (let y = 2015; y <= 2024; y++) {
    g.addNode(`p${y}`, { kind: "paper", label: `p${y}`, community: 1, topicCluster: -1, year: y, pagerank: 0.1, degree: 1, betweenness: 0 });
    g.addDirectedEdge(`a${5 + (y % 7)}`, `p${y}`, { kind: "authored", weight: 1 });
  }
  g.addNode("p-undated", { kind: "paper", label: "undated", community: -1, topicCluster: -1, year: null, pagerank: 0, degree: 0, betweenness: 0 });
  g.replaceAttributes({ communities, topicClusters: {} });
  return g;
}
const asAppearance = (g: Graph) => g as unknown as AppearanceGraph & { getNodeAttributes(k: string): NodeAttributes };

describe("legends", () => {
  it("list every group drawn, the groups past the palette as one row, no-links apart, '+N more' beyond the room", () => {
    const g = graphWithGroups();
    const tables = { communities: g.getAttribute("communities") };
    const authors = g.filterNodes((_k, a) => a.kind === "author");
    const legend = legendFor(asAppearance(g), "community", tables, authors);
    if (legend.kind !== "groups") throw new Error("expected groups");
    expect(legend.title).toBe("Colour: co-author community");
    expect(legend.rows.length).toBe(22); // 20 palette groups + "5 smaller groups" + no links
    expect(legend.rows[0]).toMatchObject({ label: "C1", color: PALETTE[0], count: 26, kind: "group" });
    expect(legend.rows[20]).toMatchObject({ label: "5 smaller groups (one shared colour)", color: OTHER_COLOR, kind: "other" });
    expect(legend.rows[21]).toMatchObject({ label: "No co-author links", color: NONE_COLOR, count: 5, kind: "none" });
    expect(legend.rows.reduce((s, r) => s + r.count, 0)).toBe(authors.length);
    const short = legendFor(asAppearance(g), "community", tables, authors, 8);
    if (short.kind !== "groups") throw new Error("expected groups");
    expect(short.rows.length).toBe(7);
    expect(short.more).toBe(15);
    // Only what is drawn: two groups drawn, two rows.
    const two = legendFor(asAppearance(g), "community", tables, ["a5", "a40"]);
    expect(two.kind === "groups" && two.rows.map((r) => r.label)).toEqual(["C1", "C2"]);
  });

  it("colour by year: a gradient from the oldest to the newest, undated nodes counted", () => {
    const g = graphWithGroups();
    const legend = legendFor(asAppearance(g), "yearFirst", {}, g.filterNodes((_k, a) => a.kind === "paper"));
    expect(legend).toMatchObject({ kind: "years", min: 2015, max: 2024, undated: 1, stops: YEAR_GRADIENT });
  });
});

describe("year colours", () => {
  it("run along the gradient, dark violet oldest, undated in the no-group colour", () => {
    expect(yearColor(2015, 2015, 2024)).toBe(YEAR_GRADIENT[0]!.toUpperCase());
    expect(yearColor(2024, 2015, 2024)).toBe(YEAR_GRADIENT[YEAR_GRADIENT.length - 1]!.toUpperCase());
    expect(yearColor(null, 2015, 2024)).toBe(NONE_COLOR);
    const g = graphWithGroups();
    const first = nodeColors(asAppearance(g), "yearFirst", {});
    const mean = nodeColors(asAppearance(g), "yearMean", {});
    expect(first.get("p2015")).toBe(YEAR_GRADIENT[0]!.toUpperCase());
    expect(first.get("p-undated")).toBe(NONE_COLOR);
    // An author's first year is the earliest of their papers (a5 + y % 7 wrote the paper of year y).
    const authorOf2015 = `a${5 + (2015 % 7)}`;
    expect(first.get(authorOf2015)).toBe(yearColor(2015, 2015, 2024));
    expect(mean.get(authorOf2015)).not.toBe(first.get(authorOf2015));
    // Authors without papers are undated.
    expect(first.get("a0")).toBe(NONE_COLOR);
  });
});

describe("sizes and themes", () => {
  it("size each kind within its own range, the largest metric at the top", () => {
    const g = graphWithGroups();
    const sizes = computeSizes(asAppearance(g), "pagerank");
    const authors = g.filterNodes((_k, a) => a.kind === "author").map((k) => sizes.get(k)!);
    expect(Math.min(...authors)).toBe(SIZE_RANGE.author[0]);
    expect(Math.max(...authors)).toBe(SIZE_RANGE.author[1]);
  });

  it("make cluster names legible on both backgrounds, and labels readable", () => {
    for (const look of [LOOKS.light, LOOKS.dark]) {
      expect(contrastRatio(look.label, look.background)).toBeGreaterThan(7);
      for (const c of [...PALETTE, OTHER_COLOR]) expect(contrastRatio(legibleOn(c, look.background), look.background), `${c} on ${look.name}`).toBeGreaterThanOrEqual(3);
    }
    // A colour already legible is kept.
    expect(legibleOn("#0072B2", LOOKS.light.background)).toBe("#0072B2");
  });
});
