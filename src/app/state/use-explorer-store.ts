/**
 * The explorer's one UI store for a graph: opened from the URL hash (sanitised for this graph: unknown nodes and
 * cluster ids dropped), kept in step with it (use-url-sync.ts). A link with a selection but no camera opens centred on
 * the selection. A corrected graph swapped in (use-corrections.ts) takes the view from the hash again, sanitised for
 * it, in the render that brings it (no frame with a selection the graph lacks); the rest (search text, focus) stays.
 */
import { useCallback, useMemo, useReducer, useState, type Dispatch } from "react";
import type { ClusterInfo } from "../../model/graph-file";
import { ladderOf } from "../../model/levels";
import { visibleMask } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";
import { framingSet } from "./selectors";
import { INITIAL_UI_STATE, uiReducer, type SharedState, type UiAction, type UiState } from "./ui-state";
import { parseUrlState, sanitizeForGraph } from "./url-state";
import { useUrlSync } from "./use-url-sync";

function clusterIdSet(...tables: (Record<string, ClusterInfo> | undefined)[]): Set<number> {
  return new Set(tables.flatMap((t) => Object.keys(t ?? {})).map(Number).filter(Number.isInteger));
}

/** Ids of a partition's groups at every level of its ladder (a link may hide groups of any level). */
function ladderIds(attrs: ReturnType<PaperGraph["getAttributes"]>, mode: "community" | "topicCluster"): Set<number> {
  const main = mode === "community" ? attrs.communities : attrs.topicClusters;
  return clusterIdSet(main, ...(ladderOf(attrs, mode)?.levels.map((l) => l.groups) ?? []));
}

export function useExplorerStore(graph: PaperGraph): [UiState, Dispatch<UiAction>] {
  const clusterIds = useMemo(
    () => ({ community: ladderIds(graph.getAttributes(), "community"), topicCluster: ladderIds(graph.getAttributes(), "topicCluster") }),
    [graph],
  );
  const sanitize = useCallback((s: SharedState) => sanitizeForGraph(s, (k) => graph.hasNode(k), clusterIds, graph.getAttributes()), [graph, clusterIds]);
  const [state, dispatch] = useReducer(uiReducer, null, (): UiState => {
    const shared = sanitize(parseUrlState(window.location.hash));
    let focus: UiState["focus"] = null;
    if (shared.selected !== null && !shared.camera) focus = { keys: framingSet(graph, shared.selected, visibleMask(graph, shared.filter)), seq: 1 };
    return { ...INITIAL_UI_STATE, ...shared, focus };
  });
  // Adjusted while rendering (React's pattern for state that follows a prop): this render already sees the graph's view.
  const [owner, setOwner] = useState(graph);
  let current = state;
  if (owner !== graph) {
    const restore: UiAction = { type: "restore", shared: sanitize(parseUrlState(window.location.hash)) };
    setOwner(graph);
    dispatch(restore);
    current = uiReducer(state, restore);
  }
  useUrlSync(current, dispatch, sanitize);
  return [current, dispatch];
}
