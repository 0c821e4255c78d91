/**
 * SVG for publications: edges as lines (with alpha), nodes as circles with a stroke in the background colour, labels
 * as text with a halo, cluster names at their groups' centroids, in the positions, colours and sizes of the export
 * (src/exporters/selection.ts); an optional legend listing every group drawn (or "+N more"); a viewBox fitting
 * everything. Pure string building. Light by default (pictures for print); `dark` uses the dark theme.
 *
 * Geometry follows sigma's defaults: graph coordinates are scaled to fit a 1000-unit square (aspect kept) with y
 * pointing up, and node size is a radius in pixels, so sizes read as on screen at the default zoom. Labels follow the
 * explorer's rule (src/model/label-placement.ts): forced labels first, then cluster names, then the larger nodes,
 * none overlapping another; text widths are estimated (no canvas here), on the generous side.
 */
import { groupColor, groupColors, groupModeOf, groupOf, isNoLinks, LOOKS, NONE_COLOR, OTHER_COLOR, type Legend } from "../model/appearance";
import { clusterLabelSpecs, estimateTextWidth, placeLabels, shorten, type Box, type LabelCandidate } from "../model/label-placement";
import { legendLines, legendSize } from "../model/legend-layout";
import { parseColor, toHex } from "./color";
import { provenanceText } from "./provenance";
import type { Selection } from "./selection";
import type { Provenance } from "./types";
import { round2, xmlAttr, xmlText } from "./xml";
import { compareStrings } from "../model/compare";

// Label look mirrors the explorer's (src/app/canvas/label-layout.ts: NODE_LABEL, LABEL_SIZE_THRESHOLD, HUB_SIZE); pure code
// cannot import app/, so keep the two in step by hand.
const CANVAS = 1000;
const FONT_SIZE = 12;
const FONT_WEIGHT = 500;
const CLUSTER_WEIGHT = 600;
const FONT_FAMILY = "Inter, system-ui, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";
const EDGE_ALPHA = 0.6;
const LABEL_SIZE_THRESHOLD = 6;
/** Hubs' names go before the cluster names (label-layout.ts HUB_SIZE). */
const HUB_SIZE = 10;
const LINE = 1.3;

function fill(color: string): { hex: string; alpha: number } {
  const c = parseColor(color);
  return { hex: toHex(c), alpha: c.a };
}

export interface SvgOptions {
  legend: Legend | null;
  /** Cluster names on the map. */
  names: boolean;
  dark: boolean;
}

export function writeSvg(sel: Selection, prov: Provenance, options: SvgOptions): string {
  const look = LOOKS[options.dark ? "dark" : "light"];
  const pts = sel.nodes.filter((n) => Number.isFinite(n.display.x) && Number.isFinite(n.display.y));
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const n of pts) {
    minX = Math.min(minX, n.display.x);
    maxX = Math.max(maxX, n.display.x);
    minY = Math.min(minY, n.display.y);
    maxY = Math.max(maxY, n.display.y);
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  const scale = pts.length && extent > 0 ? CANVAS / extent : 1;
  const pos = new Map<string, { x: number; y: number; r: number }>();
  for (const n of pts) {
    pos.set(n.key, {
      x: (n.display.x - minX) * scale,
      y: (maxY - n.display.y) * scale,
      r: Number.isFinite(n.display.size) && n.display.size > 0 ? n.display.size : 1,
    });
  }

  // Bounds of everything drawn, for the viewBox.
  const bounds: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const grow = (b: Box) => {
    bounds.x0 = Math.min(bounds.x0, b.x0);
    bounds.y0 = Math.min(bounds.y0, b.y0);
    bounds.x1 = Math.max(bounds.x1, b.x1);
    bounds.y1 = Math.max(bounds.y1, b.y1);
  };
  for (const p of pos.values()) grow({ x0: p.x - p.r - 1, y0: p.y - p.r - 1, x1: p.x + p.r + 1, y1: p.y + p.r + 1 });

  // Node labels: forced ones (the selection's neighbourhood of a view "as shown") may move around their node.
  const nodeCands: { c: LabelCandidate; size: number }[] = [];
  for (const n of sel.nodes) {
    const p = pos.get(n.key);
    const label = n.display.label;
    if (!p || !label || !(n.display.forceLabel || n.display.size >= LABEL_SIZE_THRESHOLD)) continue;
    const text = shorten(label, n.display.forceLabel ? 60 : 48);
    nodeCands.push({
      size: n.display.size,
      c: { key: n.key, text, kind: "node", x: p.x, y: p.y, r: p.r, width: estimateTextWidth(text, FONT_SIZE, FONT_WEIGHT), height: FONT_SIZE * LINE, priority: n.display.forceLabel ? 2 : n.display.size >= HUB_SIZE ? 3 : 4, flexible: n.display.forceLabel },
    });
  }
  nodeCands.sort((a, b) => a.c.priority - b.c.priority || b.size - a.size || compareStrings(a.c.key, b.c.key));

  // Cluster names of the grouping the colours show.
  const group = groupModeOf(prov.colorMode);
  const specs = options.names && group ? clusterSpecs(sel, group, pos) : [];
  const clusterCands: LabelCandidate[] = specs.map((s) => ({
    key: `cluster:${s.id}`, text: s.label, kind: "cluster", x: s.x, y: s.y, r: 0,
    width: estimateTextWidth(s.label, s.fontSize, CLUSTER_WEIGHT), height: s.fontSize * LINE, priority: 3.5, flexible: true,
  }));
  const specOf = new Map(specs.map((s) => [`cluster:${s.id}`, s]));
  const { placed } = placeLabels([...nodeCands.map((n) => n.c), ...clusterCands], { padding: 2 });
  const labels: string[] = [];
  const names: string[] = [];
  for (const l of placed) {
    grow(l.box);
    // Text baseline a third of the font size below the middle: close to "middle" in every renderer.
    if (l.kind === "cluster") {
      const s = specOf.get(l.key)!;
      names.push(`<text x="${round2(l.textX)}" y="${round2(l.textY + s.fontSize / 3)}" font-size="${s.fontSize}" fill="${xmlAttr(s.color)}">${xmlText(l.text)}</text>`);
    } else labels.push(`<text x="${round2(l.textX)}" y="${round2(l.textY + FONT_SIZE / 3)}">${xmlText(l.text)}</text>`);
  }

  const edges: string[] = [];
  for (const e of sel.edges) {
    const s = pos.get(e.source), t = pos.get(e.target);
    if (!s || !t) continue;
    const c = fill(look.edges[e.attributes.kind] ?? e.attributes.color);
    const w = Number.isFinite(e.attributes.size) && e.attributes.size > 0 ? e.attributes.size : 1;
    edges.push(`<line x1="${round2(s.x)}" y1="${round2(s.y)}" x2="${round2(t.x)}" y2="${round2(t.y)}" stroke="${c.hex}" stroke-opacity="${round2(EDGE_ALPHA * c.alpha)}" stroke-width="${round2(w)}"/>`);
  }
  const circles: string[] = [];
  for (const n of sel.nodes) {
    const p = pos.get(n.key);
    if (!p) continue;
    const c = fill(n.display.color);
    circles.push(`<circle cx="${round2(p.x)}" cy="${round2(p.y)}" r="${round2(p.r)}" fill="${c.hex}"${c.alpha < 1 ? ` fill-opacity="${round2(c.alpha)}"` : ""}><title>${xmlText(n.attributes.label ?? n.key)}</title></circle>`);
  }

  if (!Number.isFinite(bounds.x0)) Object.assign(bounds, { x0: 0, y0: 0, x1: 100, y1: 100 });
  const pad = 10;
  const legendOut: string[] = [];
  if (options.legend) {
    const lines = legendLines(options.legend, { x: bounds.x1 + 20, y: bounds.y0 });
    const box = legendSize(lines, (t, bold) => estimateTextWidth(t, 13, bold ? 600 : 400));
    legendOut.push(`<g class="legend" font-size="13">`);
    legendOut.push(`<rect x="${round2(box.x)}" y="${round2(box.y)}" width="${round2(box.width)}" height="${round2(box.height)}" fill="${look.panel}" stroke="${look.panelLine}"/>`);
    lines.forEach((l, i) => {
      if (l.gradient) {
        const id = `legend-gradient-${i}`;
        const stops = l.gradient.stops.map((c, j, all) => `<stop offset="${round2(j / Math.max(1, all.length - 1))}" stop-color="${c}"/>`).join("");
        legendOut.push(`<defs><linearGradient id="${id}">${stops}</linearGradient></defs>`);
        legendOut.push(`<rect x="${round2(l.x)}" y="${round2(l.y - 5)}" width="${l.gradient.width}" height="10" fill="url(#${id})"/>`);
      } else if (l.swatch) legendOut.push(`<circle cx="${round2(l.x + 6)}" cy="${round2(l.y)}" r="6" fill="${fill(l.swatch).hex}"/>`);
      if (l.text) legendOut.push(`<text x="${round2(l.textX)}" y="${round2(l.y + 13 / 3)}" fill="${look.label}"${l.bold ? ` font-weight="600"` : ""}>${xmlText(l.text)}</text>`);
    });
    legendOut.push(`</g>`);
    grow({ x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height });
  }
  const vb = [bounds.x0 - pad, bounds.y0 - pad, bounds.x1 - bounds.x0 + 2 * pad, bounds.y1 - bounds.y0 + 2 * pad].map(round2);
  const desc = provenanceText(prov, { nodes: sel.nodes.length, edges: sel.edges.length });

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vb.join(" ")}" width="${vb[2]}" height="${vb[3]}" font-family="${xmlAttr(FONT_FAMILY)}">`,
    `<title>${xmlText(`papergraph (${sel.scope})`)}</title>`,
    `<desc>${xmlText(desc)}</desc>`,
    `<metadata>${xmlText(JSON.stringify(prov))}</metadata>`,
    `<rect x="${vb[0]}" y="${vb[1]}" width="${vb[2]}" height="${vb[3]}" fill="${look.background}"/>`,
    `<g class="edges" stroke-linecap="round">`,
    ...edges,
    `</g>`,
    `<g class="nodes" stroke="${look.background}" stroke-width="1">`,
    ...circles,
    `</g>`,
    `<g class="cluster-names" font-weight="${CLUSTER_WEIGHT}" stroke="${look.halo}" stroke-width="4" stroke-linejoin="round" paint-order="stroke" opacity="0.9">`,
    ...names,
    `</g>`,
    `<g class="labels" font-size="${FONT_SIZE}" font-weight="${FONT_WEIGHT}" fill="${look.label}" stroke="${look.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
    ...labels,
    `</g>`,
    ...legendOut,
    `</svg>`,
    ``,
  ].join("\n");
}

/** Cluster-name specs in SVG coordinates, for the groups with their own colour (see model/label-placement.ts). */
function clusterSpecs(sel: Selection, group: "community" | "topicCluster", pos: Map<string, { x: number; y: number }>) {
  const table = (group === "community" ? sel.graphAttributes.communities : sel.graphAttributes.topicClusters) ?? {};
  const colors = groupColors(table);
  const members = [];
  for (const n of sel.nodes) {
    const p = pos.get(n.key);
    if (p) members.push({ group: groupOf(n.attributes, group), x: p.x, y: p.y });
  }
  return clusterLabelSpecs(members, (id) => {
    const info = table[String(id)];
    const color = groupColor(colors, id);
    if (!info || isNoLinks(info) || color === OTHER_COLOR || color === NONE_COLOR) return null;
    return { label: shorten(info.label, 40), color };
  });
}
