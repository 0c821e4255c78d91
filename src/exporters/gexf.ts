/**
 * GEXF 1.3 for Gephi and Gephi Lite, written by hand rather than with graphology-gexf's writer because that writer
 * (0.13) writes 1.3 list attributes as "[a, b]" literals instead of "|"-joined strings, infers a type from the first
 * values (so a column that starts with null may vanish), copies every scalar graph attribute into non-standard <meta>
 * children, and does not strip characters XML forbids. Here every attribute is declared once with a type, lists are
 * "|"-joined strings, viz:position/color/size carry the drawing, and <meta> carries the provenance.
 * graphology-gexf's parser reads the result back (see test/exporters/gexf.test.ts).
 *
 * Direction: papergraph's graph is mixed (authored/about directed, coauthor/related undirected). networkx's reader
 * refuses a file whose edges disagree with `defaultedgetype` ("Undirected edge found in directed graph"), so a mixed
 * selection is written with defaultedgetype="directed" and its undirected edges as type="mutual", GEXF 1.3's word for
 * "both ways": networkx adds them in both directions, Gephi and graphology-gexf (Gephi Lite) read them as undirected.
 * A selection of one kind only (the co-author lens, the topic map) is written as what it is, without edge types.
 */
import { buildTable, cellText, EDGE_COLUMN_ORDER, NODE_COLUMN_ORDER, type Column, type Table } from "./columns";
import { parseColor } from "./color";
import { provenanceText } from "./provenance";
import type { Selection } from "./selection";
import type { Provenance } from "./types";
import { num, xmlAttr, xmlText } from "./xml";

const NODE_NATIVE = new Set(["label", "x", "y", "size", "color"]);
const EDGE_NATIVE = new Set(["weight", "size", "color"]);

function declare(cls: "node" | "edge", columns: Column[]): string[] {
  if (!columns.length) return [];
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...columns.map((c) => `      <attribute id="${xmlAttr(c.name)}" title="${xmlAttr(c.name)}" type="${c.type}"/>`),
    `    </attributes>`,
  ];
}

function attvalues(table: Table, i: number, indent: string): string[] {
  const row = table.rows[i]!;
  const lines: string[] = [];
  for (const c of table.columns) {
    const v = row.get(c.name);
    if (v === null || v === undefined) continue;
    lines.push(`${indent}  <attvalue for="${xmlAttr(c.name)}" value="${xmlAttr(cellText(v))}"/>`);
  }
  return lines.length ? [`${indent}<attvalues>`, ...lines, `${indent}</attvalues>`] : [];
}

function vizColor(color: unknown, indent: string): string {
  const { r, g, b, a } = parseColor(color);
  return `${indent}<viz:color r="${r}" g="${g}" b="${b}"${a < 1 ? ` a="${Math.round(a * 1000) / 1000}"` : ""}/>`;
}

/** xsd:date from the caller's ISO timestamp; null when it is not one. */
function isoDate(s: string): string | null {
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

export function writeGexf(sel: Selection, prov: Provenance): string {
  const nodeTable = buildTable(sel.nodes.map((n) => n.attributes as unknown as Record<string, unknown>), {
    listSep: "|",
    order: NODE_COLUMN_ORDER,
    exclude: NODE_NATIVE,
  });
  const edgeTable = buildTable(sel.edges.map((e) => e.attributes as unknown as Record<string, unknown>), {
    listSep: "|",
    order: EDGE_COLUMN_ORDER,
    exclude: EDGE_NATIVE,
  });
  const anyUndirected = sel.edges.some((e) => e.undirected);
  const anyDirected = sel.edges.some((e) => !e.undirected);
  const mixed = anyUndirected && anyDirected;
  const defaultType = anyDirected ? "directed" : "undirected";
  const typeOf = (undirected: boolean) => (mixed ? (undirected ? ` type="mutual"` : "") : "");

  const date = isoDate(prov.exportedAt);
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`,
    `  <meta${date ? ` lastmodifieddate="${date}"` : ""}>`,
    `    <creator>${xmlText(prov.generator)}</creator>`,
    `    <description>${xmlText(provenanceText(prov, { nodes: sel.nodes.length, edges: sel.edges.length }))}</description>`,
    `    <keywords>${xmlText(["papergraph", sel.scope, ...prov.inputFiles].join(", "))}</keywords>`,
    `  </meta>`,
    `  <graph mode="static" defaultedgetype="${defaultType}">`,
    ...declare("node", nodeTable.columns),
    ...declare("edge", edgeTable.columns),
    `    <nodes>`,
  ];
  sel.nodes.forEach((n, i) => {
    const a = n.attributes;
    out.push(`      <node id="${xmlAttr(n.key)}" label="${xmlAttr(a.label ?? "")}">`);
    out.push(...attvalues(nodeTable, i, "        "));
    out.push(vizColor(a.color, "        "));
    const x = num(a.x), y = num(a.y), size = num(a.size);
    if (x !== null && y !== null) out.push(`        <viz:position x="${x}" y="${y}"/>`);
    if (size !== null) out.push(`        <viz:size value="${size}"/>`);
    out.push(`      </node>`);
  });
  out.push(`    </nodes>`, `    <edges>`);
  sel.edges.forEach((e, i) => {
    const a = e.attributes;
    const type = typeOf(e.undirected);
    const weight = num(a.weight);
    out.push(`      <edge id="${xmlAttr(e.key)}" source="${xmlAttr(e.source)}" target="${xmlAttr(e.target)}"${type}${weight !== null ? ` weight="${weight}"` : ""}>`);
    out.push(...attvalues(edgeTable, i, "        "));
    if (a.color !== undefined) out.push(vizColor(a.color, "        "));
    const thickness = num(a.size);
    if (thickness !== null) out.push(`        <viz:thickness value="${thickness}"/>`);
    out.push(`      </edge>`);
  });
  out.push(`    </edges>`, `  </graph>`, `</gexf>`, ``);
  return out.join("\n");
}
