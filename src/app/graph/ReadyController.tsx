/**
 * Renders nothing. After the renderer's first frame, hands the app the few renderer-backed operations it needs
 * (so panels never hold sigma): the camera state and a PNG capture.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import type { CameraView } from "../state/ui-state";
import { capturePng, type Capture, type CaptureOptions } from "./capture-png";
import type { LabelHits } from "./LabelLayer";

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
  /** Nodes sigma currently draws (not hidden by the reducers). */
  renderedNodeCount(): number;
  /** Where a node is drawn, in page (CSS pixel) coordinates; null for an unknown node. For browser tests. */
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
    // Counted once per full processing: the app reads it on every state change (camera reports included), and a
    // pass over a 24k-node graph's display data each time showed up in pan profiles. Hidden flags only change on a
    // full refresh (a partial one never changes what the lens shows: refresh-plan.ts), which always reprocesses.
    let renderedCount: number | null = null;
    const invalidate = () => {
      renderedCount = null;
    };
    sigma.on("afterProcess", invalidate);
    const api: GraphApi = {
      camera: () => {
        const s = sigma.getCamera().getState();
        return { x: s.x, y: s.y, ratio: s.ratio, angle: s.angle };
      },
      renderedNodeCount: () => (renderedCount ??= sigma.getGraph().filterNodes((n) => !sigma.getNodeDisplayData(n)?.hidden).length),
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
    let done = false;
    const onRender = () => {
      if (done) return;
      done = true;
      onReady(api);
    };
    sigma.on("afterRender", onRender);
    // A frame may already have been drawn before this effect subscribed.
    sigma.scheduleRender();
    return () => {
      sigma.off("afterRender", onRender);
      sigma.off("afterProcess", invalidate);
    };
  }, [sigma, onReady, hits]);
  return null;
}
