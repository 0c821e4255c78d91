/**
 * SVG for publications: edges as lines (with alpha), nodes as circles with a white stroke, labels as text with a
 * white halo, in the positions, colours and sizes shown on screen; an optional legend; a viewBox fitting the
 * visible nodes and labels. Pure string building.
 *
 * Geometry follows sigma's defaults: graph coordinates are scaled to fit a 1000-unit square (aspect kept) with y
 * pointing up, and node size is a radius in pixels, so sizes read as on screen at the default zoom. Labels: those
 * the app forces, then larger nodes first, skipping any that would overlap a label already placed (sigma's label
 * grid does the same job on screen).
 */
import { parseColor, toHex } from "./color";
import { provenanceText } from "./provenance";
import type { Selection } from "./selection";
import type { LegendItem, Provenance } from "./types";
import { round2, xmlAttr, xmlText } from "./xml";

// Label look mirrors the explorer's sigma settings (src/app/graph/settings.ts: labelFont, labelSize, labelWeight,
// labelColor, labelRenderedSizeThreshold); pure code cannot import app/, so keep the two in step by hand.
const CANVAS = 1000;
const FONT_SIZE = 12;
const FONT_WEIGHT = "500";
const LABEL_COLOR = "#1f2330";
const FONT_FAMILY = "Inter, system-ui, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";
const EDGE_ALPHA = 0.6;
/** sigma hides labels of nodes drawn smaller than this (labelRenderedSizeThreshold). */
const LABEL_SIZE_THRESHOLD = 7;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Rough advance width: wide scripts (CJK, Hangul, emoji) take about a full em, Latin about 0.6 em. */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x0300 && cp <= 0x036f) continue; // combining marks take no room
    w += cp >= 0x1100 ? 1 : 0.6;
  }
  return w * fontSize;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function fill(color: string): { hex: string; alpha: number } {
  const c = parseColor(color);
  return { hex: toHex(c), alpha: c.a };
}

export function writeSvg(sel: Selection, prov: Provenance, legend: LegendItem[]): string {
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

  // Labels.
  const candidates = sel.nodes
    .filter((n) => pos.has(n.key) && n.display.label && (n.display.forceLabel || n.display.size >= LABEL_SIZE_THRESHOLD))
    .sort((a, b) => Number(b.display.forceLabel) - Number(a.display.forceLabel) || b.display.size - a.display.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const placed: Box[] = [];
  const labels: string[] = [];
  for (const n of candidates) {
    const p = pos.get(n.key)!;
    const text = n.display.label!;
    const box = { x0: p.x + p.r + 3, y0: p.y - FONT_SIZE * 0.7, x1: p.x + p.r + 3 + textWidth(text, FONT_SIZE), y1: p.y + FONT_SIZE * 0.35 };
    if (!n.display.forceLabel && placed.some((b) => overlaps(b, box))) continue;
    placed.push(box);
    grow(box);
    labels.push(`<text x="${round2(box.x0)}" y="${round2(p.y + FONT_SIZE / 3)}">${xmlText(text)}</text>`);
  }

  const edges: string[] = [];
  for (const e of sel.edges) {
    const s = pos.get(e.source), t = pos.get(e.target);
    if (!s || !t) continue;
    const c = fill(e.attributes.color);
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
  const legendLines: string[] = [];
  if (legend.length) {
    const rowH = 20;
    const lx = bounds.x1 + 30;
    const ly = bounds.y0;
    const width = Math.max(...legend.map((l) => textWidth(l.label, 13))) + 30;
    legendLines.push(`<g class="legend" font-size="13">`);
    legend.forEach((l, i) => {
      const y = ly + i * rowH;
      legendLines.push(`<circle cx="${round2(lx + 6)}" cy="${round2(y + 6)}" r="6" fill="${fill(l.color).hex}"/>`);
      legendLines.push(`<text x="${round2(lx + 18)}" y="${round2(y + 11)}">${xmlText(l.label)}</text>`);
    });
    legendLines.push(`</g>`);
    grow({ x0: lx, y0: ly, x1: lx + width, y1: ly + legend.length * rowH });
  }
  const vb = [bounds.x0 - pad, bounds.y0 - pad, bounds.x1 - bounds.x0 + 2 * pad, bounds.y1 - bounds.y0 + 2 * pad].map(round2);
  const desc = provenanceText(prov, { nodes: sel.nodes.length, edges: sel.edges.length });

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vb.join(" ")}" width="${vb[2]}" height="${vb[3]}" font-family="${xmlAttr(FONT_FAMILY)}">`,
    `<title>${xmlText(`papergraph (${sel.scope})`)}</title>`,
    `<desc>${xmlText(desc)}</desc>`,
    `<metadata>${xmlText(JSON.stringify(prov))}</metadata>`,
    `<rect x="${vb[0]}" y="${vb[1]}" width="${vb[2]}" height="${vb[3]}" fill="#ffffff"/>`,
    `<g class="edges" stroke-linecap="round">`,
    ...edges,
    `</g>`,
    `<g class="nodes" stroke="#ffffff" stroke-width="1">`,
    ...circles,
    `</g>`,
    `<g class="labels" font-size="${FONT_SIZE}" font-weight="${FONT_WEIGHT}" fill="${LABEL_COLOR}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
    ...labels,
    `</g>`,
    ...legendLines,
    `</svg>`,
    ``,
  ].join("\n");
}
