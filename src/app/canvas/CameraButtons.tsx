/** Zoom in / out / fit-all buttons over the graph (the wheel and drag work too; these are for keyboard users). */
import { useCamera } from "@react-sigma/core";

export function CameraButtons() {
  const { zoomIn, zoomOut, reset } = useCamera({ duration: 250, factor: 1.5 });
  return (
    <div className="camera-buttons" role="group" aria-label="Camera" data-blocks-labels>
      <button type="button" onClick={() => zoomIn()} aria-label="Zoom in" title="Zoom in">+</button>
      <button type="button" onClick={() => zoomOut()} aria-label="Zoom out" title="Zoom out">−</button>
      <button type="button" onClick={() => reset()} aria-label="Show the whole graph" title="Show the whole graph">⤢</button>
    </div>
  );
}
