// Display reducers (pure): what each drawn node and edge looks like for a UI state, on the app fixture graph; what
// the render graph holds for a lens (render-graph.ts). Also node sizes per metric and camera framing. None of this
// needs WebGL.
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER, visibleMask, type ViewFilter } from "../../../src/model/view-filter";
import { DIM_EDGE, DIM_NODE, nodeOnScreen, PATH_COLOR, pickForcedLabels, reduceEdge, reduceNode, type DisplayState, type DrawnEdge, type DrawnNode } from "../../../src/app/canvas/reducers";
import { buildRenderGraph, chooseDrawn, renderEdgeKey, type Appearance } from "../../../src/app/canvas/render-graph";
import { computeSizesAt as computeSizes, groupColors, LOOKS, nodeColorsAt, SIZE_RANGE, type ResolvedColorMode, type Look } from "../../../src/model/appearance";
import { fitCamera, sameView } from "../../../src/app/canvas/camera-fit";
import { deriveDisplay } from "../../../src/app/state/display";
import { collaborationPath } from "../../../src/app/state/selectors";
import { fixtureGraph } from "../fixture";

const g = fixtureGraph();
const tables = { communities: g.getAttribute("communities"), topicClusters: g.getAttribute("topicClusters") };
const look = (colorMode: ResolvedColorMode = "topicCluster", theme: Look = LOOKS.light): Appearance => ({ sizes: computeSizes(g, "pagerank"), colors: nodeColorsAt(g, colorMode, tables), look: theme });

interface Scene {
  ds: DisplayState;
  render: ReturnType<typeof buildRenderGraph>;
  nd: (k: string) => ReturnType<typeof reduceNode> & { forceLabel?: boolean; highlighted?: boolean; zIndex?: number };
  ed: (e: number) => ReturnType<typeof reduceEdge> & { zIndex?: number };
}

function scene(opts: { filter?: Partial<ViewFilter>; hovered?: string | null; selected?: string | null; ego?: 0 | 1 | 2; path?: [string, string]; colorMode?: ResolvedColorMode; theme?: Look } = {}): Scene {
  const visible = visibleMask(g, { ...DEFAULT_VIEW_FILTER, ...opts.filter });
  const path = opts.path ? collaborationPath(g, ...opts.path) : null;
  const appearance = look(opts.colorMode, opts.theme);
  // The display as the explorer derives it (state/display.ts).
  const ds = deriveDisplay({ graph: g, visible, sizes: appearance.sizes, look: appearance.look, hovered: opts.hovered ?? null, selected: opts.selected ?? null, ego: opts.ego ?? 0, path });
  const render = buildRenderGraph(g, chooseDrawn(g, visible), appearance);
  return {
    ds,
    render,
    nd: (k) => reduceNode(k, render.getNodeAttributes(k) as DrawnNode, ds),
    ed: (e) => reduceEdge(renderEdgeKey(e), render.getEdgeAttributes(renderEdgeKey(e)) as DrawnEdge, ds),
  };
}
const coauthorEdge = (a: string, b: string) => g.edgeBetween(g.nodeIndex(a), g.nodeIndex(b), "coauthor");

describe("the render graph holds the lens only", () => {
  it("co-author lens: authors and coauthor edges, drawn with their size, their colour in the mode and the theme's edge colour", () => {
    const { render } = scene();
    expect(render.hasNode("a:karim-lekadir")).toBe(true);
    expect(render.hasNode("p:medigan")).toBe(false);
    expect(render.hasNode("t:bias")).toBe(false);
    expect(render.hasEdge(renderEdgeKey(coauthorEdge("a:karim-lekadir", "a:richard-osuala")))).toBe(true);
    expect(render.hasEdge(renderEdgeKey(g.edgeBetween(g.nodeIndex("a:karim-lekadir"), g.nodeIndex("p:medigan"))))).toBe(false);
    const i = g.nodeIndex("a:karim-lekadir");
    // Its research cluster's colour, as the shared appearance module assigns it (the fixture file's own colours are older).
    const color = groupColors(tables.topicClusters).get(g.topicCluster[i]!);
    expect(render.getNodeAttributes("a:karim-lekadir")).toEqual({ x: g.x[i], y: g.y[i], size: look().sizes[i], color, label: "Karim Lekadir", hidden: false, highlighted: false, forceLabel: false, type: "circle", zIndex: 0 });
    expect(render.getEdgeAttribute(renderEdgeKey(coauthorEdge("a:karim-lekadir", "a:richard-osuala")), "color")).toBe(LOOKS.light.edges.coauthor);
  });

  it("topic map draws topics only; full graph draws everything", () => {
    expect(scene({ filter: { lens: "topics" } }).render.nodes().every((n) => n.startsWith("t:"))).toBe(true);
    const full = scene({ filter: { lens: "full" } }).render;
    expect(full.order).toBe(g.order);
    expect(full.size).toBe(g.size);
  });
});

describe("highlighting", () => {
  it("with nothing selected or hovered, draws every node as the render graph holds it (no copy, no extra work)", () => {
    const s = scene();
    expect(s.ds.highlight).toBeNull();
    const drawn = s.render.getNodeAttributes("a:karim-lekadir") as DrawnNode;
    expect(reduceNode("a:karim-lekadir", drawn, s.ds)).toBe(drawn);
    const e = renderEdgeKey(coauthorEdge("a:karim-lekadir", "a:richard-osuala"));
    const edge = s.render.getEdgeAttributes(e) as DrawnEdge;
    expect(reduceEdge(e, edge, s.ds)).toBe(edge);
  });

  it("hover lights up the neighbourhood and dims the rest", () => {
    const s = scene({ hovered: "a:sanyukta-adap" });
    expect(s.nd("a:spyridon-bakas")).toMatchObject({ forceLabel: true, zIndex: 2 });
    expect(s.nd("a:karim-lekadir")).toMatchObject({ color: DIM_NODE, label: null, zIndex: 0 });
    expect(s.ed(coauthorEdge("a:sanyukta-adap", "a:ujjwal-baid")).zIndex).toBe(2);
    expect(s.ed(coauthorEdge("a:karim-lekadir", "a:richard-osuala")).color).toBe(DIM_EDGE);
  });

  it("hover wins over the selection, and the selection stays highlighted", () => {
    const s = scene({ hovered: "a:karim-lekadir", selected: "a:sanyukta-adap" });
    expect(s.ds.highlight!.nodes.has("a:richard-osuala")).toBe(true);
    expect(s.nd("a:sanyukta-adap")).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 4 });
  });

  it("ego network of 2 hops reaches co-authors of co-authors", () => {
    const one = scene({ selected: "a:sanyukta-adap", ego: 1 });
    const two = scene({ selected: "a:sanyukta-adap", ego: 2 });
    expect(one.nd("a:matthias-eisenmann").color).toBe(DIM_NODE);
    expect(two.nd("a:matthias-eisenmann").forceLabel).toBe(true);
    expect(two.ds.highlight!.nodes.size).toBeGreaterThan(one.ds.highlight!.nodes.size);
  });

  it("draws the collaboration path in the path colour", () => {
    const s = scene({ selected: "a:lena-maier-hein", path: ["a:lena-maier-hein", "a:spyridon-bakas"] });
    expect(s.ed(coauthorEdge("a:lena-maier-hein", "a:annika-reinke"))).toMatchObject({ color: PATH_COLOR, zIndex: 3 });
    expect(s.nd("a:annika-reinke")).toMatchObject({ highlighted: true, forceLabel: true });
    expect(s.nd("a:ujjwal-baid").color).toBe(DIM_NODE);
  });

  it("a selection the lens does not draw lights up where it shows in the lens", () => {
    const s = scene({ selected: "a:esther-puyol-anton", filter: { lens: "topics" } });
    expect(s.render.hasNode("a:esther-puyol-anton")).toBe(false);
    expect(s.nd("t:bias").forceLabel).toBe(true);
    expect(s.nd("t:trustworthy-ai").color).toBe(DIM_NODE);
  });

  it("draws the colours of the mode it is given; topics (community -1) get the no-group colour by community; the theme dims", () => {
    const s = scene({ filter: { lens: "full" }, colorMode: "community" });
    expect(s.nd("a:karim-lekadir").color).toBe(groupColors(tables.communities).get(g.getNodeAttribute("a:karim-lekadir", "community")));
    expect(s.nd("t:bias").color).toBe("#C5C9D1");
    const dark = scene({ hovered: "a:karim-lekadir", theme: LOOKS.dark });
    const unlit = dark.render.nodes().find((k) => !dark.ds.highlight!.nodes.has(k))!;
    expect(dark.nd(unlit).color).toBe(LOOKS.dark.dimNode);
    expect(scene({ theme: LOOKS.dark }).render.getEdgeAttribute(renderEdgeKey(coauthorEdge("a:karim-lekadir", "a:richard-osuala")), "color")).toBe(LOOKS.dark.edges.coauthor);
  });

  it("reports how a node looks on screen, drawn or not, for the view exports", () => {
    const s = scene({ hovered: "a:sanyukta-adap" });
    const visible = visibleMask(g, DEFAULT_VIEW_FILTER);
    expect(nodeOnScreen(g, "a:karim-lekadir", visible, look(), s.ds)).toMatchObject({ color: DIM_NODE, label: null, hidden: false });
    expect(nodeOnScreen(g, "p:medigan", visible, look(), s.ds).hidden).toBe(true);
  });

  it("forces labels on the largest lit nodes, up to the cap", () => {
    const sizes = computeSizes(g, "pagerank");
    const hl = { nodes: new Set(["a:karim-lekadir", "a:aasa-feragen", "a:richard-osuala"]), edges: new Set<number>() };
    const forced = pickForcedLabels(g, hl, sizes, 2);
    expect(forced.size).toBe(2);
    expect(forced.has("a:karim-lekadir")).toBe(true);
    expect(forced.has("a:aasa-feragen")).toBe(false); // the smallest of the three
    expect(pickForcedLabels(g, null, sizes).size).toBe(0);
  });

  it("never writes into the drawn attributes", () => {
    const s = scene({ hovered: "a:karim-lekadir", selected: "t:bias", filter: { lens: "full" } });
    const before = JSON.stringify(s.render.export());
    s.render.forEachNode((n) => s.nd(n));
    s.render.forEachEdge((e) => s.ed(Number(e)));
    expect(JSON.stringify(s.render.export())).toBe(before);
  });
});

describe("computeSizes", () => {
  it("rescales each kind into its own range, biggest value at the top", () => {
    for (const metric of ["pagerank", "degree", "betweenness", "paperCount"] as const) {
      const sizes = computeSizes(g, metric);
      for (const kind of ["author", "paper", "topic"] as const) {
        const [lo, hi] = SIZE_RANGE[kind];
        const vals = g.filterNodes((_n, a) => a.kind === kind).map((n) => sizes[g.nodeIndex(n)]!);
        expect(Math.min(...vals)).toBeGreaterThanOrEqual(lo);
        expect(Math.max(...vals)).toBeLessThanOrEqual(hi);
      }
    }
    const byCount = computeSizes(g, "paperCount");
    // Lekadir has 4 papers, the most of any author.
    expect(byCount[g.nodeIndex("a:karim-lekadir")]).toBe(SIZE_RANGE.author[1]);
    expect(byCount[g.nodeIndex("a:aasa-feragen")]).toBe(SIZE_RANGE.author[0]);
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
