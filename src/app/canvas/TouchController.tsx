/**
 * Renders nothing. Taps select the node under the finger (touch-pick.ts: the disc tapped, else the nearest within a
 * fingertip's reach) instead of sigma's exact-pixel picking; a tap on empty stage clears the selection. Pinch-zoom and
 * one-finger panning are sigma's own touch captor; the stage sets touch-action: none so the page does not zoom instead.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect, type Dispatch } from "react";
import type { TouchCoords } from "sigma/types";
import type { UiAction } from "../state/ui-state";
import { pickNode, type DrawnNode } from "./touch-pick";

/** Whether a sigma pointer event came from a touch screen (the tap is handled here, not as a click). */
export function fromTouch(original: unknown): boolean {
  return typeof original === "object" && original !== null && ("touches" in original || "changedTouches" in original);
}

export function TouchController({ dispatch }: { dispatch: Dispatch<UiAction> }) {
  const sigma = useSigma();
  useEffect(() => {
    const touch = sigma.getTouchCaptor();
    const onTap = (e: TouchCoords) => {
      const at = e.touches[0] ?? e.previousTouches[0];
      if (!at) return;
      const drawn: DrawnNode[] = [];
      sigma.getGraph().forEachNode((key) => {
        const d = sigma.getNodeDisplayData(key);
        if (!d || d.hidden) return;
        const p = sigma.framedGraphToViewport(d);
        drawn.push({ key, x: p.x, y: p.y, r: sigma.scaleSize(d.size), z: d.zIndex ?? 0 });
      });
      dispatch({ type: "select", key: pickNode(drawn, at) });
    };
    touch.on("tap", onTap);
    return () => {
      touch.off("tap", onTap);
    };
  }, [sigma, dispatch]);
  return null;
}
