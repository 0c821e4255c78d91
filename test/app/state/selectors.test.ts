// Selectors on the app fixture graph (test/fixtures/app/graph.json, made from seed records by make-graph.ts).
// Expected values were worked out by hand from the bylines listed in make-graph.ts.
import { describe, expect, it } from "vitest";
import { visibleMask, DEFAULT_VIEW_FILTER } from "../../../src/model/view-filter";
import {
  bylineOf,
  coauthorsOf,
  collaborationPath,
  comparePapersNewestFirst,
  displayName,
  egoNetwork,
  framingSet,
  lensProjection,
  leadingAuthorsOfTopic,
  papersOf,
  papersOfTopic,
  pathEdges,
  relatedTopics,
  topicsOfAuthor,
  topNodes,
  yearHistogram,
} from "../../../src/app/state/selectors";
import { fixtureGraph } from "../fixture";

const g = fixtureGraph();
const keys = (xs: { key: string }[]) => xs.map((x) => x.key);

describe("author selectors", () => {
  it("ranks co-authors by shared papers, then by name", () => {
    // Lekadir: 2 papers with Osuala (FUTURE-AI imaging, medigan), 1 with Feragen, 1 with Casamitjana.
    expect(coauthorsOf(g, "a:karim-lekadir").map((c) => [c.label, c.count])).toEqual([
      ["Richard Osuala", 2],
      ["Aasa Feragen", 1],
      ["Adrià Casamitjana", 1],
    ]);
  });

  it("counts a co-author once per paper even when bylines repeat across sources", () => {
    // Puyol-Antón shares both cardiac papers with Lee, Ruijsink and King.
    expect(coauthorsOf(g, "a:esther-puyol-anton").map((c) => c.count)).toEqual([2, 2, 2]);
  });

  it("lists an author's papers newest first", () => {
    expect(papersOf(g, "a:karim-lekadir").map((p) => p.date)).toEqual(["2023-11-14", "2023-08-11", "2022-09-28", "2021-09-20"]);
  });

  it("lists an author's topics by number of papers", () => {
    expect(topicsOfAuthor(g, "a:karim-lekadir").map((t) => [t.label, t.count])).toEqual([
      ["trustworthy AI", 2],
      ["brain MR", 1],
      ["generative models", 1],
    ]);
  });

});

describe("paper and topic selectors", () => {
  it("keeps the byline order", () => {
    expect(bylineOf(g, "p:race-sex-bias-cnn").map((a) => a.label)).toEqual(["Tiarna Lee", "Esther Puyol-Antón", "Bram Ruijsink", "Andrew P. King"]);
  });

  it("names an untitled paper by its arXiv id", () => {
    expect(displayName(g.getNodeAttributes("p:arxiv-2507.12092"))).toBe("arXiv:2507.12092");
  });

  it("sorts undated papers last and month-only dates before the days of that month", () => {
    const refs = [
      { key: "a", label: "A", date: null, year: null },
      { key: "b", label: "B", date: "2023-08", year: 2023 },
      { key: "c", label: "C", date: "2023-08-11", year: 2023 },
      { key: "d", label: "D", date: "2021-01-01", year: 2021 },
    ];
    expect([...refs].sort(comparePapersNewestFirst).map((r) => r.key)).toEqual(["c", "b", "d", "a"]);
  });

  it("gives a topic's papers newest first and its leading authors", () => {
    expect(keys(papersOfTopic(g, "t:brain-mr"))).toEqual(["p:glioblastoma-efficientnet", "p:arxiv-2507.12092", "p:uslr"]);
    // brain MR: USLR (Casamitjana, Lekadir), glioblastoma (Adap, Baid, Bakas), untitled arXiv paper (no authors).
    expect(leadingAuthorsOfTopic(g, "t:brain-mr").map((a) => a.label)).toEqual([
      "Adrià Casamitjana", "Karim Lekadir", "Sanyukta Adap", "Spyridon Bakas", "Ujjwal Baid",
    ]);
    expect(leadingAuthorsOfTopic(g, "t:brain-mr", 2)).toHaveLength(2);
  });

  it("gives related topics with their co-occurrence weight", () => {
    expect(relatedTopics(g, "t:bias").map((t) => [t.label, t.count])).toEqual([["cardiac MR segmentation", 2]]);
    expect(relatedTopics(g, "t:breast-density")).toEqual([]);
  });

  it("ranks top nodes by metric with stable ties", () => {
    const top = topNodes(g, "topic", "paperCount", 3);
    expect(top[0]).toMatchObject({ label: "brain MR", count: 3 });
    expect(top.map((t) => t.label)).toEqual(["brain MR", "bias", "cardiac MR segmentation"]);
  });
});

describe("ego network and collaboration path", () => {
  const all = () => true;
  it("collects 1 and 2 hops over allowed edges only", () => {
    const coauthorOnly = (e: number) => g.edgeAttributes(e).kind === "coauthor";
    expect([...egoNetwork(g, "a:sanyukta-adap", 1, coauthorOnly)].sort()).toEqual(["a:sanyukta-adap", "a:spyridon-bakas", "a:ujjwal-baid"]);
    const two = egoNetwork(g, "a:sanyukta-adap", 2, coauthorOnly);
    expect(two.has("a:matthias-eisenmann")).toBe(true);
    expect(two.has("a:lena-maier-hein")).toBe(false); // three steps away (via Reinke)
    expect(egoNetwork(g, "a:sanyukta-adap", 1, all).has("p:glioblastoma-efficientnet")).toBe(true);
    expect([...egoNetwork(g, "missing", 2)]).toEqual(["missing"]);
  });

  it("finds a shortest path with a deterministic tie-break", () => {
    // Adap -> Eisenmann: via Baid or via Bakas, both 2 steps; the BFS over sorted keys picks the same one every time.
    const p = collaborationPath(g, "a:sanyukta-adap", "a:matthias-eisenmann");
    expect(p).toHaveLength(3);
    expect(p![0]).toBe("a:sanyukta-adap");
    expect(p![2]).toBe("a:matthias-eisenmann");
    expect(["a:ujjwal-baid", "a:spyridon-bakas"]).toContain(p![1]);
    expect(collaborationPath(fixtureGraph(), "a:sanyukta-adap", "a:matthias-eisenmann")).toEqual(p);
    expect(pathEdges(g, p!)).toHaveLength(2);
    expect(pathEdges(g, p!).every((e) => g.edgeAttributes(e).kind === "coauthor")).toBe(true);
  });

  it("goes through Reinke to reach Maier-Hein", () => {
    expect(collaborationPath(g, "a:lena-maier-hein", "a:spyridon-bakas")).toEqual(["a:lena-maier-hein", "a:annika-reinke", "a:spyridon-bakas"]);
  });

  it("returns null between separate components, for non-authors and for unknown keys", () => {
    expect(collaborationPath(g, "a:karim-lekadir", "a:tiarna-lee")).toBeNull();
    expect(collaborationPath(g, "a:karim-lekadir", "t:bias")).toBeNull();
    expect(collaborationPath(g, "a:karim-lekadir", "a:nobody")).toBeNull();
    expect(collaborationPath(g, "a:karim-lekadir", "a:karim-lekadir")).toEqual(["a:karim-lekadir"]);
  });

  it("respects the minimum of shared papers per link", () => {
    // Lekadir-Osuala share 2 papers; Lekadir-Feragen only 1.
    expect(collaborationPath(g, "a:karim-lekadir", "a:richard-osuala", 2)).toEqual(["a:karim-lekadir", "a:richard-osuala"]);
    expect(collaborationPath(g, "a:karim-lekadir", "a:aasa-feragen", 2)).toBeNull();
  });
});

describe("year histogram, lens projection, framing", () => {
  it("counts papers per year with gaps filled and undated apart", () => {
    const h = yearHistogram(g);
    expect(h.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(h.years.map((y) => y.count)).toEqual([1, 3, 4, 0, 2]);
    expect(h.undated).toBe(1);
  });

  it("projects an author onto the topic map and a topic onto the co-author lens", () => {
    const topics = visibleMask(g, { ...DEFAULT_VIEW_FILTER, lens: "topics" });
    expect([...lensProjection(g, "a:esther-puyol-anton", topics.nodes)].sort()).toEqual(["t:bias", "t:cardiac-mr-segmentation"]);
    const coauthor = visibleMask(g, DEFAULT_VIEW_FILTER);
    expect([...lensProjection(g, "t:validation-metrics", coauthor.nodes)].sort()).toEqual([
      "a:annika-reinke", "a:lena-maier-hein", "a:matthias-eisenmann", "a:spyridon-bakas", "a:ujjwal-baid",
    ]);
  });

  it("frames a node with its drawn neighbours", () => {
    const v = visibleMask(g, DEFAULT_VIEW_FILTER);
    expect(framingSet(g, "a:sanyukta-adap", v)).toEqual(["a:sanyukta-adap", "a:spyridon-bakas", "a:ujjwal-baid"]);
    expect(framingSet(g, "t:bias", v)).toEqual(["a:andrew-p-king", "a:bram-ruijsink", "a:esther-puyol-anton", "a:tiarna-lee"]);
    expect(framingSet(g, "nope", v)).toEqual([]);
  });
});
