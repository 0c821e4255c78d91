/**
 * What the explorer derives from its store for one graph, each piece memoised on what it reads so a hover recomputes
 * none of it: node sizes, the graph at the Resolution slider's levels, the visible set (visibleMask, the exporters'
 * definition), the view's colours and legend, what is drawn (chooseDrawn), the collaboration path, and what a panel
 * lists (unstable nodes, people on a topic).
 */
import { useMemo } from "react";
import { computeSizesAt, groupModeOf, type ThemeName } from "../../model/appearance";
import { visibleMask } from "../../model/view-filter";
import { chooseDrawn, type Appearance } from "../canvas/render-graph";
import type { PaperGraph } from "../data/types";
import { deriveDisplay } from "./display";
import { graphAtLevels, unstableNodes } from "./levels-view";
import { rankPeople } from "./people";
import { collaborationPath, isolatedAuthors } from "./selectors";
import type { StepHidden, YearStep } from "./timeline";
import type { UiState } from "./ui-state";
import { useViewLook } from "./view-look";

/** One object, new only when one of its parts is (effects may depend on it whole). */
export function useExplorerView(graph: PaperGraph, state: UiState, theme: ThemeName) {
  const { selected, pathTarget, filter, colorMode, sizeMetric } = state;
  const sizes = useMemo(() => computeSizesAt(graph, sizeMetric), [graph, sizeMetric]);
  // The graph at the Resolution slider's levels: colours, legend, cluster labels, panels. Structure stays the graph's,
  // so a slider move recolours the render graph in place; the level matters to visibility only when groups are hidden.
  const leveled = useMemo(() => graphAtLevels(graph, state.levels), [graph, state.levels]);
  const filterGraph = filter.hiddenClusters.length ? leveled : graph;
  const visible = useMemo(() => visibleMask(filterGraph, filter), [filterGraph, filter]);
  const viewLook = useViewLook(leveled, colorMode, filter.lens, visible, theme);
  // What is drawn and how (model/appearance.ts: sizes, colours in the view's mode, the theme's edge colours).
  const appearance = useMemo<Appearance>(() => ({ sizes, colors: viewLook.colors, look: viewLook.look }), [sizes, viewLook.colors, viewLook.look]);
  const drawn = useMemo(() => chooseDrawn(graph, visible), [graph, visible]);
  const isolated = useMemo(() => isolatedAuthors(graph, visible), [graph, visible]);
  const includeLarge = filter.includeLargePapers;
  const path = useMemo(
    () => (selected !== null && pathTarget !== null ? collaborationPath(graph, selected, pathTarget, filter.minSharedPapers, includeLarge) : null),
    [graph, selected, pathTarget, filter.minSharedPapers, includeLarge],
  );
  // Without the links of papers above the author cut and no path: is there one through them? (Said, not drawn.)
  const largeOnlyPath = useMemo(
    () => (path === null && !includeLarge && selected !== null && pathTarget !== null ? collaborationPath(graph, selected, pathTarget, filter.minSharedPapers, true) : null),
    [graph, path, includeLarge, selected, pathTarget, filter.minSharedPapers],
  );
  // The partition whose stability the Clusters panel shows: the one colouring the view, else the filter's.
  const unstableMode = groupModeOf(viewLook.mode) ?? filter.clusterMode;
  const unstable = useMemo(() => (state.showUnstable ? unstableNodes(leveled, unstableMode, visible.nodes) : null), [state.showUnstable, leveled, unstableMode, visible]);
  const people = state.people;
  const ranking = useMemo(() => (people ? rankPeople(leveled, people) : null), [leveled, people]);
  return useMemo(
    () => ({ sizes, leveled, visible, viewLook, appearance, drawn, isolated, path, largeOnlyPath, unstableMode, unstable, ranking }),
    [sizes, leveled, visible, viewLook, appearance, drawn, isolated, path, largeOnlyPath, unstableMode, unstable, ranking],
  );
}

export type ExplorerView = ReturnType<typeof useExplorerView>;

/** The canvas's display for the UI state (state/display.ts), new only when something it reads changes. */
export function useDisplay(graph: PaperGraph, state: UiState, view: ExplorerView, step: YearStep | null, stepHidden: StepHidden | null) {
  const { hovered, selected, ego } = state;
  const { visible, sizes, viewLook, path, ranking, unstable } = view;
  const look = viewLook.look;
  return useMemo(
    () =>
      deriveDisplay({
        graph,
        visible,
        sizes,
        look,
        hovered,
        selected,
        ego,
        path,
        play: step && stepHidden ? { newLinks: step.newLinks, hidden: stepHidden } : null,
        people: ranking?.people ?? null,
        unstable: unstable?.nodes ?? null,
      }),
    [graph, visible, sizes, look, hovered, selected, ego, path, step, stepHidden, ranking, unstable],
  );
}
