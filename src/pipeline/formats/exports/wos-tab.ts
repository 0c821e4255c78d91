/**
 * Web of Science tab-delimited export ("Tab-delimited (Win)" is UTF-16 LE with a BOM and CRLF, "(Mac)" UTF-8; decode
 * with decodeInput): a first line of tags (`PT\tAU\tBA\t...`), then one record per line, list items `;`-separated.
 * Rows often end with one tab more than the header. The same layout re-saved as CSV (`PT,AU,...`, quoted cells) is read
 * too. Field semantics are in wos-record.ts (shared with the plain-text reader).
 */
import type { PaperRecord } from "../../records";
import { Diagnostics, type ReaderResult } from "../record";
import { headerCells, physicalLines, readCsvRows, readTabRows, type Delimiter } from "./delimited";
import type { ExportReader } from "./types";
import { buildWosRecord, WosContext, type WosField } from "./wos-record";

export const wosTabReader: ExportReader = {
  format: "wos-tab",
  description: "a Web of Science tab-delimited export",
  sniff: sniffWosTab,
  read: readWosTab,
};

interface TagHeader {
  delimiter: Delimiter;
  tags: string[];
}

/** The tag header of a first line, or null: at least five two-letter tags, PT first, TI among them. */
function tagHeader(line: string): TagHeader | null {
  const clean = line.replace(/^\uFEFF/, "");
  const delimiter: Delimiter | null = clean.includes("\t") ? "\t" : /^"?PT"?,/.test(clean) ? "," : null;
  if (!delimiter) return null;
  const tags = headerCells(clean, delimiter);
  while (tags.length > 0 && tags[tags.length - 1] === "") tags.pop();
  if (tags.length < 5 || tags[0] !== "PT" || !tags.includes("TI")) return null;
  if (!tags.every((t) => /^[A-Z][A-Z0-9]$/.test(t))) return null;
  return { delimiter, tags };
}

function firstLineIndex(lines: readonly string[]): number {
  return lines.findIndex((l) => l.replace(/^\uFEFF/, "").trim() !== "");
}

export function sniffWosTab(head: string): boolean {
  const lines = head.split(/\r\n|\r|\n/, 5);
  const i = firstLineIndex(lines);
  return i >= 0 && tagHeader(lines[i]!) !== null;
}

export function readWosTab(text: string, file: string): ReaderResult {
  const diags = new Diagnostics(file);
  const records: PaperRecord[] = [];
  const lines = physicalLines(text);
  const h = firstLineIndex(lines);
  const header = h >= 0 ? tagHeader(lines[h]!) : null;
  if (!header) {
    diags.error(h >= 0 ? h + 1 : 1, "no Web of Science tag header (PT, AU, TI, ... separated by tabs) on the first line");
    return { records, diagnostics: diags.list, profile: null, listingDate: null };
  }
  const { rows, problems } = header.delimiter === "\t"
    ? readTabRows(lines, h + 1, header.tags.length)
    : readCsvRows(lines, h + 1, header.delimiter, header.tags.length);
  for (const p of problems) (p.severity === "warning" ? diags.warn : diags.error).call(diags, p.line, p.message);
  const ctx = new WosContext();
  for (const row of rows) {
    const fields = new Map<string, WosField>();
    header.tags.forEach((tag, i) => {
      const cell = (row.cells[i] ?? "").trim();
      if (cell !== "" && !fields.has(tag)) fields.set(tag, { line: row.line, values: [cell] });
    });
    const record = buildWosRecord({ line: row.line, layout: "delimited", fields }, file, "wos-tab", diags, ctx);
    if (record) records.push(record);
  }
  if (records.length === 0 && diags.list.length === 0) diags.warn(h + 1, "a Web of Science tag header but no records");
  diags.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diags.list, profile: null, listingDate: null };
}
