/** Collaboration over time: constructed graphs (each names its point) and the seeds build. */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { collaborationTimeline, linkExistsBy, parseYearWeights, weightUpTo, yearSummaries, yearSummary, yearWeightsOf } from "../../src/model/collaboration";
import { seedsBuild } from "../fixtures/seeds-build";

/** Constructed: three authors, papers in 2019 (A, B), 2021 (A, B, C), 2021 (B, C), one undated (A, C). */
function small(): Graph {
  const g = new Graph({ type: "mixed" });
  for (const a of ["a:a", "a:b", "a:c"]) g.addNode(a, { kind: "author" });
  g.addNode("p:1", { kind: "paper", year: 2019, authors: ["a:a", "a:b"] });
  g.addNode("p:2", { kind: "paper", year: 2021, authors: ["a:a", "a:b", "a:c"] });
  g.addNode("p:3", { kind: "paper", year: 2021, authors: ["a:b", "a:c"] });
  g.addNode("p:4", { kind: "paper", year: null, authors: ["a:a", "a:c"] });
  g.addUndirectedEdgeWithKey("coauthor:a:a--a:b", "a:a", "a:b", { kind: "coauthor", weight: 2, firstYear: 2019, yearWeights: "2019:1,2021:1" });
  g.addUndirectedEdgeWithKey("coauthor:a:a--a:c", "a:a", "a:c", { kind: "coauthor", weight: 2, firstYear: 2021, yearWeights: "2021:1" });
  g.addUndirectedEdgeWithKey("coauthor:a:b--a:c", "a:b", "a:c", { kind: "coauthor", weight: 2, firstYear: 2021 });
  return g;
}

describe("year weights", () => {
  it("parses, reads an absent yearWeights as all of the weight in firstYear, sums up to a year", () => {
    expect(parseYearWeights("2021:2,2019:1,junk")).toEqual([[2019, 1], [2021, 2]]);
    expect(yearWeightsOf({ firstYear: 2021, weight: 2 })).toEqual([[2021, 2]]);
    expect(yearWeightsOf({ firstYear: null, weight: 2 })).toEqual([]);
    expect(weightUpTo({ firstYear: 2019, yearWeights: "2019:1,2021:1", weight: 2 }, 2020)).toBe(1);
    expect(weightUpTo({ firstYear: 2019, yearWeights: "2019:1,2021:1", weight: 2 }, 2021)).toBe(2);
  });
});

describe("collaborationTimeline", () => {
  it("answers which links exist up to a year, which are new that year and how many authors are new", () => {
    const t = collaborationTimeline(small());
    expect(t.years).toEqual([2019, 2021]);
    expect(linkExistsBy(t, "coauthor:a:a--a:c", 2020)).toBe(false);
    expect(linkExistsBy(t, "coauthor:a:a--a:c", 2021)).toBe(true);
    expect(yearSummary(t, 2021)).toEqual({ year: 2021, newLinks: ["coauthor:a:a--a:c", "coauthor:a:b--a:c"], linksSoFar: 3, newAuthors: 1, authorsSoFar: 3 });
    expect(yearSummary(t, 2020)).toEqual({ year: 2020, newLinks: [], linksSoFar: 1, newAuthors: 0, authorsSoFar: 2 });
    expect(yearSummaries(t).map((s) => [s.year, s.newLinks.length, s.newAuthors])).toEqual([[2019, 1, 2], [2021, 2, 1]]);
  });

  it("on the seeds: new links per year add up to the dated links, new authors to the authors with a dated paper", () => {
    const g = seedsBuild().graph;
    const t = collaborationTimeline(g);
    let dated = 0;
    g.forEachEdge((_k, e) => {
      if ((e.kind === "coauthor" || e.kind === "coauthor-large") && typeof e.firstYear === "number") dated++;
    });
    const all = yearSummaries(t);
    expect(all[all.length - 1]!.linksSoFar).toBe(dated);
    // Independent: an author's first year is the smallest year among the papers naming them.
    const first = new Map<string, number>();
    g.forEachNode((_k, p) => {
      if (p.kind === "paper" && typeof p.year === "number") for (const a of p.authors as string[]) first.set(a, Math.min(first.get(a) ?? Infinity, p.year));
    });
    for (const s of all) expect(s.newAuthors).toBe([...first.values()].filter((y) => y === s.year).length);
  });
});
