// What sigma is given to draw (src/app/canvas/render-graph.ts), on the app fixture graph (hand-made from seed records,
// test/fixtures/app) and on a synthesised graph too big to draw whole (scripts/bench/synthetic-graph.ts, 300 papers:
// 700 nodes, 5k edges, with a small budget standing in for the real 150,000). Pure: no WebGL.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER, visibleMask } from "../../../src/model/view-filter";
import { NodeGrid, addRenderEdge, applyAppearance, buildRenderGraph, buildRenderGraphSliced, chooseDrawn, viewportEdges, type Appearance } from "../../../src/app/canvas/render-graph";
import { computeSizesAt as computeSizes, groupColors, LOOKS, nodeColorsAt, type ResolvedColorMode } from "../../../src/model/appearance";
import { overviewNote } from "../../../src/app/panels/StatusBar";
import { synthesiseGraph } from "../../../scripts/bench/synthetic-graph";
import { buildSpecialGraph } from "../../fixtures/exporters/special-graph";
import { explorerGraph, fixtureGraph } from "../fixture";

const g = fixtureGraph();
const look = (graph = g, colorMode: ResolvedColorMode = "topicCluster"): Appearance => ({
  sizes: computeSizes(graph, "pagerank"),
  colors: nodeColorsAt(graph, colorMode, { communities: graph.getAttribute("communities"), topicClusters: graph.getAttribute("topicClusters") }),
  look: LOOKS.light,
});

/** 300 synthetic papers, converted like any graph.json. */
function bigGraph() {
  const s = synthesiseGraph({ papers: 300, seed: 3 });
  const out = new Graph({ type: "mixed" });
  out.replaceAttributes(s.getAttributes());
  s.forEachNode((k, a) => out.addNode(k, a));
  s.forEachEdge((k, a, src, tgt, _sa, _ta, undirected) => (undirected ? out.addUndirectedEdgeWithKey(k, src, tgt, a) : out.addDirectedEdgeWithKey(k, src, tgt, a)));
  return explorerGraph(out);
}

describe("chooseDrawn", () => {
  it("draws every visible node and edge of a lens within the budget", () => {
    const visible = visibleMask(g, DEFAULT_VIEW_FILTER);
    const drawn = chooseDrawn(g, visible);
    expect(drawn.overview).toBe(false);
    expect(drawn.nodes.length).toBe(visible.nodeCount);
    expect(drawn.edges.length).toBe(visible.edgeCount);
    expect(drawn.edges.every((e) => visible.edges[e] === 1)).toBe(true);
  });

  it("over the budget: every node keeps its strongest edge, then the strongest others, in edge order", () => {
    const big = bigGraph();
    const visible = visibleMask(big, { ...DEFAULT_VIEW_FILTER, lens: "full" });
    const budget = Math.floor(visible.edgeCount / 3);
    const drawn = chooseDrawn(big, visible, budget);
    expect(drawn.overview).toBe(true);
    expect(drawn.nodes.length).toBe(visible.nodeCount);
    expect(drawn.edges.length).toBe(budget);
    expect([...drawn.edges].sort((a, b) => a - b)).toEqual(drawn.edges);
    const chosen = new Set(drawn.edges);
    for (const i of drawn.nodes) {
      let best = -1;
      for (let p = big.adjOffsets[i]!; p < big.adjOffsets[i + 1]!; p++) {
        const e = big.adjEdges[p]!;
        if (visible.edges[e] && (best < 0 || big.edgeWeight[e]! > big.edgeWeight[best]! || (big.edgeWeight[e] === big.edgeWeight[best] && e < best))) best = e;
      }
      if (best >= 0) expect(chosen.has(best), big.keys[i]).toBe(true);
    }
    // Apart from the backbone, no undrawn edge is stronger than a drawn one that is not some node's strongest.
    const backbone = new Set<number>();
    for (const i of drawn.nodes) {
      let best = -1;
      for (let p = big.adjOffsets[i]!; p < big.adjOffsets[i + 1]!; p++) {
        const e = big.adjEdges[p]!;
        if (visible.edges[e] && (best < 0 || big.edgeWeight[e]! > big.edgeWeight[best]! || (big.edgeWeight[e] === big.edgeWeight[best] && e < best))) best = e;
      }
      if (best >= 0) backbone.add(best);
    }
    const weakestOther = Math.min(...drawn.edges.filter((e) => !backbone.has(e)).map((e) => big.edgeWeight[e]!));
    for (let e = 0; e < big.size; e++) if (visible.edges[e] && !chosen.has(e)) expect(big.edgeWeight[e]!).toBeLessThanOrEqual(weakestOther);
    // Same graph, same choice.
    expect(chooseDrawn(big, visible, budget).edges).toEqual(drawn.edges);
    expect(overviewNote({ nodes: drawn.nodes.length, edges: budget, visibleEdges: visible.edgeCount, overview: true })).toBe(
      `overview: ${budget.toLocaleString("en")} of ${visible.edgeCount.toLocaleString("en")} edges drawn (each node's strongest, then the strongest others); zoom in to see more`,
    );
    expect(overviewNote({ nodes: 1, edges: 5, visibleEdges: 5, overview: false })).toBeNull();
  });
});

describe("the render graph", () => {
  it("holds the drawn look of each node; a new colour mode or size metric is written in place", () => {
    const visible = visibleMask(g, { ...DEFAULT_VIEW_FILTER, lens: "full" });
    const render = buildRenderGraph(g, chooseDrawn(g, visible), look());
    const i = g.nodeIndex("a:karim-lekadir");
    expect(render.getNodeAttribute("a:karim-lekadir", "size")).toBe(look().sizes[i]);
    const first = look();
    const byCommunity = { ...look(g, "community"), sizes: first.sizes };
    // A new colour mode: only node colours change, so the renderer refreshes the nodes without reindexing.
    expect(applyAppearance(g, render, byCommunity, first)).toEqual({ nodes: true, sizes: false, edges: false });
    expect(render.getNodeAttribute("a:karim-lekadir", "color")).toBe(groupColors(g.getAttribute("communities")).get(g.community[i]!));
    // A new theme rewrites the edge colours in place, and only them.
    const e = render.edges()[0]!;
    expect(applyAppearance(g, render, { ...byCommunity, look: LOOKS.dark }, byCommunity)).toEqual({ nodes: false, sizes: false, edges: true });
    expect(Object.values(LOOKS.dark.edges)).toContain(render.getEdgeAttribute(e, "color"));
    // New sizes: sigma's label grid depends on them.
    expect(applyAppearance(g, render, { ...byCommunity, sizes: new Float64Array(g.order).fill(3) }, byCommunity)).toEqual({ nodes: true, sizes: true, edges: false });
    expect(render.getNodeAttribute("a:karim-lekadir", "size")).toBe(3);
    // Every node and edge carries every field sigma's defaults would add, in one order (one object shape).
    const nodeShapes = new Set(render.mapNodes((_k, a) => Object.keys(a).join()));
    const edgeShapes = new Set(render.mapEdges((_k, a) => Object.keys(a).join()));
    expect([...nodeShapes]).toEqual(["x,y,size,color,label,hidden,highlighted,forceLabel,type,zIndex"]);
    expect([...edgeShapes]).toEqual(["size,color,label,hidden,forceLabel,type,zIndex"]);
    expect(render.getNodeAttribute("a:karim-lekadir", "x")).toBe(g.x[i]);
  });

  it("draws two nodes a foreign mixed graph joins three times (a->b, b->a, a--b) as two lines", () => {
    // Constructed: a mixed graph may hold a directed edge each way and an undirected one between the same two nodes.
    const mixed = buildSpecialGraph();
    const [a, b] = mixed.filterNodes((_n, x) => x.kind === "author");
    mixed.dropEdge(...(mixed.edges(a!, b!) as [string]));
    mixed.addDirectedEdgeWithKey("x1", a!, b!, { kind: "authored", weight: 1, size: 1, color: "#000" });
    mixed.addDirectedEdgeWithKey("x2", b!, a!, { kind: "authored", weight: 1, size: 1, color: "#000" });
    mixed.addUndirectedEdgeWithKey("x3", a!, b!, { kind: "coauthor", weight: 1, size: 1, color: "#000" });
    const cg = explorerGraph(mixed);
    const render = new Graph({ type: "directed", allowSelfLoops: true });
    render.addNode(a!, {});
    render.addNode(b!, {});
    const ia = cg.nodeIndex(a!);
    const between: number[] = [];
    for (let p = cg.adjOffsets[ia]!; p < cg.adjOffsets[ia + 1]!; p++) if (cg.otherEnd(cg.adjEdges[p]!, ia) === cg.nodeIndex(b!)) between.push(cg.adjEdges[p]!);
    expect(between).toHaveLength(3);
    for (const e of between) addRenderEdge(cg, render, e, LOOKS.light);
    expect(render.size).toBe(2);
    expect(render.hasDirectedEdge(a!, b!) && render.hasDirectedEdge(b!, a!)).toBe(true);
  });
});

describe("the render graph built in slices", () => {
  it("is the render graph buildRenderGraph makes, whether it takes one slice or many", () => {
    const big = bigGraph();
    const drawn = chooseDrawn(big, visibleMask(big, { ...DEFAULT_VIEW_FILTER, lens: "full" }));
    const appearance = look(big);
    const whole = buildRenderGraph(big, drawn, appearance).export();
    let t = 0;
    const tasks: (() => void)[] = [];
    const clock = { now: () => (t += 1), later: (fn: () => void) => (tasks.push(fn), () => undefined) };
    const made: { g: Graph; atOnce: boolean }[] = [];
    buildRenderGraphSliced(big, drawn, appearance, (g, atOnce) => made.push({ g, atOnce }), clock, 0);
    expect(made).toEqual([]);
    let slices = 1;
    while (tasks.length) {
      tasks.shift()!();
      slices++;
    }
    expect(slices).toBe(Math.ceil((drawn.nodes.length + drawn.edges.length) / 256));
    expect(made).toHaveLength(1);
    expect(made[0]!.atOnce).toBe(false);
    expect(made[0]!.g.export()).toEqual(whole);

    buildRenderGraphSliced(big, drawn, appearance, (g, atOnce) => made.push({ g, atOnce }), clock, 1e9);
    expect(made[1]!.atOnce).toBe(true);
    expect(made[1]!.g.export()).toEqual(whole);
  });

  it("stops when cancelled", () => {
    const big = bigGraph();
    const drawn = chooseDrawn(big, visibleMask(big, DEFAULT_VIEW_FILTER));
    const tasks: (() => void)[] = [];
    let t = 0;
    const clock = { now: () => (t += 1), later: (fn: () => void) => (tasks.push(fn), () => void tasks.splice(tasks.indexOf(fn), 1)) };
    let done = 0;
    const cancel = buildRenderGraphSliced(big, drawn, look(big), () => done++, clock, 0);
    expect(tasks).toHaveLength(1);
    cancel();
    expect(tasks).toHaveLength(0);
    expect(done).toBe(0);
  });
});

describe("viewportEdges", () => {
  it("adds the strongest undrawn visible edges of the nodes in view, within the budget", () => {
    const big = bigGraph();
    const visible = visibleMask(big, { ...DEFAULT_VIEW_FILTER, lens: "full" });
    const drawn = chooseDrawn(big, visible, Math.floor(visible.edgeCount / 4));
    const mask = new Uint8Array(big.size);
    for (const e of drawn.edges) mask[e] = 1;
    const grid = new NodeGrid(big, drawn.nodes);
    // A quarter of the extent around the first author.
    const c = drawn.nodes[0]!;
    const rect = { x0: big.x[c]! - 150, y0: big.y[c]! - 150, x1: big.x[c]! + 150, y1: big.y[c]! + 150 };
    const inView = (i: number) => big.x[i]! >= rect.x0 && big.x[i]! <= rect.x1 && big.y[i]! >= rect.y0 && big.y[i]! <= rect.y1;
    const all = viewportEdges(big, visible, mask, grid, rect, Infinity);
    const expected: number[] = [];
    for (let e = 0; e < big.size; e++) if (visible.edges[e] && !mask[e] && (inView(big.edgeSource[e]!) || inView(big.edgeTarget[e]!))) expected.push(e);
    expect(all).toEqual(expected);
    expect(all.length).toBeGreaterThan(10);
    const few = viewportEdges(big, visible, mask, grid, rect, 10);
    expect(few).toHaveLength(10);
    const weakest = Math.min(...few.map((e) => big.edgeWeight[e]!));
    expect(all.filter((e) => !few.includes(e)).every((e) => big.edgeWeight[e]! <= weakest)).toBe(true);
  });

  it("finds the nodes in a rectangle through the grid exactly as a full scan does", () => {
    const nodes = Array.from({ length: g.order }, (_v, i) => i);
    const grid = new NodeGrid(g, nodes, 4);
    const xs = [...g.x].sort((a, b) => a - b);
    const ys = [...g.y].sort((a, b) => a - b);
    const rect = [xs[5]!, ys[3]!, xs[25]!, ys[28]!] as const;
    const found: number[] = [];
    grid.inRect(...rect, (i) => found.push(i));
    const scan = nodes.filter((i) => g.x[i]! >= rect[0] && g.x[i]! <= rect[2] && g.y[i]! >= rect[1] && g.y[i]! <= rect[3]);
    expect(found.sort((a, b) => a - b)).toEqual(scan);
  });
});
