// Which sigma refresh a display change needs (refresh-plan.ts), on the app fixture graph (test/fixtures/app, built
// from the seed listings). The property that makes a partial refresh safe is checked exhaustively: for every pair of
// display states the explorer can produce for one filter (hover, selection, ego 0-2, a collaboration path, a
// selection the lens does not draw), every drawn node and edge left out of a partial plan looks exactly the same
// (reduceNode / reduceEdge on the render graph, zIndex included) before and after.
import type Graph from "graphology";
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER, visibleMask, type ViewFilter } from "../../../src/model/view-filter";
import { reduceEdge, reduceNode, type DisplayState, type DrawnEdge, type DrawnNode } from "../../../src/app/canvas/reducers";
import { planRefresh } from "../../../src/app/canvas/refresh-plan";
import { buildRenderGraph, chooseDrawn, edgeOfRenderKey } from "../../../src/app/canvas/render-graph";
import { computeSizesAt as computeSizes, LOOKS, nodeColorsAt } from "../../../src/model/appearance";
import { deriveDisplay } from "../../../src/app/state/display";
import { collaborationPath } from "../../../src/app/state/selectors";
import { fixtureGraph } from "../fixture";

const g = fixtureGraph();
const sizes = computeSizes(g, "pagerank");
const tables = { communities: g.getAttribute("communities"), topicClusters: g.getAttribute("topicClusters") };
const colors = nodeColorsAt(g, "topicCluster", tables);
const renders = new Map<string, Graph>();

interface Ui {
  hovered?: string | null;
  selected?: string | null;
  ego?: 0 | 1 | 2;
  pathTo?: string;
}

/** Like Explorer: the visible set and its render graph are memoised while only the UI state moves; the display is derived as Explorer derives it. */
function statesFor(filter: Partial<ViewFilter>) {
  const visible = visibleMask(g, { ...DEFAULT_VIEW_FILTER, ...filter });
  renders.set(JSON.stringify(filter), buildRenderGraph(g, chooseDrawn(g, visible), { sizes, colors, look: LOOKS.light }));
  return (ui: Ui): DisplayState => {
    const selected = ui.selected ?? null;
    const path = selected !== null && ui.pathTo ? collaborationPath(g, selected, ui.pathTo) : null;
    return deriveDisplay({ graph: g, visible, sizes, look: LOOKS.light, hovered: ui.hovered ?? null, selected, ego: ui.ego ?? 0, path });
  };
}

/** How every drawn node and edge looks in one display state: reduceNode / reduceEdge as JSON, in render-graph order. */
interface Looks {
  nodes: string[];
  edges: string[];
}

function looksIn(render: Graph, state: DisplayState): Looks {
  return {
    nodes: render.mapNodes((k, a) => JSON.stringify(reduceNode(k, a as DrawnNode, state))),
    edges: render.mapEdges((k, a) => JSON.stringify(reduceEdge(k, a as DrawnEdge, state))),
  };
}

/** The drawn nodes and edges that look different in the two states (each state's looks computed once, not per pair). */
function changedItems(render: Graph, prev: Looks, next: Looks): { nodes: string[]; edges: number[] } {
  const nodeKeys = render.nodes();
  const edgeKeys = render.edges();
  const nodes = nodeKeys.filter((_k, i) => prev.nodes[i] !== next.nodes[i]);
  const edges = edgeKeys.filter((_k, i) => prev.edges[i] !== next.edges[i]).map(edgeOfRenderKey);
  return { nodes, edges };
}

const authors = g.filterNodes((_k, a) => a.kind === "author");

function uiStates(): Ui[] {
  const out: Ui[] = [{}];
  for (const selected of [null, "a:sanyukta-adap", "a:lena-maier-hein", "p:medigan"]) {
    for (const ego of [0, 1, 2] as const) {
      for (const hovered of [null, ...authors.slice(0, 4), "t:bias"]) out.push({ selected, ego, hovered });
    }
  }
  out.push({ selected: "a:lena-maier-hein", pathTo: "a:spyridon-bakas" });
  out.push({ selected: "a:lena-maier-hein", pathTo: "a:spyridon-bakas", hovered: "a:karim-lekadir" });
  return out;
}

describe("planRefresh", () => {
  for (const lens of ["coauthor", "topics", "full"] as const) {
    it(`leaves out only nodes and edges that look the same (lens ${lens}, every pair of UI states)`, () => {
      const make = statesFor({ lens });
      const render = renders.get(JSON.stringify({ lens }))!;
      const states = uiStates().map(make);
      const looks = new Map(states.map((state) => [state, looksIn(render, state)]));
      let partial = 0;
      for (const prev of states) {
        for (const next of states) {
          const plan = planRefresh(prev, next);
          if (plan.kind === "full") continue;
          const changed = changedItems(render, looks.get(prev)!, looks.get(next)!);
          if (plan.kind === "none") {
            expect(changed).toEqual({ nodes: [], edges: [] });
            continue;
          }
          partial++;
          const nodes = new Set(plan.nodes);
          const edges = new Set(plan.edges);
          expect(changed.nodes.filter((k) => !nodes.has(k))).toEqual([]);
          expect(changed.edges.filter((k) => !edges.has(k))).toEqual([]);
        }
      }
      // The check above is vacuous without partial plans to look at.
      expect(partial).toBeGreaterThan(100);
    });
  }

  it("moving the hover between neighbourhoods while something is selected is partial and small", () => {
    const make = statesFor({});
    const prev = make({ selected: "a:sanyukta-adap", hovered: "a:karim-lekadir" });
    const next = make({ selected: "a:sanyukta-adap", hovered: "a:lena-maier-hein" });
    const plan = planRefresh(prev, next);
    expect(plan.kind).toBe("partial");
    if (plan.kind !== "partial") return;
    expect(plan.nodes).toContain("a:karim-lekadir");
    expect(plan.nodes).toContain("a:lena-maier-hein");
    expect(plan.nodes.length).toBeLessThan(g.order);
    expect(plan.edges.length).toBeLessThan(g.size);
    expect([...plan.nodes].sort()).toEqual(plan.nodes);
  });

  it("a hover that changes nothing drawn needs no refresh", () => {
    const make = statesFor({});
    // Two display objects for the same UI (what a repeated dispatch would rebuild): equal content, new identity.
    expect(planRefresh(make({ selected: "a:sanyukta-adap" }), make({ selected: "a:sanyukta-adap" }))).toEqual({ kind: "none" });
    // A hover on a node the lens hides falls back to the selection's neighbourhood: same highlight as without it.
    expect(planRefresh(make({ selected: "a:sanyukta-adap" }), make({ selected: "a:sanyukta-adap", hovered: "t:bias" }))).toEqual({ kind: "none" });
    const same = make({});
    expect(planRefresh(same, same)).toEqual({ kind: "none" });
  });

  it("dimming switching on or off needs a full refresh (a lens, sizes and colours change the render graph instead)", () => {
    const make = statesFor({});
    const plain = make({});
    const hovered = make({ hovered: "a:karim-lekadir" });
    expect(planRefresh(plain, hovered).kind).toBe("full");
    expect(planRefresh(hovered, plain).kind).toBe("full");
    // The theme's dimmed, focus and path colours change every drawn item.
    expect(planRefresh(plain, { ...plain, look: LOOKS.dark }).kind).toBe("full");
  });

  it("a Play step with a lit neighbourhood names each edge the step shows or hides anew or the light moved off or on, once, ascending", () => {
    const make = statesFor({});
    const lit = make({ hovered: "a:karim-lekadir" });
    const other = make({ hovered: "a:lena-maier-hein" });
    const hidden = (edges: number[]) => {
      const mask = new Uint8Array(g.size);
      for (const e of edges) mask[e] = 1;
      return { nodes: new Set<string>(), edges: mask };
    };
    const step1 = hidden([0, 1, 2, 3, 5, 8]);
    const step2 = hidden([0, 3, 8]);
    const plan = planRefresh({ ...lit, timeline: step1 }, { ...other, timeline: step2 });
    expect(plan.kind).toBe("partial");
    if (plan.kind !== "partial") return;
    const expected = new Set([1, 2, 5, ...lit.highlight!.edges, ...other.highlight!.edges]);
    expect(plan.edges).toEqual([...expected].sort((a, b) => a - b));
    // The step's edges alone when the light stays where it is.
    const still = planRefresh({ ...lit, timeline: step1 }, { ...lit, timeline: step2 });
    expect(still.kind === "partial" && still.edges).toEqual([1, 2, 5]);
  });
});
