/**
 * Renders nothing. Once the renderer has drawn its first frame, hands the app the few renderer-backed operations it needs
 * (so panels never hold sigma): the camera state and a PNG capture.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import type { CameraView } from "../state/ui-state";
import { capturePng, type Capture, type CaptureOptions } from "./capture-png";
import type { LabelHits } from "./LabelLayer";
import { countMount } from "../test-hooks";
import { markPhase } from "../phase-marks";

/** A label as drawn, in page (CSS pixel) coordinates. */
export interface DrawnLabel {
  key: string;
  kind: "node" | "cluster";
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface GraphApi {
  camera(): CameraView;
  /** Nodes sigma currently draws (the render graph holds only drawn nodes: render-graph.ts). */
  renderedNodeCount(): number;
  /** Edges sigma currently draws. */
  renderedEdgeCount(): number;
  /** Frames drawn since the renderer started (the first included). */
  renderCount(): number;
  /** Where a node is drawn, in page (CSS pixel) coordinates; null for a node not drawn. For browser tests. */
  pagePosition(key: string): { x: number; y: number } | null;
  /** Colour the renderer draws a node in now (after the reducers), null for an unknown node. For browser tests. */
  nodeColor(key: string): string | null;
  /** Labels and cluster names drawn in the last frame, page coordinates. */
  labels(): DrawnLabel[];
  /** PNG of the view (capture-png.ts, @sigma/export-image loaded on first use). */
  capturePng(opts: CaptureOptions): Promise<Capture>;
}

export function ReadyController({ onReady, hits }: { onReady: (api: GraphApi) => void; hits: LabelHits }) {
  const sigma = useSigma();
  useEffect(() => {
    markPhase("sigma-created");
    countMount("renderer");
    let renders = 1;
    const count = () => {
      renders++;
    };
    sigma.on("afterRender", count);
    const api: GraphApi = {
      camera: () => {
        const s = sigma.getCamera().getState();
        return { x: s.x, y: s.y, ratio: s.ratio, angle: s.angle };
      },
      renderedNodeCount: () => sigma.getGraph().order,
      renderedEdgeCount: () => sigma.getGraph().size,
      renderCount: () => renders,
      capturePng: (opts) => capturePng(sigma as never, opts),
      nodeColor: (key) => (sigma.getGraph().hasNode(key) ? (sigma.getNodeDisplayData(key)?.color ?? null) : null),
      labels: () => {
        const box = sigma.getContainer().getBoundingClientRect();
        return hits.current.map((l) => ({ key: l.key, kind: l.kind, text: l.text, x0: box.left + l.box.x0, y0: box.top + l.box.y0, x1: box.left + l.box.x1, y1: box.top + l.box.y1 }));
      },
      pagePosition: (key) => {
        if (!sigma.getGraph().hasNode(key)) return null;
        const a = sigma.getGraph().getNodeAttributes(key) as { x: number; y: number };
        const p = sigma.graphToViewport({ x: a.x, y: a.y });
        const box = sigma.getContainer().getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
    };
    // Sigma draws its first frame when it is created (SigmaContainer creates it before its children mount), so the
    // frame is there: no extra render to wait for.
    onReady(api);
    return () => {
      sigma.off("afterRender", count);
    };
  }, [sigma, onReady, hits]);
  return null;
}
