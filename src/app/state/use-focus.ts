/**
 * What choosing something in a panel, the search or on the canvas does: open a node (select it and frame it with what
 * the view shows of its neighbourhood) or frame a cluster's visible members (a cluster label on the canvas frames its
 * cluster when the view is coloured by clusters).
 */
import { useCallback, type Dispatch } from "react";
import type { ResolvedColorMode } from "../../model/appearance";
import type { VisibleMask } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";
import { clusterMembers, framingSet } from "./selectors";
import type { UiAction } from "./ui-state";

export function useFocus(graph: PaperGraph, leveled: PaperGraph, visible: VisibleMask, viewMode: ResolvedColorMode, dispatch: Dispatch<UiAction>) {
  const open = useCallback(
    (key: string) => dispatch({ type: "select", key, focus: true, focusKeys: framingSet(graph, key, visible) }),
    [graph, visible, dispatch],
  );
  const focusCluster = useCallback(
    (mode: "community" | "topicCluster", id: number) => {
      const members = clusterMembers(leveled, mode, id).filter((k) => visible.nodes[graph.nodeIndex(k)] === 1);
      dispatch({ type: "focusNodes", keys: members });
    },
    [graph, leveled, visible, dispatch],
  );
  const onCanvasCluster = useCallback(
    (id: number) => {
      if (viewMode === "community" || viewMode === "topicCluster") focusCluster(viewMode, id);
    },
    [viewMode, focusCluster],
  );
  return { open, focusCluster, onCanvasCluster };
}
