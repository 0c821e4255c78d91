/**
 * GraphML for Cytoscape, yEd and networkx: one typed <key> per attribute (string/int/double/boolean; lists "|"-joined,
 * objects flattened as in columns.ts), graph-level keys for the build metadata and the export provenance.
 *
 * Direction: papergraph's graph is mixed (authored/about are directed, coauthor/related undirected). GraphML allows a
 * per-edge `directed` flag, but networkx's reader raises on a file that mixes them, so a mixed selection is written
 * with edgedefault="undirected" (source/target order kept) and the direction in an edge key `directed`.
 */
import { buildTable, cellText, EDGE_COLUMN_ORDER, NODE_COLUMN_ORDER, type ColumnType, type Table } from "./columns";
import { provenanceText } from "./provenance";
import type { Selection } from "./selection";
import type { Provenance } from "./types";
import { xmlAttr, xmlText } from "./xml";

const GRAPHML_TYPE: Record<ColumnType, string> = { string: "string", integer: "int", double: "double", boolean: "boolean" };

interface KeyDef {
  id: string;
  for: "graph" | "node" | "edge";
  name: string;
  type: ColumnType;
}

function graphData(sel: Selection, prov: Provenance): { name: string; type: ColumnType; value: string }[] {
  const rows: { name: string; type: ColumnType; value: string }[] = [];
  for (const [k, v] of Object.entries(sel.graphAttributes as unknown as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    if (typeof v === "string") rows.push({ name: k, type: "string", value: v });
    else if (typeof v === "boolean") rows.push({ name: k, type: "boolean", value: String(v) });
    else if (typeof v === "number") {
      if (!Number.isFinite(v)) continue;
      rows.push({ name: k, type: Number.isInteger(v) && Math.abs(v) <= 2147483647 ? "integer" : "double", value: String(v) });
    } else rows.push({ name: k, type: "string", value: JSON.stringify(v) });
  }
  rows.push(
    { name: "export.generator", type: "string", value: prov.generator },
    { name: "export.exportedAt", type: "string", value: prov.exportedAt },
    { name: "export.scope", type: "string", value: sel.scope },
    { name: "export.inputFiles", type: "string", value: prov.inputFiles.join("|") },
    { name: "export.options", type: "string", value: JSON.stringify(prov.options) },
    { name: "export.filter", type: "string", value: prov.filter === "whole graph" ? "whole graph" : JSON.stringify(prov.filter) },
    { name: "export.description", type: "string", value: provenanceText(prov, { nodes: sel.nodes.length, edges: sel.edges.length }) },
  );
  return rows;
}

function dataLines(table: Table, i: number, ids: Map<string, string>, indent: string): string[] {
  const row = table.rows[i]!;
  const lines: string[] = [];
  for (const c of table.columns) {
    const v = row.get(c.name);
    if (v === null || v === undefined) continue;
    lines.push(`${indent}<data key="${ids.get(c.name)!}">${xmlText(cellText(v))}</data>`);
  }
  return lines;
}

export function writeGraphml(sel: Selection, prov: Provenance): string {
  const nodeTable = buildTable(sel.nodes.map((n) => n.attributes as unknown as Record<string, unknown>), { listSep: "|", order: NODE_COLUMN_ORDER });
  const anyUndirected = sel.edges.some((e) => e.undirected);
  const anyDirected = sel.edges.some((e) => !e.undirected);
  const mixed = anyUndirected && anyDirected;
  const edgeRecords = sel.edges.map((e) => (mixed ? { ...e.attributes, directed: !e.undirected } : e.attributes) as unknown as Record<string, unknown>);
  const edgeTable = buildTable(edgeRecords, { listSep: "|", order: EDGE_COLUMN_ORDER });
  const gData = graphData(sel, prov);

  const keys: KeyDef[] = [];
  const gIds = new Map<string, string>(), nIds = new Map<string, string>(), eIds = new Map<string, string>();
  for (const g of gData) {
    const id = `g${gIds.size}`;
    gIds.set(g.name, id);
    keys.push({ id, for: "graph", name: g.name, type: g.type });
  }
  for (const c of nodeTable.columns) {
    const id = `n${nIds.size}`;
    nIds.set(c.name, id);
    keys.push({ id, for: "node", name: c.name, type: c.type });
  }
  for (const c of edgeTable.columns) {
    const id = `e${eIds.size}`;
    eIds.set(c.name, id);
    keys.push({ id, for: "edge", name: c.name, type: c.type });
  }

  const edgedefault = mixed || !anyDirected ? "undirected" : "directed";
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...keys.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${xmlAttr(k.name)}" attr.type="${GRAPHML_TYPE[k.type]}"/>`),
    `  <graph id="papergraph" edgedefault="${edgedefault}">`,
    ...gData.map((g) => `    <data key="${gIds.get(g.name)!}">${xmlText(g.value)}</data>`),
  ];
  sel.nodes.forEach((n, i) => {
    out.push(`    <node id="${xmlAttr(n.key)}">`, ...dataLines(nodeTable, i, nIds, "      "), `    </node>`);
  });
  sel.edges.forEach((e, i) => {
    out.push(
      `    <edge id="${xmlAttr(e.key)}" source="${xmlAttr(e.source)}" target="${xmlAttr(e.target)}">`,
      ...dataLines(edgeTable, i, eIds, "      "),
      `    </edge>`,
    );
  });
  out.push(`  </graph>`, `</graphml>`, ``);
  return out.join("\n");
}
