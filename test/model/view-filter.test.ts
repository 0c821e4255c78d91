/**
 * visibleSubgraph, the one definition of "what the view shows" (the explorer draws it, "export the view" writes it),
 * on the app fixture graph (test/fixtures/app/graph.json, made by make-graph.ts from seed records). Expected sets were
 * worked out by hand from the bylines, dates, topics and clusters listed in make-graph.ts.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER, LENS_KINDS, visibleSubgraph, type GraphReader, type ViewFilter } from "../../src/model/view-filter";
import { fixtureGraphology } from "../app/fixture";

// graphology itself: visibleSubgraph reads any graphology-like graph (the exporters and the CLI hand it graphology).
const g = fixtureGraphology();
const view = (f: Partial<ViewFilter>) => visibleSubgraph(g as unknown as GraphReader, { ...DEFAULT_VIEW_FILTER, ...f });
const kindsOf = (keys: Set<string>, attr: (k: string) => string) => [...new Set([...keys].map(attr))].sort();
const nodeKinds = (keys: Set<string>) => kindsOf(keys, (k) => g.getNodeAttribute(k, "kind"));
const edgeKinds = (keys: Set<string>) => kindsOf(keys, (k) => g.getEdgeAttribute(k, "kind"));
const sorted = (s: Set<string>) => [...s].sort();
const authorCount = g.filterNodes((_k, a) => a.kind === "author").length;

describe("visibleSubgraph: lenses", () => {
  it("co-author lens: every author (also one without links), co-author links only", () => {
    const v = view({});
    expect(v.nodes.size).toBe(authorCount);
    expect(nodeKinds(v.nodes)).toEqual(["author"]);
    expect(edgeKinds(v.edges)).toEqual(["coauthor"]);
    // 18 distinct co-author pairs over the 10 papers with authors (Lekadir-Osuala and Baid-Bakas counted once each).
    expect(v.edges.size).toBe(18);
  });

  it("topic map: the 8 topics and their two co-occurrence links", () => {
    const v = view({ lens: "topics" });
    expect(v.nodes.size).toBe(8);
    expect(nodeKinds(v.nodes)).toEqual(["topic"]);
    expect(sorted(v.edges).map((e) => g.extremities(e).sort().join(" ~ "))).toEqual([
      "t:benchmarking ~ t:validation-metrics",
      "t:bias ~ t:cardiac-mr-segmentation",
    ]);
  });

  it("full graph: every node and edge; the kinds filter removes nodes and the edges that touch them", () => {
    const all = view({ lens: "full" });
    expect(all.nodes.size).toBe(g.order);
    expect(all.edges.size).toBe(g.size);
    const authorsAndPapers = view({ lens: "full", kinds: ["author", "paper"] });
    expect(nodeKinds(authorsAndPapers.nodes)).toEqual(["author", "paper"]);
    expect(edgeKinds(authorsAndPapers.edges)).toEqual(["authored", "coauthor"]);
    expect(view({ lens: "full", kinds: ["paper"] }).edges.size).toBe(0);
  });

  it("the kinds filter only applies to the full graph", () => {
    expect(view({ kinds: ["topic"] }).nodes.size).toBe(authorCount);
  });

  it("each lens's edge kinds join node kinds it shows", () => {
    for (const lens of ["coauthor", "topics"] as const) {
      const v = view({ lens });
      for (const e of v.edges) {
        for (const n of g.extremities(e)) expect(LENS_KINDS[lens].nodes).toContain(g.getNodeAttribute(n, "kind"));
      }
    }
  });
});

describe("visibleSubgraph: years", () => {
  it("keeps the papers of the range and the authors with at least one of them", () => {
    const papers = view({ lens: "full", kinds: ["paper"], yearRange: [2023, 2023], includeUndated: false });
    expect(sorted(papers.nodes)).toEqual(["p:future-ai-guideline", "p:model-choice-bias", "p:uslr", "p:why-winner-best"]);
    const authors = view({ yearRange: [2023, 2023], includeUndated: false });
    // Not shown: Osuala (2021, 2022), Maier-Hein (2022), Adap (2025).
    expect(authors.nodes.size).toBe(authorCount - 3);
    for (const gone of ["a:richard-osuala", "a:lena-maier-hein", "a:sanyukta-adap"]) expect(authors.nodes.has(gone)).toBe(false);
    // A co-author link needs both ends: Lekadir-Osuala goes with Osuala.
    expect([...authors.edges].some((e) => g.extremities(e).includes("a:richard-osuala"))).toBe(false);
  });

  it("keeps or drops the undated paper, and the topic only it carries, with includeUndated", () => {
    const range: [number, number] = [2021, 2025];
    expect(view({ lens: "full", yearRange: range, includeUndated: true }).nodes.has("p:breast-density")).toBe(true);
    expect(view({ lens: "full", yearRange: range, includeUndated: false }).nodes.has("p:breast-density")).toBe(false);
    expect(view({ lens: "topics", yearRange: range, includeUndated: true }).nodes.has("t:breast-density")).toBe(true);
    expect(view({ lens: "topics", yearRange: range, includeUndated: false }).nodes.has("t:breast-density")).toBe(false);
  });

  it("ignores includeUndated without a year range", () => {
    expect(view({ lens: "full", includeUndated: false }).nodes.has("p:breast-density")).toBe(true);
  });

  it("an empty range shows nothing, and never throws", () => {
    const v = view({ lens: "full", yearRange: [1900, 1901], includeUndated: false });
    expect(v.nodes.size).toBe(0);
    expect(v.edges.size).toBe(0);
  });
});

describe("visibleSubgraph: co-author weight and clusters", () => {
  it("drops co-author links below the minimum of shared papers but keeps the authors", () => {
    const v = view({ minSharedPapers: 2 });
    expect(v.nodes.size).toBe(authorCount);
    // Two papers in common: Lekadir-Osuala, Baid-Bakas and the six pairs of the two cardiac bias papers.
    expect(v.edges.size).toBe(8);
    expect([...v.edges].every((e) => g.getEdgeAttribute(e, "weight") >= 2)).toBe(true);
  });

  it("hides clusters of the chosen partition only", () => {
    // Community 1 is King's group (King, Puyol-Antón, Lee, Ruijsink).
    const byCommunity = view({ clusterMode: "community", hiddenClusters: [1] });
    expect(byCommunity.nodes.size).toBe(authorCount - 4);
    expect(byCommunity.nodes.has("a:andrew-p-king")).toBe(false);
    // Topics have community -1, so hiding community 1 leaves the topic map whole.
    expect(view({ lens: "topics", clusterMode: "community", hiddenClusters: [1] }).nodes.size).toBe(8);
    // Research cluster 1 holds the two cardiac papers, their authors and topics bias and cardiac MR segmentation.
    const byCluster = view({ lens: "topics", clusterMode: "topicCluster", hiddenClusters: [1] });
    expect(sorted(byCluster.nodes)).not.toContain("t:bias");
    expect(byCluster.nodes.size).toBe(6);
  });

  it("every cluster hidden leaves an empty view", () => {
    expect(view({ hiddenClusters: [0, 1, 2] }).nodes.size).toBe(0);
  });
});

describe("visibleSubgraph: purity", () => {
  it("reads the graph only, and gives the same sets for the same filter", () => {
    const before = JSON.stringify(g.export());
    const f = { lens: "full" as const, yearRange: [2022, 2023] as [number, number], minSharedPapers: 2 };
    expect(sorted(view(f).nodes)).toEqual(sorted(view(f).nodes));
    expect(JSON.stringify(g.export())).toBe(before);
    expect(JSON.stringify(g.export())).toBe(JSON.stringify(fixtureGraphology().export()));
  });
});
