/**
 * Renders nothing. After the renderer's first frame, hands the app the few renderer-backed operations it needs
 * (so panels never hold sigma): the camera state and a PNG capture.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import type { CameraView } from "../state/ui-state";
import { capturePng } from "./capture-png";

export interface GraphApi {
  camera(): CameraView;
  /** Nodes sigma currently draws (not hidden by the reducers). */
  renderedNodeCount(): number;
  /** Where a node is drawn, in page (CSS pixel) coordinates; null for an unknown node. For browser tests. */
  pagePosition(key: string): { x: number; y: number } | null;
  /** PNG of the current view (capture-png.ts, @sigma/export-image loaded on first use). */
  capturePng(opts: { scale: 1 | 2 | 4; legend: boolean; legendItems: { label: string; color: string }[] }): Promise<Blob>;
}

export function ReadyController({ onReady }: { onReady: (api: GraphApi) => void }) {
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
      capturePng: (opts) => capturePng(sigma, opts),
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
  }, [sigma, onReady]);
  return null;
}
