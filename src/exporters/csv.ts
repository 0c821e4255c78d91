/**
 * CSV: nodes.csv and edges.csv with every attribute, plus export-info.txt with the provenance.
 *
 * Layout (documented for users in the README and the export report):
 *   - RFC 4180: comma separator, CRLF line ends, a field is quoted when it holds a comma, quote, CR or LF, and
 *     quotes inside are doubled. UTF-8 with a byte-order mark, so Excel shows non-Latin scripts; pandas and
 *     papaparse drop the mark.
 *   - nodes.csv: `key`, then the attributes (kind, label, x, y, size, color, ... see columns.ts); lists joined with
 *     " | " (authors, aliases, categories, topics, variants); sources as "file:line | file:line"; an author's
 *     profile as `profile.*` columns; empty cell for null.
 *   - edges.csv: `key, source, target, directed`, the edge attributes, then the endpoint labels for reading.
 *   - A cell starting with = + - @, tab or CR (other than a plain number) gets a leading ' (formula injection).
 * Provenance sits in a separate export-info.txt, not in a leading "# " line: Excel shows such a line as a data row
 * and pandas' `comment="#"` would also cut every cell at a "#" (titles contain "#"), so the CSVs stay plain tables.
 */
import { buildTable, cellText, EDGE_COLUMN_ORDER, NODE_COLUMN_ORDER, type Cell } from "./columns";
import { provenanceText } from "./provenance";
import type { Selection } from "./selection";
import type { ExportFile, Provenance } from "./types";
import { stripIllegalXml } from "./xml";

export const CSV_LIST_SEPARATOR = " | ";
const BOM = "\uFEFF";

// Spreadsheet formula injection (OWASP, "CSV Injection"): Excel, LibreOffice and Google Sheets run a cell that starts
// with = + - @ (or a tab or CR before one) as a formula, e.g. a title "=HYPERLINK(...)". Such cells get a leading
// single quote, which spreadsheets show as text. Plain numbers ("-12.5", coordinates) are no formula and stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function neutraliseFormula(v: string): string {
  return FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? "'" + v : v;
}

export function csvField(v: string): string {
  const safe = neutraliseFormula(v);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(cells: string[]): string {
  return cells.map(csvField).join(",") + "\r\n";
}

// Control characters other than tab/newline break some spreadsheet importers; the same set as XML forbids.
const clean = (c: Cell) => stripIllegalXml(cellText(c));

export function writeCsv(sel: Selection, prov: Provenance): ExportFile[] {
  const nodeTable = buildTable(sel.nodes.map((n) => n.attributes as unknown as Record<string, unknown>), {
    listSep: CSV_LIST_SEPARATOR,
    order: NODE_COLUMN_ORDER,
  });
  let nodes = BOM + csvRow(["key", ...nodeTable.columns.map((c) => c.name)]);
  sel.nodes.forEach((n, i) => {
    const row = nodeTable.rows[i]!;
    nodes += csvRow([stripIllegalXml(n.key), ...nodeTable.columns.map((c) => clean(row.get(c.name) ?? null))]);
  });

  const labelOf = new Map(sel.nodes.map((n) => [n.key, n.attributes.label ?? ""]));
  const edgeTable = buildTable(sel.edges.map((e) => e.attributes as unknown as Record<string, unknown>), {
    listSep: CSV_LIST_SEPARATOR,
    order: EDGE_COLUMN_ORDER,
  });
  let edges = BOM + csvRow(["key", "source", "target", "directed", ...edgeTable.columns.map((c) => c.name), "sourceLabel", "targetLabel"]);
  sel.edges.forEach((e, i) => {
    const row = edgeTable.rows[i]!;
    edges += csvRow([
      stripIllegalXml(e.key),
      stripIllegalXml(e.source),
      stripIllegalXml(e.target),
      String(!e.undirected),
      ...edgeTable.columns.map((c) => clean(row.get(c.name) ?? null)),
      stripIllegalXml(labelOf.get(e.source) ?? ""),
      stripIllegalXml(labelOf.get(e.target) ?? ""),
    ]);
  });

  const info =
    provenanceText(prov, { nodes: sel.nodes.length, edges: sel.edges.length }) +
    "\n\nFiles:\n" +
    "  nodes.csv  one row per node: key, then every attribute (lists joined with \" | \", sources as file:line,\n" +
    "             author profile figures as profile.* columns; empty cell = no value)\n" +
    "  edges.csv  one row per edge: key, source, target, directed, kind, weight, size, color, endpoint labels\n" +
    "Both are RFC 4180 CSV in UTF-8 (with byte-order mark), comma-separated, CRLF line ends.\n" +
    "A cell that starts with = + - @, a tab or a carriage return (other than a plain number) starts with an added ' so\n" +
    "spreadsheets show it as text instead of running it as a formula.\n";
  return [
    { name: "nodes.csv", content: nodes, mime: "text/csv;charset=utf-8" },
    { name: "edges.csv", content: edges, mime: "text/csv;charset=utf-8" },
    { name: "export-info.txt", content: info, mime: "text/plain;charset=utf-8" },
  ];
}
