/**
 * UI state only (the graph is data and never changes with the UI): one reducer, one store. Everything a copied link
 * must reproduce (selection, lens, filters, colours, sizes, camera, ego, path) lives here and in url-state.ts.
 */
import { DEFAULT_SIZE_METRIC, SIZE_METRICS, type ColorMode, type SizeMetric } from "../../model/appearance";
import type { PeopleQuery } from "../../model/topic-people";
import { DEFAULT_VIEW_FILTER, type Lens, type ViewFilter } from "../../model/view-filter";
import { DEFAULT_LEVELS, type LevelChoice } from "./levels-view";

export { SIZE_METRICS, type ColorMode, type SizeMetric };

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface UiState {
  selected: string | null;
  hovered: string | null;
  query: string;
  filter: ViewFilter;
  colorMode: ColorMode;
  sizeMetric: SizeMetric;
  camera: CameraView | null;
  /** Ego network of the selection drawn: 0 off, 1 or 2 hops. */
  ego: 0 | 1 | 2;
  /** Second author of the collaboration path (the first is the selection). */
  pathTarget: string | null;
  /** Camera request: fit these nodes; `seq` changes on every request so a repeat still moves the camera. */
  focus: { keys: string[]; seq: number } | null;
  /** The Resolution slider's level per partition (null: the build's own). */
  levels: LevelChoice;
  /** "Show unstable nodes": the least stable nodes of the coloured partition are lit, the rest dimmed. */
  showUnstable: boolean;
  /** "People on this topic": the topic, research cluster or text asked about (null: panel closed). */
  people: PeopleQuery | null;
}

export const INITIAL_UI_STATE: UiState = {
  selected: null,
  hovered: null,
  query: "",
  filter: DEFAULT_VIEW_FILTER,
  colorMode: "auto",
  sizeMetric: DEFAULT_SIZE_METRIC,
  camera: null,
  ego: 0,
  pathTarget: null,
  focus: null,
  levels: DEFAULT_LEVELS,
  showUnstable: false,
  people: null,
};

/** The part of the state a link carries. */
export type SharedState = Pick<UiState, "selected" | "filter" | "colorMode" | "sizeMetric" | "camera" | "ego" | "pathTarget" | "levels" | "showUnstable" | "people">;

export type UiAction =
  | { type: "select"; key: string | null; focus?: boolean; focusKeys?: string[] }
  | { type: "hover"; key: string | null }
  | { type: "setQuery"; query: string }
  | { type: "setLens"; lens: Lens }
  | { type: "setFilter"; patch: Partial<ViewFilter> }
  | { type: "toggleCluster"; mode: ViewFilter["clusterMode"]; id: number }
  | { type: "showAllClusters" }
  | { type: "setColorMode"; mode: ColorMode }
  | { type: "setSizeMetric"; metric: SizeMetric }
  | { type: "setCamera"; camera: CameraView }
  | { type: "setEgo"; ego: 0 | 1 | 2 }
  | { type: "setPathTarget"; key: string | null }
  | { type: "focusNodes"; keys: string[] }
  | { type: "setLevel"; mode: "community" | "topicCluster"; level: number | null }
  | { type: "setShowUnstable"; on: boolean }
  | { type: "setPeople"; query: PeopleQuery | null }
  | { type: "restore"; shared: SharedState }
  | { type: "reset" };

function focusOn(state: UiState, keys: string[]): UiState["focus"] {
  return { keys, seq: (state.focus?.seq ?? 0) + 1 };
}

export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case "select": {
      if (action.key === state.selected && !action.focus) return state;
      const pathTarget = action.key === null || action.key === state.pathTarget ? null : state.pathTarget;
      return {
        ...state,
        selected: action.key,
        pathTarget,
        focus: action.focus && action.key !== null ? focusOn(state, action.focusKeys?.length ? action.focusKeys : [action.key]) : state.focus,
      };
    }
    case "hover":
      return action.key === state.hovered ? state : { ...state, hovered: action.key };
    case "setQuery":
      return { ...state, query: action.query };
    case "setLens":
      return { ...state, filter: { ...state.filter, lens: action.lens }, hovered: null };
    case "setFilter":
      return { ...state, filter: { ...state.filter, ...action.patch } };
    case "toggleCluster": {
      const f = state.filter;
      // Hidden ids belong to one partition: switching partition starts from "all shown".
      const hidden = f.clusterMode === action.mode ? f.hiddenClusters : [];
      const next = hidden.includes(action.id) ? hidden.filter((x) => x !== action.id) : [...hidden, action.id].sort((a, b) => a - b);
      return { ...state, filter: { ...f, clusterMode: action.mode, hiddenClusters: next } };
    }
    case "showAllClusters":
      return { ...state, filter: { ...state.filter, hiddenClusters: [] } };
    case "setColorMode":
      return { ...state, colorMode: action.mode };
    case "setSizeMetric":
      return { ...state, sizeMetric: action.metric };
    case "setCamera":
      return { ...state, camera: action.camera };
    case "setEgo":
      return { ...state, ego: action.ego };
    case "setPathTarget":
      return { ...state, pathTarget: action.key === state.selected ? null : action.key };
    case "focusNodes":
      return action.keys.length ? { ...state, focus: focusOn(state, action.keys) } : state;
    case "setLevel": {
      if (state.levels[action.mode] === action.level) return state;
      // Group ids belong to one level: hidden groups of that partition are shown again.
      const filter = state.filter.clusterMode === action.mode && state.filter.hiddenClusters.length ? { ...state.filter, hiddenClusters: [] } : state.filter;
      return { ...state, filter, levels: { ...state.levels, [action.mode]: action.level } };
    }
    case "setShowUnstable":
      return { ...state, showUnstable: action.on };
    case "setPeople":
      return { ...state, people: action.query };
    case "restore":
      return { ...state, ...action.shared, hovered: null };
    case "reset":
      return { ...INITIAL_UI_STATE, focus: null };
  }
}

export function sharedOf(state: UiState): SharedState {
  const { selected, filter, colorMode, sizeMetric, camera, ego, pathTarget, levels, showUnstable, people } = state;
  return { selected, filter, colorMode, sizeMetric, camera, ego, pathTarget, levels, showUnstable, people };
}
