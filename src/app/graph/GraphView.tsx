/**
 * The graph canvas: the only component that creates a sigma renderer (inside SigmaContainer, when it mounts; never
 * at module load). Children are controllers that render nothing, plus the camera buttons.
 */
import "@react-sigma/core/lib/style.css";
import { SigmaContainer } from "@react-sigma/core";
import type { Dispatch } from "react";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, PaperGraph } from "../data/types";
import type { CameraView, UiAction, UiState } from "../state/ui-state";
import { CameraButtons } from "./CameraButtons";
import { CameraController } from "./CameraController";
import { EventsController } from "./EventsController";
import { ReadyController, type GraphApi } from "./ReadyController";
import { ReducersController } from "./ReducersController";
import type { DisplayState } from "./reducers";
import { SIGMA_SETTINGS } from "./settings";

export interface GraphViewProps {
  graph: PaperGraph;
  display: DisplayState;
  camera: CameraView | null;
  focus: UiState["focus"];
  dispatch: Dispatch<UiAction>;
  onReady: (api: GraphApi) => void;
}

export function GraphView({ graph, display, camera, focus, dispatch, onReady }: GraphViewProps) {
  return (
    <SigmaContainer<NodeAttributes, EdgeAttributes, GraphAttributes>
      graph={graph}
      settings={SIGMA_SETTINGS}
      className="graph-canvas"
    >
      <ReducersController display={display} />
      <EventsController dispatch={dispatch} />
      <CameraController camera={camera} focus={focus} dispatch={dispatch} />
      <ReadyController onReady={onReady} />
      <CameraButtons />
    </SigmaContainer>
  );
}
