/**
 * Drawing a label frame (label-layout.ts) on a 2D canvas: node labels with a halo in the theme's background, the
 * selected / hovered node's label on a box, cluster names in their group's colour made legible on the background.
 * Shared by the canvas layer and the PNG capture. No sigma here.
 */
import type { Look } from "../../model/appearance";
import { legibleOn } from "../../model/appearance";
import { LABEL_FONT_FAMILY, type FrameLabel } from "./label-layout";

export function drawFrameLabels(ctx: CanvasRenderingContext2D, labels: readonly FrameLabel[], look: Look): void {
  ctx.save();
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.lineJoin = "round";
  // Cluster names first (under the node labels they never overlap anyway), then the rest.
  const ordered = [...labels].sort((a, b) => Number(b.kind === "cluster") - Number(a.kind === "cluster"));
  for (const l of ordered) {
    ctx.globalAlpha = l.alpha;
    ctx.font = `${l.weight} ${l.fontSize}px ${LABEL_FONT_FAMILY}`;
    if (l.focus) {
      const b = l.box;
      ctx.fillStyle = look.labelBox;
      ctx.shadowColor = look.name === "dark" ? "rgba(0,0,0,0.6)" : "rgba(0,0,0,0.18)";
      ctx.shadowBlur = 6;
      ctx.beginPath();
      ctx.roundRect?.(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, 4);
      if (!ctx.roundRect) ctx.rect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      ctx.fill();
      ctx.shadowBlur = 0;
      ctx.shadowColor = "transparent";
      ctx.fillStyle = look.label;
      ctx.fillText(l.text, b.x0 + 4, l.textY);
      continue;
    }
    ctx.strokeStyle = look.halo;
    ctx.lineWidth = l.kind === "cluster" ? 4 : 3;
    ctx.strokeText(l.text, l.textX, l.textY);
    ctx.fillStyle = l.kind === "cluster" && l.color ? legibleOn(l.color, look.background) : look.label;
    ctx.fillText(l.text, l.textX, l.textY);
  }
  ctx.restore();
}
