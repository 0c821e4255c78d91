/**
 * Renders nothing. Pointer events on the graph -> UI actions (hover lights up, click selects, click on empty stage
 * clears). Hover is held back while a button is down or the camera moves (drag, wheel, animation): the pointer sweeps
 * over many nodes then, and each hover change re-runs the reducers. The last hover is applied once the gesture ends.
 */
import { useRegisterEvents, useSigma } from "@react-sigma/core";
import { useEffect, type Dispatch } from "react";
import type { UiAction } from "../state/ui-state";
import { fromTouch } from "./TouchController";

/** How long after the camera's last update it counts as still moving (wheel ticks arrive ~every 20-50 ms). */
const SETTLE_MS = 120;

export function EventsController({ dispatch, clusterAt, onCluster }: {
  dispatch: Dispatch<UiAction>;
  /** The cluster name drawn at a viewport point (LabelLayer's boxes), or null. */
  clusterAt?: (x: number, y: number) => number | null;
  onCluster?: (id: number) => void;
}) {
  const sigma = useSigma();
  const registerEvents = useRegisterEvents();

  useEffect(() => {
    const container = sigma.getContainer();
    const camera = sigma.getCamera();
    const captor = sigma.getMouseCaptor();
    const touch = sigma.getTouchCaptor();
    let pointed: string | null = null; // the node under the pointer, per sigma's enter/leave events
    let sent: string | null = null; // the hover last dispatched
    let pressed = false;
    let moving = false;
    let settle: ReturnType<typeof setTimeout> | undefined;

    const flush = () => {
      if (pressed || moving || pointed === sent) return;
      sent = pointed;
      dispatch({ type: "hover", key: pointed });
    };
    const press = () => {
      pressed = true;
    };
    const release = () => {
      if (!pressed) return;
      pressed = false;
      flush();
    };
    const onCamera = () => {
      moving = true;
      clearTimeout(settle);
      settle = setTimeout(() => {
        moving = false;
        flush();
      }, SETTLE_MS);
    };
    camera.on("updated", onCamera);
    // The captor's mouseup fires wherever the button is released (it listens on the document), unlike upStage.
    captor.on("mouseup", release);
    touch.on("touchup", release);

    // Taps are TouchController's (nearest node within a fingertip); touch has no hover.
    registerEvents({
      enterNode: (e) => {
        if (fromTouch(e.event.original)) return;
        container.style.cursor = "pointer";
        pointed = e.node;
        flush();
      },
      leaveNode: () => {
        container.style.cursor = "";
        pointed = null;
        flush();
      },
      downNode: press,
      downStage: press,
      upNode: release,
      upStage: release,
      clickNode: (e) => {
        if (!fromTouch(e.event.original)) dispatch({ type: "select", key: e.node });
      },
      clickStage: (e) => {
        const cluster = clusterAt?.(e.event.x, e.event.y) ?? null;
        if (cluster !== null && onCluster) onCluster(cluster);
        else if (!fromTouch(e.event.original)) dispatch({ type: "select", key: null });
      },
      moveBody: (e) => {
        if (pointed === null && clusterAt) container.style.cursor = clusterAt(e.event.x, e.event.y) !== null ? "pointer" : "";
      },
    });
    return () => {
      camera.off("updated", onCamera);
      captor.off("mouseup", release);
      touch.off("touchup", release);
      clearTimeout(settle);
    };
  }, [sigma, registerEvents, dispatch, clusterAt, onCluster]);

  return null;
}
