/**
 * Renders nothing. Takes over sigma's label drawing so that labels never overlap:
 * - sigma still chooses the resting candidates with its label grid (settings.ts: labelDensity, labelGridCellSize) and
 *   the forced ones (the lit neighbourhood), but its label drawer only collects them during a frame;
 * - after the frame, label-layout.ts places them (with the cluster names of the view) and label-draw.ts paints them
 *   on sigma's labels canvas; lit labels without room are reported (onOverflow) for the explorer to list;
 * - sigma's hover drawer draws a halo ring only: the hovered node's label is one of ours, so it cannot cover others.
 * The boxes drawn last are kept in `hits` (cluster-name clicks, test hooks). Overlays on the stage marked
 * `data-blocks-labels` (legend, lists, camera buttons) keep labels out from under them.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect, useRef } from "react";
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

export function LabelLayer(props: LabelLayerProps) {
  const sigma = useSigma<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const collected: NodeLabelEntry[] = [];
    let lastOverflow = "";
    let measure: ReturnType<typeof canvasMeasure> | null = null;
    sigma.setSetting("defaultDrawNodeLabel", (_ctx, data) => {
      collected.push({ key: data.key, label: data.label, x: data.x, y: data.y, size: data.size, forceLabel: data.forceLabel === true });
    });
    sigma.setSetting("defaultDrawNodeHover", (ctx, data) => {
      const look = latest.current.look;
      ctx.save();
      ctx.fillStyle = look.labelBox;
      ctx.shadowColor = look.name === "dark" ? "rgba(0,0,0,0.7)" : "rgba(0,0,0,0.25)";
      ctx.shadowBlur = 8;
      ctx.beginPath();
      ctx.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
      ctx.fill();
      ctx.restore();
    });
    const onBefore = () => {
      collected.length = 0;
    };
    const onAfter = () => {
      const p = latest.current;
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
    sigma.scheduleRender();
    return () => {
      sigma.off("beforeRender", onBefore);
      sigma.off("afterRender", onAfter);
    };
  }, [sigma]);

  // Cluster names and the hovered key are not reducer state: a change needs a new frame, not a refresh.
  const { clusters, hovered, overlays } = props;
  useEffect(() => {
    sigma.scheduleRender();
  }, [sigma, clusters, hovered, overlays]);

  return null;
}
