// @vitest-environment jsdom
/**
 * "Export the current view" means what the explorer shows (model/view-filter's visibleSubgraph) in every format,
 * and same inputs give the same bytes. Fixture: test/fixtures/exporters/special-graph.ts.
 */
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, type ExportView, type NodeDisplay } from "../../src/exporters";
import { DEFAULT_VIEW_FILTER, visibleSubgraph, type GraphReader, type ViewFilter } from "../../src/model/view-filter";
import { buildSpecialGraph } from "../fixtures/exporters/special-graph";
import { parseXmlStrict, run, text } from "./helpers";
import { exportGraph, makeProvenance } from "../../src/exporters";

/** Node keys and edge count each format actually wrote. */
function contents(view: ExportView | null): Record<string, { nodes: string[]; edges: number }> {
  const out: Record<string, { nodes: string[]; edges: number }> = {};
  const g1 = parseGexf(Graph, text("gexf", view));
  out.gexf = { nodes: g1.nodes().sort(), edges: g1.size };
  const g2 = parseGraphml(Graph, text("graphml", view));
  out.graphml = { nodes: g2.nodes().sort(), edges: g2.size };
  const g3 = Graph.from(JSON.parse(text("json", view)));
  out.json = { nodes: g3.nodes().sort(), edges: g3.size };
  const csv = run("csv", view).files;
  const rows = (i: number) => Papa.parse<Record<string, string>>(csv[i]!.content as string, { header: true, skipEmptyLines: true }).data;
  out.csv = { nodes: rows(0).map((r) => r.key!).sort(), edges: rows(1).length };
  const vos = JSON.parse(text("vosviewer", view));
  out.vosviewer = { nodes: vos.network.items.map((i: { id: number }) => String(i.id)), edges: vos.network.links.length };
  return out;
}

describe("view exports", () => {
  const data = buildSpecialGraph();
  const cases: [string, ViewFilter][] = [
    ["co-author lens", { ...DEFAULT_VIEW_FILTER, lens: "coauthor" }],
    ["co-author lens, at least 2 joint papers", { ...DEFAULT_VIEW_FILTER, lens: "coauthor", minSharedPapers: 2 }],
    ["full lens, 2021-2023 without undated papers", { ...DEFAULT_VIEW_FILTER, lens: "full", yearRange: [2021, 2023], includeUndated: false }],
    ["topics lens", { ...DEFAULT_VIEW_FILTER, lens: "topics" }],
    ["full lens, community 1 hidden", { ...DEFAULT_VIEW_FILTER, lens: "full", clusterMode: "community", hiddenClusters: [1] }],
  ];
  for (const [name, filter] of cases) {
    it(`${name}: every format holds exactly the visible nodes and edges`, () => {
      const visible = visibleSubgraph(data as unknown as GraphReader, filter);
      const want = [...visible.nodes].sort();
      const c = contents({ filter });
      for (const f of ["gexf", "graphml", "json", "csv"]) {
        expect(c[f]!.nodes, f).toEqual(want);
        expect(c[f]!.edges, f).toBe(visible.edges.size);
      }
      expect(c.vosviewer!.nodes.length).toBe(want.length);
      expect(parseXmlStrict(text("svg", { filter })).querySelectorAll("g.nodes > circle").length).toBe(want.length);
    });
  }

  it("an empty view (every cluster hidden) still gives valid, empty files in every format", () => {
    const view = { filter: { ...DEFAULT_VIEW_FILTER, lens: "full" as const, clusterMode: "topicCluster" as const, hiddenClusters: [0, 1, -1] } };
    const c = contents(view);
    for (const f of ["gexf", "graphml", "json", "csv", "vosviewer"]) expect(c[f], f).toEqual({ nodes: [], edges: 0 });
    const svg = parseXmlStrict(text("svg", view));
    expect(svg.querySelectorAll("circle").length).toBe(0);
    expect(svg.documentElement.getAttribute("viewBox")).toMatch(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
  });

  it("sanity: the cases above are not all the same set", () => {
    const sizes = cases.map(([, f]) => visibleSubgraph(data as unknown as GraphReader, f).nodes.size);
    expect(new Set(sizes).size).toBeGreaterThan(2);
    expect(visibleSubgraph(data as unknown as GraphReader, cases[1]![1]).edges.size).toBe(1);
  });

  it("uses on-screen positions, sizes and colours in every format that stores them", () => {
    const nodeDisplay = (key: string): NodeDisplay => ({ x: 1000 + data.getNodeAttribute(key, "x"), y: -5, size: 3.5, color: "#00ff00", label: null, hidden: false, forceLabel: false });
    const view = { filter: { ...DEFAULT_VIEW_FILTER, lens: "coauthor" as const }, nodeDisplay };
    const g1 = parseGexf(Graph, text("gexf", view));
    expect(g1.getNodeAttributes("a:karim-lekadir")).toMatchObject({ x: 990, y: -5, size: 3.5, color: "rgb(0,255,0)" });
    const g2 = Graph.from(JSON.parse(text("json", view)));
    expect(g2.getNodeAttributes("a:karim-lekadir")).toMatchObject({ x: 990, y: -5, size: 3.5, color: "#00ff00", label: "Karim Lekadir" });
    const vos = JSON.parse(text("vosviewer", view));
    expect(vos.network.items[0]).toMatchObject({ x: 990, y: -5 });
    // The data graph keeps its own positions.
    expect(data.getNodeAttribute("a:karim-lekadir", "x")).toBe(-10);
  });

  it("gives the same bytes for the same inputs, and different metadata only for a different timestamp", () => {
    for (const f of EXPORT_FORMATS) {
      const a = run(f).files.map((x) => x.content);
      const b = run(f, null, buildSpecialGraph()).files.map((x) => x.content);
      expect(a, f).toEqual(b);
      const later = makeProvenance(data, null, { exportedAt: "2027-12-31T23:59:59.000Z", generator: "papergraph test", colorMode: "topicCluster" });
      const c = exportGraph(f, data, null, later).files.map((x) => x.content as string);
      // Only lines carrying the timestamp change (in CSV: export-info.txt, not the tables).
      let changedLines = 0;
      c.forEach((content, i) => {
        const before = (a[i] as string).split("\n"), after = content.split("\n");
        expect(after.length, f).toBe(before.length);
        const changed = after.filter((line, j) => line !== before[j]);
        changedLines += changed.length;
        for (const line of changed) expect(line, f).toMatch(/2027-12-31/);
      });
      expect(changedLines, f).toBeGreaterThan(0);
    }
  });
});
