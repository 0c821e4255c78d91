/**
 * Lines of a legend box (appearance.ts legendFor) for pictures: the PNG capture draws them on a canvas, the SVG
 * exporter writes them as elements, so both list the same rows, "+N more" and gradient alike. Pure geometry.
 */
import { NONE_COLOR, type Legend, type LegendRow } from "./appearance";

/**
 * The rows a legend with room for `max` rows shows: the largest groups, then always the shared-colour and no-group rows
 * (they explain the greys); `more` counts the rows left out (those cut here and those legendFor already left out).
 */
export function rowsThatFit(legend: Extract<Legend, { kind: "groups" }>, max: number): { shown: LegendRow[]; more: number } {
  const total = legend.rows.length + legend.more;
  if (total <= max) return { shown: legend.rows, more: legend.more };
  const special = legend.rows.filter((r) => r.kind !== "group");
  const groups = legend.rows.filter((r) => r.kind === "group");
  // One row goes to "+N more".
  const shown = [...groups.slice(0, Math.max(0, max - 1 - special.length)), ...special];
  return { shown, more: total - shown.length };
}

export interface LegendLine {
  /** Vertical middle of the line. */
  y: number;
  /** Left edge of the swatch or gradient. */
  x: number;
  text: string;
  textX: number;
  bold?: boolean;
  swatch?: string;
  gradient?: { width: number; stops: readonly string[] };
}

export const LEGEND_ROW = 20;
export const LEGEND_PAD = 10;

/** How many lines fit a picture `height` pixels tall, with the box's padding and a margin. */
export function linesThatFit(height: number, margin = 10): number {
  return Math.floor((height - 2 * margin - 2 * LEGEND_PAD) / LEGEND_ROW);
}
const SWATCH_ROOM = 18;
const GRADIENT_WIDTH = 140;

/**
 * Lines from the box's top-left corner. `maxLines` (a picture's height) caps the group rows: what does not fit is
 * counted in the "+N more" line, so a legend never runs off its picture without saying so.
 */
export function legendLines(legend: Legend, origin: { x: number; y: number }, maxLines = Infinity): LegendLine[] {
  const x = origin.x + LEGEND_PAD;
  let y = origin.y + LEGEND_PAD + LEGEND_ROW / 2;
  const lines: LegendLine[] = [{ x, y, text: legend.title, textX: x, bold: true }];
  const next = () => (y += LEGEND_ROW);
  if (legend.kind === "years") {
    next();
    lines.push({ x, y, text: "", textX: x, gradient: { width: GRADIENT_WIDTH, stops: legend.stops } });
    next();
    lines.push({ x, y, text: legend.min === legend.max ? String(legend.min) : `${legend.min} → ${legend.max}`, textX: x });
    if (legend.undated) {
      next();
      lines.push({ x, y, text: `undated (${legend.undated})`, textX: x + SWATCH_ROOM, swatch: NONE_COLOR });
    }
    return lines;
  }
  // Title, rows, and a "+N more" line when rows are left out.
  const { shown, more } = rowsThatFit(legend, Math.max(1, Math.floor(maxLines) - 1));
  for (const r of shown) {
    next();
    lines.push({ x, y, text: `${r.label} (${r.count})`, textX: x + SWATCH_ROOM, swatch: r.color });
  }
  if (more) {
    next();
    lines.push({ x, y, text: `+${more} more`, textX: x + SWATCH_ROOM });
  }
  return lines;
}

/** The box around the lines, given a text measure. */
export function legendSize(lines: readonly LegendLine[], measure: (text: string, bold: boolean) => number): { x: number; y: number; width: number; height: number } {
  if (!lines.length) return { x: 0, y: 0, width: 0, height: 0 };
  const x = lines[0]!.x - LEGEND_PAD;
  const y = lines[0]!.y - LEGEND_ROW / 2 - LEGEND_PAD;
  let right = x;
  for (const l of lines) right = Math.max(right, l.textX + measure(l.text, l.bold === true), l.gradient ? l.x + l.gradient.width : 0);
  const bottom = lines[lines.length - 1]!.y + LEGEND_ROW / 2;
  return { x, y, width: right - x + LEGEND_PAD, height: bottom - y + LEGEND_PAD };
}
