/**
 * graphology JSON: the export opens again in graphology and passes the graph-file validator (model/validate.ts),
 * for the whole fixture graph (test/fixtures/exporters/special-graph.ts) and for a filtered view.
 */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { validateGraphFile } from "../../src/model/validate";
import { DEFAULT_VIEW_FILTER } from "../../src/model/view-filter";
import { buildSpecialGraph, NASTY_TITLE } from "../fixtures/exporters/special-graph";
import { EXPORTED_AT, text } from "./helpers";

describe("graphology JSON export", () => {
  const data = buildSpecialGraph();

  it("is graph.export() of the whole graph plus the provenance, and passes the validator", () => {
    const json = JSON.parse(text("json"));
    const v = validateGraphFile(json);
    expect(v.ok ? [] : v.errors).toEqual([]);
    const g = Graph.from(json);
    expect(g.order).toBe(data.order);
    expect(g.size).toBe(data.size);
    // JSON keeps every character, the control character included: only XML forbids it.
    expect(g.getNodeAttribute("p:future-ai", "title")).toBe(NASTY_TITLE);
    expect(g.getNodeAttributes("a:karim-lekadir")).toEqual(data.getNodeAttributes("a:karim-lekadir"));
    expect(g.isUndirected("coauthor:a:karim-lekadir--a:aasa-feragen")).toBe(true);
    expect(g.isDirected("about:p:future-ai->t:trustworthy-ai")).toBe(true);
    const exp = g.getAttribute("export");
    expect(exp).toMatchObject({ exportedAt: EXPORTED_AT, scope: "whole graph", filter: "whole graph", generator: "papergraph test" });
    expect(exp.inputFiles).toHaveLength(3);
    expect(exp.options).toEqual({ resolution: 1, seed: 42 });
    // The data graph itself is never touched.
    expect(data.hasAttribute("export")).toBe(false);
  });

  it("exports a view as a valid subgraph: in-view byline keys only, the rest set aside, counts of the subgraph", () => {
    // Hiding research cluster 0 keeps paper p:bias-2019 but hides its author a:aasa-feragen (cluster 0).
    const filter = { ...DEFAULT_VIEW_FILTER, lens: "full" as const, clusterMode: "topicCluster" as const, hiddenClusters: [0] };
    const json = JSON.parse(text("json", { filter }));
    const v = validateGraphFile(json);
    expect(v.ok ? [] : v.errors).toEqual([]);
    const g = Graph.from(json);
    expect(g.nodes().sort()).toEqual(["a:andrew-p-king", "a:mohammed-ali", "p:bias-2019", "p:bias-cmr", "t:bias"]);
    expect(g.getNodeAttribute("p:bias-2019", "authors")).toEqual(["a:andrew-p-king", "a:mohammed-ali"]);
    expect(g.getNodeAttribute("p:bias-2019", "authorsOutsideView")).toEqual(["a:aasa-feragen"]);
    expect(g.getAttribute("counts")).toEqual({ authors: 2, papers: 2, topics: 1, edges: g.size });
    expect(g.getAttribute("export").filter).toEqual(filter);
  });
});
