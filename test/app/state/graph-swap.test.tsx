// @vitest-environment jsdom
/**
 * A corrected graph swapped into the mounted explorer (use-corrections.ts -> App.tsx keeps the Explorer): on the real
 * seeds graph and its split of Nick / Nicholas Byrne, the explorer's store and view (state/use-explorer-store.ts,
 * state/use-view.ts) take the new graph in the render that brings it (no render pairs the new graph with a selection it
 * lacks), keep the lens, the camera and the search text, follow the selection to its successor, and derive exactly what
 * a fresh mount on the corrected graph derives: the render graph sigma is handed (render-graph.ts) has the same nodes,
 * edges and attributes.
 */
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { buildRenderGraph } from "../../../src/app/canvas/render-graph";
import { graphFromFiles, type LoadResult } from "../../../src/app/data/load-graph";
import type { PaperGraph } from "../../../src/app/data/types";
import type { UiAction, UiState } from "../../../src/app/state/ui-state";
import { followKeys, successorOf } from "../../../src/app/state/use-corrections";
import { useExplorerStore } from "../../../src/app/state/use-explorer-store";
import { useExplorerView, type ExplorerView } from "../../../src/app/state/use-view";
import { writeExplorerFiles } from "../../../src/exporters/explorer-files";
import { applyIdentityCorrections } from "../../../src/pipeline/corrections";
import { seedsBuild } from "../../fixtures/seeds-build";
import { mount, type Mounted } from "../panels/render";

type Shown = LoadResult & { ok: true };
interface Seen {
  graph: PaperGraph;
  state: UiState;
  view: ExplorerView;
  dispatch: (a: UiAction) => void;
}

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
  window.history.replaceState(null, "", "/");
});

/** The explorer's store and view over a graph; every render is recorded. */
function Host({ graph, renders }: { graph: PaperGraph; renders: Seen[] }) {
  const [state, dispatch] = useExplorerStore(graph);
  const view = useExplorerView(graph, state, "light");
  renders.push({ graph, state, view, dispatch });
  return null;
}

/** The render graph as sigma would be handed it, as plain data (nodes and edges with their attributes, by key). */
function drawnData(graph: PaperGraph, view: ExplorerView) {
  const g = buildRenderGraph(graph, view.drawn, view.appearance);
  const edges = g.mapEdges((_key, a, s, t) => ({ s, t, a }));
  return { nodes: g.mapNodes((key, a) => ({ key, a })), edges };
}

const asBuilt = () => graphFromFiles(writeExplorerFiles(seedsBuild().graph), "seeds") as Shown;
const split = () => applyIdentityCorrections(seedsBuild().graph, [{ kind: "split", sides: [["Nick Byrne"], ["Nicholas Byrne"]] }]);

describe("a corrected graph swapped into the mounted explorer", () => {
  it("keeps the view, follows the selection and derives what a fresh mount on the corrected graph derives", () => {
    const before = asBuilt().graph;
    const result = split();
    const after = (graphFromFiles(writeExplorerFiles(result.graph), "seeds") as Shown).graph;
    window.history.replaceState(null, "", `/#sel=${encodeURIComponent("a:byrne|nicholas")}&lens=full&cam=0.4,0.6,0.5,0`);
    const renders: Seen[] = [];
    m = mount(<Host graph={before} renders={renders} />);
    act(() => renders.at(-1)!.dispatch({ type: "setQuery", query: "Clough" }));
    const shown = renders.at(-1)!;
    expect(shown.state.selected).toBe("a:byrne|nicholas");

    // As use-corrections.ts does: the hash's keys followed to the corrected graph, then the graph swapped in.
    const hash = followKeys(window.location.hash, (k) => successorOf(k, {}, result.renamedKeys, (x) => after.hasNode(x)));
    window.history.replaceState(null, "", `/${hash}`);
    const from = renders.length;
    m.rerender(<Host graph={after} renders={renders} />);
    const swapped = renders.slice(from);
    expect(swapped.length).toBeGreaterThan(0);
    for (const r of swapped) {
      expect(r.graph).toBe(after);
      expect(r.state.selected === null || after.hasNode(r.state.selected)).toBe(true);
    }
    const now = renders.at(-1)!;
    expect(now.state.selected).toBe("a:byrne|nick");
    expect(now.state.filter.lens).toBe("full");
    expect(now.state.camera).toEqual({ x: 0.4, y: 0.6, ratio: 0.5, angle: 0 });
    expect(now.state.query).toBe("Clough");
    expect(now.view.visible.nodeCount).toBe(shown.view.visible.nodeCount + 1);

    // A fresh mount on the corrected graph (same hash, same search text) derives the same view, so sigma is handed the
    // same render graph: nodes, edges and every attribute.
    const fresh: Seen[] = [];
    const other = mount(<Host graph={after} renders={fresh} />);
    act(() => fresh.at(-1)!.dispatch({ type: "setQuery", query: "Clough" }));
    try {
      const f = fresh.at(-1)!;
      expect(now.state).toEqual(f.state);
      expect(now.view.drawn).toEqual(f.view.drawn);
      expect(drawnData(after, now.view)).toEqual(drawnData(after, f.view));
      // ... which is the corrected graph: both Byrnes drawn where the corrections put them, labelled as it says.
      const nodes = new Map(drawnData(after, now.view).nodes.map((n) => [n.key, n.a]));
      for (const key of ["a:byrne|nick", "a:byrne|nicholas"]) {
        const i = after.nodeIndex(key);
        expect(nodes.get(key)).toMatchObject({ x: after.x[i], y: after.y[i], label: after.labels[i] });
      }
      expect(nodes.size).toBe(after.order);
    } finally {
      other.unmount();
    }
  });
});
