import { compareStrings } from "../model/compare";
/**
 * Flattens graph attributes into typed columns for the tabular and XML formats (CSV, GEXF, GraphML), which have no
 * lists or nested objects:
 *   - lists are joined with a separator (" | " in CSV, "|" in GEXF/GraphML);
 *   - a source reference {file, line} becomes "file:line";
 *   - other objects (an author's `profile`) become one column per field, "profile.hIndex", "profile.source";
 *   - null/undefined and non-finite numbers become empty cells (absent attvalue/data in XML).
 * Column types: boolean, integer (32-bit), double or string, inferred over all non-empty cells of the column.
 */
export type ColumnType = "string" | "integer" | "double" | "boolean";
export type Cell = string | number | boolean | null;

export interface Column {
  name: string;
  type: ColumnType;
}

export interface Table {
  columns: Column[];
  /** One row per record, by column name; missing names are empty cells. */
  rows: Map<string, Cell>[];
}

export const NODE_COLUMN_ORDER = [
  "kind", "label", "x", "y", "size", "color", "community", "topicCluster", "degree", "weightedDegree", "pagerank",
  "betweenness", "name", "aliases", "paperCount", "title", "authors", "authorsComplete", "date", "year", "arxivId",
  "categories", "hasCode", "abstract", "comment", "affiliation", "sources", "topics", "term", "variants", "relevance",
];
export const EDGE_COLUMN_ORDER = ["kind", "weight", "size", "color"];

/** Measures that are real numbers even when a small export happens to hold only whole values: keep their type stable. */
const REAL_COLUMNS = new Set(["x", "y", "size", "pagerank", "betweenness", "weightedDegree", "relevance", "weight", "modularity"]);

function isSourceRef(v: object): v is { file: string; line: number } {
  const o = v as Record<string, unknown>;
  return Object.keys(o).length === 2 && typeof o.file === "string" && typeof o.line === "number";
}

function listItem(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "object" && !Array.isArray(v) && isSourceRef(v)) return `${v.file}:${v.line}`;
  return JSON.stringify(v);
}

function flattenInto(out: Map<string, Cell>, name: string, v: unknown, listSep: string): void {
  if (v === null || v === undefined) {
    out.set(name, null);
  } else if (typeof v === "string" || typeof v === "boolean") {
    out.set(name, v);
  } else if (typeof v === "number") {
    out.set(name, Number.isFinite(v) ? v : null);
  } else if (Array.isArray(v)) {
    out.set(name, v.map(listItem).join(listSep));
  } else if (typeof v === "object") {
    if (isSourceRef(v)) out.set(name, `${v.file}:${v.line}`);
    else for (const [k, sub] of Object.entries(v as Record<string, unknown>)) flattenInto(out, `${name}.${k}`, sub, listSep);
  } else {
    out.set(name, String(v));
  }
}

export function flattenAttributes(attributes: Record<string, unknown>, listSep: string, exclude?: ReadonlySet<string>): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const [k, v] of Object.entries(attributes)) {
    if (exclude?.has(k)) continue;
    flattenInto(out, k, v, listSep);
  }
  return out;
}

function inferType(values: Cell[]): ColumnType {
  let bool = 0, int = 0, dbl = 0, str = 0;
  for (const v of values) {
    if (v === null) continue;
    if (typeof v === "boolean") bool++;
    else if (typeof v === "number") {
      if (Number.isInteger(v) && Math.abs(v) <= 2147483647) int++;
      else dbl++;
    } else str++;
  }
  if (str || (bool && (int || dbl))) return "string";
  if (bool) return "boolean";
  if (dbl) return "double";
  if (int) return "integer";
  return "string";
}

function orderColumns(names: Iterable<string>, preferred: readonly string[]): string[] {
  const set = new Set(names);
  const head = preferred.filter((n) => set.has(n));
  const headSet = new Set(head);
  const rest = [...set].filter((n) => !headSet.has(n)).sort(compareStrings);
  return [...head, ...rest];
}

export function buildTable(
  records: Record<string, unknown>[],
  opts: { listSep: string; order: readonly string[]; exclude?: ReadonlySet<string> },
): Table {
  const rows = records.map((r) => flattenAttributes(r, opts.listSep, opts.exclude));
  const names = new Set<string>();
  for (const row of rows) for (const k of row.keys()) names.add(k);
  const columns = orderColumns(names, opts.order).map((name) => {
    const type = inferType(rows.map((r) => r.get(name) ?? null));
    return { name, type: type === "integer" && REAL_COLUMNS.has(name) ? ("double" as const) : type };
  });
  // A column typed string may still hold numbers or booleans from some rows: render them as text.
  for (const c of columns) {
    if (c.type !== "string") continue;
    for (const row of rows) {
      const v = row.get(c.name);
      if (v !== null && v !== undefined && typeof v !== "string") row.set(c.name, String(v));
    }
  }
  return { columns, rows };
}

/** A cell as text for XML/CSV output. */
export function cellText(v: Cell): string {
  if (v === null) return "";
  return typeof v === "string" ? v : String(v);
}
