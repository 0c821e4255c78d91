// Which sigma refresh a display change needs (refresh-plan.ts), on the app fixture graph (test/fixtures/app, built
// from the seed listings). The property that makes a partial refresh safe is checked exhaustively: for every pair of
// display states the explorer can produce for one filter (hover, selection, ego 0-2, a collaboration path, a
// selection the lens does not draw), every node and edge left out of a partial plan looks exactly the same
// (nodeDisplay / edgeDisplay, zIndex included) before and after.
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER, visibleSubgraph, type ViewFilter } from "../../../src/model/view-filter";
import { computeHighlight, edgeDisplay, nodeDisplay, pickForcedLabels, type DisplayState } from "../../../src/app/graph/reducers";
import { planRefresh } from "../../../src/app/graph/refresh-plan";
import { computeSizes, LOOKS, nodeColors } from "../../../src/model/appearance";
import { collaborationPath, pathEdges } from "../../../src/app/state/selectors";
import { fixtureGraph } from "../fixture";

const g = fixtureGraph();
const sizes = computeSizes(g, "pagerank");
const tables = { communities: g.getAttribute("communities"), topicClusters: g.getAttribute("topicClusters") };
const colors = nodeColors(g, "topicCluster", tables);

interface Ui {
  hovered?: string | null;
  selected?: string | null;
  ego?: 0 | 1 | 2;
  pathTo?: string;
}

/** Like Explorer: visible, sizes and colours are memoised, so they keep their identity while only the UI state moves. */
function statesFor(filter: Partial<ViewFilter>) {
  const visible = visibleSubgraph(g, { ...DEFAULT_VIEW_FILTER, ...filter });
  return (ui: Ui): DisplayState => {
    const selected = ui.selected ?? null;
    const path = selected !== null && ui.pathTo ? collaborationPath(g, selected, ui.pathTo) : null;
    const pe = path ? pathEdges(g, path) : [];
    const highlight = computeHighlight(g, visible, { hovered: ui.hovered ?? null, selected, ego: ui.ego ?? 0 }, path, pe);
    return {
      visible,
      selected,
      highlight,
      forcedLabels: pickForcedLabels(highlight, sizes),
      path: { nodes: new Set(path ?? []), edges: new Set(pe) },
      nodeColors: colors,
      look: LOOKS.light,
      sizes,
    };
  };
}

function changedItems(prev: DisplayState, next: DisplayState): { nodes: string[]; edges: string[] } {
  const nodes = g.filterNodes((k, a) => JSON.stringify(nodeDisplay(k, a, prev)) !== JSON.stringify(nodeDisplay(k, a, next)));
  const edges = g.filterEdges((k, a) => JSON.stringify(edgeDisplay(k, a, prev)) !== JSON.stringify(edgeDisplay(k, a, next)));
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
      const states = uiStates().map(make);
      let partial = 0;
      for (const prev of states) {
        for (const next of states) {
          const plan = planRefresh(prev, next);
          if (plan.kind === "full") continue;
          const changed = changedItems(prev, next);
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

  it("dimming switching on or off, lens, sizes and colours need a full refresh", () => {
    const make = statesFor({});
    const plain = make({});
    const hovered = make({ hovered: "a:karim-lekadir" });
    expect(planRefresh(plain, hovered).kind).toBe("full");
    expect(planRefresh(hovered, plain).kind).toBe("full");
    expect(planRefresh(plain, statesFor({ lens: "full" })({})).kind).toBe("full");
    expect(planRefresh(plain, { ...plain, sizes: computeSizes(g, "degree") }).kind).toBe("full");
    expect(planRefresh(plain, { ...plain, nodeColors: nodeColors(g, "community", tables) }).kind).toBe("full");
    expect(planRefresh(plain, { ...plain, look: LOOKS.dark }).kind).toBe("full");
  });
});
