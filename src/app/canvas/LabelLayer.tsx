/**
 * Renders nothing. Takes over sigma's label drawing so that labels never overlap:
 * - sigma still chooses the resting candidates with its label grid (settings.ts: labelDensity, labelGridCellSize) and
 *   the forced ones (the lit neighbourhood), but its label drawer (labelSettings, in sigma's first settings) only
 *   collects them during a frame;
 * - after the frame, label-layout.ts places them (with the cluster names of the view) and label-draw.ts paints them
 *   on sigma's labels canvas; lit labels without room are reported (onOverflow) for the explorer to list;
 * - sigma's hover drawer draws a halo ring only: the hovered node's label is one of ours, so it cannot cover others.
 * The boxes drawn last are kept in `hits` (cluster-name clicks, test hooks). Overlays on the stage marked
 * `data-blocks-labels` (legend, lists, camera buttons) keep labels out from under them.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect, useRef } from "react";
import type { Settings } from "sigma/settings";
import type { Look } from "../../model/appearance";
import type { Box, ClusterLabelSpec } from "../../model/label-placement";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../data/types";
import { drawFrameLabels } from "./label-draw";
import { canvasMeasure, layoutFrame, nodeCandidates, type FrameLabel, type NodeLabelEntry } from "./label-layout";
import type { DisplayState } from "./reducers";

/** What was drawn last, in CSS pixels relative to the graph container. */
export interface LabelHits {
  current: FrameLabel[];
}

export interface LabelLayerProps {
  display: DisplayState;
  hovered: string | null;
  clusters: readonly ClusterLabelSpec[];
  look: Look;
  hits: LabelHits;
  onOverflow: (keys: string[]) => void;
  /** Changes when an overlay that blocks labels appears or goes (the overflow list): the next frame avoids it. */
  overlays?: string;
}

/** Boxes of the stage's overlays that hide the canvas, relative to the graph container. */
function overlayBoxes(container: HTMLElement): Box[] {
  const stage = container.closest("[data-testid=graph-stage]") ?? container.parentElement;
  if (!stage) return [];
  const origin = container.getBoundingClientRect();
  return [...stage.querySelectorAll("[data-blocks-labels]")].map((el) => {
    const r = el.getBoundingClientRect();
    return { x0: r.left - origin.left, y0: r.top - origin.top, x1: r.right - origin.left, y1: r.bottom - origin.top };
  });
}

/**
 * What sigma's label drawers share with the layer: the candidates collected during a frame and the theme. Made before
 * sigma starts (GraphView puts labelSettings into its first settings), so the first frame already collects its labels
 * and no setting changes afterwards (sigma reprocesses the whole graph on every setSetting).
 */
export interface LabelDrawing {
  collected: NodeLabelEntry[];
  look: Look;
}

/** Sigma settings that hand the labels to the layer: the label drawer only collects; the hover drawer draws a halo ring. */
export function labelSettings(drawing: LabelDrawing): Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> {
  return {
    defaultDrawNodeLabel: (_ctx, data) => {
      drawing.collected.push({ key: data.key, label: data.label, x: data.x, y: data.y, size: data.size, forceLabel: data.forceLabel === true });
    },
    defaultDrawNodeHover: (ctx, data) => {
      const look = drawing.look;
      ctx.save();
      ctx.fillStyle = look.labelBox;
      ctx.shadowColor = look.name === "dark" ? "rgba(0,0,0,0.7)" : "rgba(0,0,0,0.25)";
      ctx.shadowBlur = 8;
      ctx.beginPath();
      ctx.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
      ctx.fill();
      ctx.restore();
    },
  };
}

export function LabelLayer(props: LabelLayerProps & { drawing: LabelDrawing }) {
  const sigma = useSigma<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const latest = useRef(props);
  latest.current = props;
  props.drawing.look = props.look;
  // What the last frame painted: a frame drawn since a change (a new render graph's, in the same commit) painted it.
  const { clusters, hovered, overlays } = props;
  const drawnWith = useRef({ clusters, hovered, overlays });

  useEffect(() => {
    const collected = latest.current.drawing.collected;
    let lastOverflow = "";
    let measure: ReturnType<typeof canvasMeasure> | null = null;
    const onBefore = () => {
      collected.length = 0;
    };
    const onAfter = () => {
      const p = latest.current;
      drawnWith.current = { clusters: p.clusters, hovered: p.hovered, overlays: p.overlays };
      const canvas = sigma.getCanvases().labels;
      const ctx = canvas?.getContext("2d");
      if (!ctx) return;
      measure ??= canvasMeasure(ctx);
      const { width, height } = sigma.getDimensions();
      const ds = p.display;
      const roles = { selected: ds.selected, hovered: p.hovered, path: ds.path.nodes, lit: ds.highlight ? ds.highlight.nodes : null };
      const clusters = p.clusters.map((spec) => ({ spec, ...sigma.graphToViewport({ x: spec.x, y: spec.y }) }));
      const bounds: Box = { x0: 0, y0: 0, x1: width, y1: height };
      const frame = layoutFrame(nodeCandidates(collected, roles, measure), clusters, { bounds, cameraRatio: sigma.getCamera().getState().ratio, measure, blocked: overlayBoxes(sigma.getContainer()) });
      drawFrameLabels(ctx, frame.labels, p.look);
      p.hits.current = frame.labels;
      const overflow = frame.unplacedLit.join("\n");
      if (overflow !== lastOverflow) {
        lastOverflow = overflow;
        p.onOverflow(frame.unplacedLit);
      }
    };
    sigma.on("beforeRender", onBefore);
    sigma.on("afterRender", onAfter);
    // Sigma drew its first frame before this effect ran (collecting its labels): place and paint them now, on that
    // frame's cleared label canvas, instead of drawing the whole graph a second time.
    onAfter();
    return () => {
      sigma.off("beforeRender", onBefore);
      sigma.off("afterRender", onAfter);
    };
  }, [sigma]);

  // Cluster names and the hovered key are not reducer state: a change needs a new frame, not a refresh. Only a change
  // no frame has painted yet: the first frame's labels were painted above (and React's development mode runs effects
  // twice on mount), and a corrected graph's render graph is drawn in this commit already (RenderController runs first).
  useEffect(() => {
    const last = drawnWith.current;
    if (last.clusters === clusters && last.hovered === hovered && last.overlays === overlays) return;
    drawnWith.current = { clusters, hovered, overlays };
    sigma.scheduleRender();
  }, [sigma, clusters, hovered, overlays]);

  return null;
}
