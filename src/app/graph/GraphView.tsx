/**
 * The graph canvas: the only component that creates a sigma renderer (inside SigmaContainer, when it mounts; never
 * at module load). Children are controllers that render nothing, plus the camera buttons.
 */
import "@react-sigma/core/lib/style.css";
import { SigmaContainer } from "@react-sigma/core";
import { useCallback, useMemo, type Dispatch } from "react";
import type { Look } from "../../model/appearance";
import type { ClusterLabelSpec } from "../../model/label-placement";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, PaperGraph } from "../data/types";
import type { CameraView, UiAction, UiState } from "../state/ui-state";
import { CameraButtons } from "./CameraButtons";
import { CameraController } from "./CameraController";
import { EventsController } from "./EventsController";
import { LabelLayer, type LabelHits } from "./LabelLayer";
import { ReadyController, type GraphApi } from "./ReadyController";
import { ReducersController } from "./ReducersController";
import type { DisplayState } from "./reducers";
import { SIGMA_SETTINGS } from "./settings";
import { TouchController } from "./TouchController";

export interface GraphViewProps {
  graph: PaperGraph;
  display: DisplayState;
  camera: CameraView | null;
  focus: UiState["focus"];
  dispatch: Dispatch<UiAction>;
  onReady: (api: GraphApi) => void;
  hovered: string | null;
  /** Names of the groups that colour the view, drawn at their centroids. */
  clusters: readonly ClusterLabelSpec[];
  look: Look;
  /** Lit nodes whose labels found no room (listed by the explorer). */
  onLabelOverflow: (keys: string[]) => void;
  /** A cluster name on the canvas was clicked. */
  onCluster: (id: number) => void;
  /** Which label-blocking overlays are shown (LabelLayer redraws when it changes). */
  overlays?: string;
}

export function GraphView({ graph, display, camera, focus, dispatch, onReady, hovered, clusters, look, onLabelOverflow, onCluster, overlays }: GraphViewProps) {
  const hits = useMemo<LabelHits>(() => ({ current: [] }), []);
  const clusterAt = useCallback(
    (x: number, y: number) => {
      const hit = hits.current.find((l) => l.kind === "cluster" && x >= l.box.x0 && x <= l.box.x1 && y >= l.box.y0 && y <= l.box.y1);
      return hit ? Number(hit.key.slice("cluster:".length)) : null;
    },
    [hits],
  );
  return (
    <SigmaContainer<NodeAttributes, EdgeAttributes, GraphAttributes>
      graph={graph}
      settings={SIGMA_SETTINGS}
      className="graph-canvas"
    >
      <ReducersController display={display} />
      <LabelLayer display={display} hovered={hovered} clusters={clusters} look={look} hits={hits} onOverflow={onLabelOverflow} overlays={overlays} />
      <EventsController dispatch={dispatch} clusterAt={clusterAt} onCluster={onCluster} />
      <TouchController dispatch={dispatch} />
      <CameraController camera={camera} focus={focus} dispatch={dispatch} />
      <ReadyController onReady={onReady} hits={hits} />
      <CameraButtons />
    </SigmaContainer>
  );
}
