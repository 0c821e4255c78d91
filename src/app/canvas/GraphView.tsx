/**
 * The graph canvas: the only component that creates a sigma renderer (inside SigmaContainer, when it mounts; never
 * at module load). Sigma starts on the render graph of the current lens (render-graph.ts) with the reducers already in
 * its settings, so its first frame is the lens, drawn once: no unfiltered frame, no second full refresh. Children are
 * controllers that render nothing, plus the camera buttons.
 */
import "@react-sigma/core/lib/style.css";
import { SigmaContainer } from "@react-sigma/core";
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch } from "react";
import type { Settings } from "sigma/settings";
import type { Look } from "../../model/appearance";
import type { ClusterLabelSpec } from "../../model/label-placement";
import type { VisibleMask } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";
import type { CameraView, UiAction, UiState } from "../state/ui-state";
import { CameraButtons } from "./CameraButtons";
import { CameraController } from "./CameraController";
import { EventsController } from "./EventsController";
import { LabelLayer, labelSettings, type LabelDrawing, type LabelHits } from "./LabelLayer";
import { ReadyController, type GraphApi } from "./ReadyController";
import { reduceEdge, reduceNode, type DisplayState, type DrawnEdge, type DrawnNode } from "./reducers";
import { RenderController, type DrawnInfo } from "./RenderController";
import { buildRenderGraph, type Appearance, type DrawnSet } from "./render-graph";
import { SIGMA_SETTINGS } from "./settings";
import { TouchController } from "./TouchController";
import { markPhase } from "../phase-marks";
import { loadPageFonts, pageFontsLoaded } from "../page-fonts";

export interface GraphViewProps {
  graph: PaperGraph;
  visible: VisibleMask;
  drawn: DrawnSet;
  appearance: Appearance;
  display: DisplayState;
  camera: CameraView | null;
  focus: UiState["focus"];
  dispatch: Dispatch<UiAction>;
  onReady: (api: GraphApi) => void;
  onDrawn: (info: DrawnInfo) => void;
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

/**
 * Whether the page's fonts have loaded (page-fonts.ts): sigma starts after them, so the first frame is drawn once, at
 * the size the stage keeps, with labels placed in their own font.
 */
function useFontsReady(): boolean {
  const [ready, setReady] = useState(() => pageFontsLoaded());
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadPageFonts().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}

export function GraphView(props: GraphViewProps) {
  const fontsReady = useFontsReady();
  if (fontsReady) markPhase("fonts-ready");
  return fontsReady ? <GraphCanvas {...props} /> : <div className="graph-canvas" aria-busy="true" />;
}

function GraphCanvas(props: GraphViewProps) {
  const { graph, visible, drawn, appearance, display, camera, focus, dispatch, onReady, onDrawn } = props;
  const { hovered, clusters, look, onLabelOverflow, onCluster, overlays } = props;
  // The first render graph and the reducers' view of the UI state exist before sigma does, so its first frame is final.
  const [initial] = useState(() => {
    markPhase("render-graph-start");
    const first = { graph: buildRenderGraph(graph, drawn, appearance), drawn, appearance };
    markPhase("render-graph-built");
    return first;
  });
  const displayRef = useRef(display);
  // The label drawers are in the first settings too: changing a setting later makes sigma reprocess the whole graph.
  const [drawing] = useState<LabelDrawing>(() => ({ collected: [], look }));
  const settings = useMemo(
    () =>
      ({
        ...SIGMA_SETTINGS,
        ...labelSettings(drawing),
        nodeReducer: (key: string, data: DrawnNode) => reduceNode(key, data, displayRef.current),
        edgeReducer: (key: string, data: DrawnEdge) => reduceEdge(key, data, displayRef.current),
      }) as unknown as Partial<Settings>,
    [drawing],
  );
  const hits = useMemo<LabelHits>(() => ({ current: [] }), []);
  const clusterAt = useCallback(
    (x: number, y: number) => {
      const hit = hits.current.find((l) => l.kind === "cluster" && x >= l.box.x0 && x <= l.box.x1 && y >= l.box.y0 && y <= l.box.y1);
      return hit ? Number(hit.key.slice("cluster:".length)) : null;
    },
    [hits],
  );
  return (
    <SigmaContainer graph={initial.graph} settings={settings} className="graph-canvas">
      <RenderController graph={graph} visible={visible} drawn={drawn} appearance={appearance} display={display} displayRef={displayRef} initial={initial} onDrawn={onDrawn} />
      <LabelLayer drawing={drawing} display={display} hovered={hovered} clusters={clusters} look={look} hits={hits} onOverflow={onLabelOverflow} overlays={overlays} />
      <EventsController dispatch={dispatch} clusterAt={clusterAt} onCluster={onCluster} />
      <TouchController dispatch={dispatch} />
      <CameraController camera={camera} focus={focus} dispatch={dispatch} />
      <ReadyController onReady={onReady} hits={hits} />
      <CameraButtons />
    </SigmaContainer>
  );
}
