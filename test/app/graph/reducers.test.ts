// Display reducers (pure): what each node and edge looks like for a UI state, on the app fixture graph. Also node
// sizes per metric and camera framing. None of this needs WebGL.
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER, visibleSubgraph, type ViewFilter } from "../../../src/model/view-filter";
import { computeHighlight, DIM_EDGE, DIM_NODE, edgeDisplay, nodeDisplay, PATH_COLOR, pickForcedLabels, type DisplayState } from "../../../src/app/graph/reducers";
import { computeSizes, groupColors, LOOKS, nodeColors, SIZE_RANGE } from "../../../src/model/appearance";
import { fitCamera, sameView } from "../../../src/app/graph/camera-fit";
import { collaborationPath, pathEdges } from "../../../src/app/state/selectors";
import { fixtureGraph } from "../fixture";

const g = fixtureGraph();
const snapshot = JSON.stringify(g.export());
const tables = { communities: g.getAttribute("communities"), topicClusters: g.getAttribute("topicClusters") };

function state(opts: { filter?: Partial<ViewFilter>; hovered?: string | null; selected?: string | null; ego?: 0 | 1 | 2; path?: [string, string] } = {}): DisplayState {
  const visible = visibleSubgraph(g, { ...DEFAULT_VIEW_FILTER, ...opts.filter });
  const path = opts.path ? collaborationPath(g, ...opts.path) : null;
  const pe = path ? pathEdges(g, path) : [];
  const highlight = computeHighlight(g, visible, { hovered: opts.hovered ?? null, selected: opts.selected ?? null, ego: opts.ego ?? 0 }, path, pe);
  const sizes = computeSizes(g, "pagerank");
  return {
    visible,
    selected: opts.selected ?? null,
    highlight,
    forcedLabels: pickForcedLabels(highlight, sizes),
    path: { nodes: new Set(path ?? []), edges: new Set(pe) },
    nodeColors: nodeColors(g, "topicCluster", tables),
    look: LOOKS.light,
    sizes,
  };
}
const nd = (k: string, ds: DisplayState) => nodeDisplay(k, g.getNodeAttributes(k), ds);
const ed = (k: string, ds: DisplayState) => edgeDisplay(k, g.getEdgeAttributes(k), ds);
const coauthorEdge = (a: string, b: string) => g.edges(a, b).find((e) => g.getEdgeAttribute(e, "kind") === "coauthor")!;

describe("lenses hide by reducer", () => {
  it("co-author lens draws authors and coauthor edges only", () => {
    const ds = state();
    expect(nd("a:karim-lekadir", ds).hidden).toBe(false);
    expect(nd("p:medigan", ds).hidden).toBe(true);
    expect(nd("t:bias", ds).hidden).toBe(true);
    expect(ed(coauthorEdge("a:karim-lekadir", "a:richard-osuala"), ds).hidden).toBe(false);
    expect(ed(g.edges("a:karim-lekadir", "p:medigan")[0]!, ds).hidden).toBe(true);
  });

  it("topic map draws topics only; full graph draws everything", () => {
    const topics = state({ filter: { lens: "topics" } });
    expect(g.filterNodes((n) => !nd(n, topics).hidden).every((n) => n.startsWith("t:"))).toBe(true);
    const full = state({ filter: { lens: "full" } });
    expect(g.filterNodes((n) => nd(n, full).hidden)).toEqual([]);
  });
});

describe("highlighting", () => {
  it("with nothing selected or hovered, draws every node in its own colour with its label", () => {
    const ds = state();
    expect(ds.highlight).toBeNull();
    const d = nd("a:karim-lekadir", ds);
    // Its research cluster's colour, as the shared appearance module assigns it (the fixture file's own colours are older).
    const cluster = g.getNodeAttribute("a:karim-lekadir", "topicCluster");
    expect(d).toMatchObject({ color: groupColors(tables.topicClusters).get(cluster), label: "Karim Lekadir", highlighted: false, forceLabel: false });
  });

  it("hover lights up the neighbourhood and dims the rest", () => {
    const ds = state({ hovered: "a:sanyukta-adap" });
    expect(nd("a:spyridon-bakas", ds)).toMatchObject({ forceLabel: true, zIndex: 2 });
    expect(nd("a:karim-lekadir", ds)).toMatchObject({ color: DIM_NODE, label: null, zIndex: 0 });
    expect(ed(coauthorEdge("a:sanyukta-adap", "a:ujjwal-baid"), ds).zIndex).toBe(2);
    expect(ed(coauthorEdge("a:karim-lekadir", "a:richard-osuala"), ds).color).toBe(DIM_EDGE);
  });

  it("hover wins over the selection, and the selection stays highlighted", () => {
    const ds = state({ hovered: "a:karim-lekadir", selected: "a:sanyukta-adap" });
    expect(ds.highlight!.nodes.has("a:richard-osuala")).toBe(true);
    expect(nd("a:sanyukta-adap", ds)).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 4 });
  });

  it("ego network of 2 hops reaches co-authors of co-authors", () => {
    const one = state({ selected: "a:sanyukta-adap", ego: 1 });
    const two = state({ selected: "a:sanyukta-adap", ego: 2 });
    expect(nd("a:matthias-eisenmann", one).color).toBe(DIM_NODE);
    expect(nd("a:matthias-eisenmann", two).forceLabel).toBe(true);
    expect(two.highlight!.nodes.size).toBeGreaterThan(one.highlight!.nodes.size);
  });

  it("draws the collaboration path in the path colour", () => {
    const ds = state({ selected: "a:lena-maier-hein", path: ["a:lena-maier-hein", "a:spyridon-bakas"] });
    const e = coauthorEdge("a:lena-maier-hein", "a:annika-reinke");
    expect(ed(e, ds)).toMatchObject({ color: PATH_COLOR, zIndex: 3 });
    expect(nd("a:annika-reinke", ds)).toMatchObject({ highlighted: true, forceLabel: true });
    expect(nd("a:ujjwal-baid", ds).color).toBe(DIM_NODE);
  });

  it("a selection the lens does not draw lights up where it shows in the lens", () => {
    const ds = state({ selected: "a:esther-puyol-anton", filter: { lens: "topics" } });
    expect(nd("a:esther-puyol-anton", ds).hidden).toBe(true);
    expect(nd("t:bias", ds).forceLabel).toBe(true);
    expect(nd("t:trustworthy-ai", ds).color).toBe(DIM_NODE);
  });

  it("draws the colours of the mode it is given; topics (community -1) get the no-group colour by community", () => {
    const ds = { ...state({ filter: { lens: "full" } }), nodeColors: nodeColors(g, "community", tables) };
    expect(nd("a:karim-lekadir", ds).color).toBe(groupColors(tables.communities).get(g.getNodeAttribute("a:karim-lekadir", "community")));
    expect(nd("t:bias", ds).color).toBe("#C5C9D1");
    const dark = { ...state({ hovered: "a:karim-lekadir" }), look: LOOKS.dark };
    const unlit = [...dark.visible.nodes].find((k) => !dark.highlight!.nodes.has(k))!;
    expect(nd(unlit, dark).color).toBe(LOOKS.dark.dimNode);
    expect(ed(coauthorEdge("a:karim-lekadir", "a:richard-osuala"), { ...state(), look: LOOKS.dark }).color).toBe(LOOKS.dark.edges.coauthor);
  });

  it("forces labels on the largest lit nodes, up to the cap", () => {
    const sizes = computeSizes(g, "pagerank");
    const hl = { nodes: new Set(["a:karim-lekadir", "a:aasa-feragen", "a:richard-osuala"]), edges: new Set<string>() };
    const forced = pickForcedLabels(hl, sizes, 2);
    expect(forced.size).toBe(2);
    expect(forced.has("a:karim-lekadir")).toBe(true);
    expect(forced.has("a:aasa-feragen")).toBe(false); // the smallest of the three
    expect(pickForcedLabels(null, sizes).size).toBe(0);
  });

  it("never writes into the graph", () => {
    const ds = state({ hovered: "a:karim-lekadir", selected: "t:bias", filter: { lens: "full" } });
    g.forEachNode((n) => nd(n, ds));
    g.forEachEdge((e) => ed(e, ds));
    expect(JSON.stringify(g.export())).toBe(snapshot);
  });
});

describe("computeSizes", () => {
  it("rescales each kind into its own range, biggest value at the top", () => {
    for (const metric of ["pagerank", "degree", "betweenness", "paperCount"] as const) {
      const sizes = computeSizes(g, metric);
      for (const kind of ["author", "paper", "topic"] as const) {
        const [lo, hi] = SIZE_RANGE[kind];
        const vals = g.filterNodes((_n, a) => a.kind === kind).map((n) => sizes.get(n)!);
        expect(Math.min(...vals)).toBeGreaterThanOrEqual(lo);
        expect(Math.max(...vals)).toBeLessThanOrEqual(hi);
      }
    }
    const byCount = computeSizes(g, "paperCount");
    // Lekadir has 4 papers, the most of any author.
    expect(byCount.get("a:karim-lekadir")).toBe(SIZE_RANGE.author[1]);
    expect(byCount.get("a:aasa-feragen")).toBe(SIZE_RANGE.author[0]);
  });
});

describe("fitCamera", () => {
  it("centres on one node without zooming out", () => {
    expect(fitCamera([{ x: 0.2, y: 0.4 }], 1)).toEqual({ x: 0.2, y: 0.4, ratio: 0.3 });
    expect(fitCamera([{ x: 0.2, y: 0.4 }], 0.1)).toEqual({ x: 0.2, y: 0.4, ratio: 0.1 });
  });

  it("frames several nodes with a margin, within bounds", () => {
    const t = fitCamera([{ x: 0, y: 0 }, { x: 0.5, y: 0.2 }], 1)!;
    expect(t.x).toBeCloseTo(0.25);
    expect(t.y).toBeCloseTo(0.1);
    expect(t.ratio).toBeCloseTo(0.7);
    expect(fitCamera([{ x: 0, y: 0 }, { x: 0.001, y: 0 }], 1)!.ratio).toBe(0.08);
    expect(fitCamera([{ x: -5, y: 0 }, { x: 5, y: 0 }], 1)!.ratio).toBe(1.2);
  });

  it("ignores non-finite points and returns null when nothing is left", () => {
    expect(fitCamera([], 1)).toBeNull();
    expect(fitCamera([{ x: NaN, y: 0 }], 1)).toBeNull();
    expect(sameView({ x: 0.5, y: 0.5, ratio: 1 }, { x: 0.5002, y: 0.5, ratio: 1.001 })).toBe(true);
    expect(sameView({ x: 0.5, y: 0.5, ratio: 1 }, { x: 0.6, y: 0.5, ratio: 1 })).toBe(false);
  });
});

