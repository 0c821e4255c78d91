/**
 * Renders nothing. Reports camera moves to the store (debounced and held until a drag is released: the URL is
 * replaced, not pushed), applies a camera that arrives from outside (a link, back/forward), and answers focus
 * requests by framing the requested nodes.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect, useRef, type Dispatch } from "react";
import type { CameraView, UiAction, UiState } from "../state/ui-state";
import { fitCamera, sameView } from "./camera-fit";

const REPORT_DELAY_MS = 250;
const ANIMATION_MS = 450;

export function CameraController(props: { camera: CameraView | null; focus: UiState["focus"]; dispatch: Dispatch<UiAction> }) {
  const { camera, focus, dispatch } = props;
  const sigma = useSigma();
  const reported = useRef<CameraView | null>(null);
  const applied = useRef(false);
  const rendered = useRef(false);

  useEffect(() => {
    const onRender = () => {
      rendered.current = true;
    };
    sigma.on("afterRender", onRender);
    return () => {
      sigma.off("afterRender", onRender);
    };
  }, [sigma]);

  useEffect(() => {
    const cam = sigma.getCamera();
    const captor = sigma.getMouseCaptor();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Not while the button is still down: on a large graph a drag's frames can be further apart than the delay,
        // and each report re-renders the whole app in the middle of the gesture. The release reports it.
        if (captor.isMouseDown) return;
        pending = false;
        const s = cam.getState();
        const view = { x: s.x, y: s.y, ratio: s.ratio, angle: s.angle };
        reported.current = view;
        dispatch({ type: "setCamera", camera: view });
      }, REPORT_DELAY_MS);
    };
    const onUpdate = () => {
      pending = true;
      arm();
    };
    const onRelease = () => {
      if (pending) arm();
    };
    cam.on("updated", onUpdate);
    captor.on("mouseup", onRelease);
    return () => {
      cam.off("updated", onUpdate);
      captor.off("mouseup", onRelease);
      clearTimeout(timer);
    };
  }, [sigma, dispatch]);

  useEffect(() => {
    if (!camera) return;
    if (reported.current && sameView(camera, reported.current)) return;
    const cam = sigma.getCamera();
    if (sameView(cam.getState(), camera)) return;
    reported.current = camera;
    // The first camera (from a link) is set at once; later ones (back/forward) glide.
    if (!applied.current) cam.setState(camera);
    else cam.animate(camera, { duration: ANIMATION_MS });
    applied.current = true;
  }, [sigma, camera]);

  useEffect(() => {
    if (!focus) return;
    const frame = () => {
      const points = focus.keys.filter((k) => sigma.getGraph().hasNode(k)).map((k) => sigma.getNodeDisplayData(k)).filter((d) => d !== undefined);
      const target = fitCamera(points, sigma.getCamera().getState().ratio);
      if (target) sigma.getCamera().animate(target, { duration: ANIMATION_MS });
    };
    // Display data holds normalised coordinates only once sigma has processed the graph (its first render).
    if (rendered.current) {
      frame();
      return;
    }
    sigma.once("afterRender", frame);
    return () => {
      sigma.off("afterRender", frame);
    };
  }, [sigma, focus]);

  return null;
}
