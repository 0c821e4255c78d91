/**
 * What the Export menu draws from: how each node looks (the exporters' "view" scope and the PNG legend), the PNG
 * capture through the renderer, and the labels of the last PNG (for the browser tests). Unless "as shown" is ticked
 * both use the export display (state/display.ts exportDisplay): real colours, no dimming, light.
 */
import { useCallback, useMemo, useRef } from "react";
import { LOOKS } from "../../model/appearance";
import type { VisibleMask } from "../../model/view-filter";
import type { GraphApi } from "../canvas/ReadyController";
import { nodeOnScreen, type DisplayState } from "../canvas/reducers";
import { edgeColor, edgeOfRenderKey, type Appearance } from "../canvas/render-graph";
import type { PaperGraph } from "../data/types";
import type { PngRequest } from "../panels/ExportMenu";
import { exportDisplay } from "./display";
import type { ViewLook } from "./view-look";

export interface PngLabelBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function useExportView(api: GraphApi | null, graph: PaperGraph, visible: VisibleMask, appearance: Appearance, display: DisplayState, viewLook: ViewLook) {
  const plain = useMemo(() => exportDisplay(display), [display]);
  const nodeDisplay = useCallback(
    (key: string, asShown: boolean) => nodeOnScreen(graph, key, visible, appearance, asShown ? display : plain),
    [graph, visible, appearance, display, plain],
  );
  const lastPngLabels = useRef<PngLabelBox[]>([]);
  const capturePng = useCallback(
    async (opts: PngRequest) => {
      if (!api) throw new Error("The graph is not drawn in this browser, so there is no picture to export.");
      const look = LOOKS[opts.dark ? "dark" : "light"];
      const shot = await api.capturePng({
        scale: opts.scale,
        framing: opts.framing,
        display: opts.asShown ? display : plain,
        look,
        edgeColor: (k) => edgeColor(graph, edgeOfRenderKey(k), look),
        clusters: viewLook.clusterLabels,
        legend: opts.legend ? viewLook.legend : null,
      });
      lastPngLabels.current = shot.labels.map((l) => ({ text: l.text, ...l.box }));
      return shot.blob;
    },
    [api, graph, display, plain, viewLook],
  );
  return { nodeDisplay, capturePng, lastPngLabels };
}
