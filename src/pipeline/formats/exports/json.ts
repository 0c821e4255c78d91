/**
 * The JSON entry point: one reader for every JSON export, which tells CSL-JSON, OpenAlex and Semantic Scholar apart
 * by their keys and hands each item to its reader (`ReaderResult.format` says which family the file is).
 *
 * Layouts: one item; a list of items; an API page wrapping a list (OpenAlex `{"meta", "results"}`, Semantic Scholar
 * `{"total", "offset", "data"}`, Crossref `{"message": {"items"}}`); JSON Lines (one value per line, read line by
 * line). A whole document is scanned once (json-scan.ts) to find each record and its line, and each record is parsed
 * on its own, so a malformed one is a diagnostic with its line and column and the others are still read, and no
 * second copy of the text is ever built.
 */
import type { Diagnostic, ExportFormatId, PaperRecord } from "../../records";
import { Diagnostics, type ReaderResult } from "../record";
import { looksLikeCsl, readCslItem } from "./csl-json";
import { scanJson, type JsonScan, type JsonScanError, type JsonSpan } from "./json-scan";
import { describeKeys, field, isObject, kindOf, list, text, type ItemContext, type JsonObject } from "./json-values";
import { classifyOpenalex, readOpenalexWork } from "./openalex";
import { looksLikeS2Author, looksLikeS2Paper, readS2Paper, type NestedLines } from "./semantic-scholar";
import type { ExportReader } from "./types";

type Family = "csl-json" | "openalex" | "semantic-scholar";

const FAMILY_NAMES = "CSL-JSON, OpenAlex or Semantic Scholar";
/** At most this many stray syntax errors outside records are listed one by one. */
const MAX_LOOSE_ERRORS = 20;

/** What one item turned out to be. */
type Classified = { family: Family } | { unknown: string; entity: string | null };

function classify(o: JsonObject, hint: Family | null): Classified {
  const oa = classifyOpenalex(o);
  if (oa.otherEntity) return { unknown: `an OpenAlex ${oa.otherEntity} record`, entity: `OpenAlex ${oa.otherEntity} records, not works` };
  if (oa.work) return { family: "openalex" };
  if (looksLikeS2Paper(o)) return { family: "semantic-scholar" };
  if (looksLikeS2Author(o)) return { unknown: "a Semantic Scholar author record", entity: "Semantic Scholar author records, not papers" };
  if (looksLikeCsl(o)) return { family: "csl-json" };
  // A page of one family whose items were fetched with few fields (`select=id,display_name`, `fields=title`).
  if (hint && (field(o, "title") !== undefined || field(o, "display_name") !== undefined)) return { family: hint };
  const keys = Object.keys(o);
  return { unknown: keys.length === 0 ? "an empty object" : `an object with the keys ${describeKeys(keys)}`, entity: null };
}

/**
 * An error response saved instead of the data, with the service whose error bodies look like it: Semantic Scholar
 * (`{"error": "Paper with id 0 not found"}`, its gateway's `{"message": "Too Many Requests"}`), OpenAlex
 * (`{"error": "...", "message": "..."}`), Crossref (`{"status": "failed", "message": [{"message": "..."}]}`).
 */
function apiError(o: JsonObject): { message: string; family: Family } | null {
  const error = field(o, "error");
  if (typeof error === "string" && field(o, "results") === undefined && field(o, "data") === undefined) {
    const message = text(field(o, "message"));
    return message && message !== error ? { message: `${error} ${message}`, family: "openalex" } : { message: error, family: "semantic-scholar" };
  }
  if (isObject(error)) return { message: text(field(error, "message")) ?? "an error", family: "semantic-scholar" };
  const keys = Object.keys(o);
  const message = field(o, "message");
  if (typeof message === "string" && keys.every((k) => ["message", "code", "status", "statusCode", "detail", "type"].includes(k))) return { message, family: "semantic-scholar" };
  if (field(o, "status") === "failed" || field(o, "status") === "error") {
    const first = list(message).find(isObject);
    return { message: (first && text(field(first, "message"))) ?? text(message) ?? "the request failed", family: "csl-json" };
  }
  return null;
}

/** Where an API page keeps its list of items, and the family it belongs to. */
function pageList(keys: readonly string[], isList: (path: string) => boolean): { path: string; hint: Family | null } | null {
  if (keys.includes("results") && isList("results")) return { path: "results", hint: keys.includes("meta") || keys.includes("group_by") ? "openalex" : null };
  if (keys.includes("data") && isList("data")) return { path: "data", hint: "semantic-scholar" };
  if (keys.includes("message") && isList("message.items")) return { path: "message.items", hint: "csl-json" };
  if (keys.includes("items") && isList("items")) return { path: "items", hint: null };
  return null;
}

function pathValue(o: JsonObject, path: string): unknown {
  let v: unknown = o;
  for (const k of path.split(".")) v = isObject(v) ? field(v, k) : undefined;
  return v;
}

/** Collects the records and diagnostics of one file. */
class Collector {
  readonly records: PaperRecord[] = [];
  readonly diags: Diagnostics;
  private readonly counts = new Map<Family, number>();
  private readonly unknown: { line: number; what: string; entity: string | null }[] = [];
  hint: Family | null = null;

  constructor(readonly file: string) {
    this.diags = new Diagnostics(file);
  }

  /**
   * One parsed value found at `line`: an item, a null, a page, or a list of those (a JSON Lines line holding a batch).
   * A list inside a list is not a layout any export uses: it is reported, not searched (that could nest without end).
   */
  value(v: unknown, line: number, nested?: NestedLines, inList = false): void {
    if (v === null) {
      this.diags.warn(line, "an empty (null) entry, skipped (a Semantic Scholar batch response holds null for an id it did not find)");
      return;
    }
    if (Array.isArray(v)) {
      if (inList) this.unknown.push({ line, what: "a list inside the list", entity: null });
      else if (v.length === 0) this.diags.warn(line, "an empty list: nothing to read");
      else for (const x of v) this.value(x, line, undefined, true);
      return;
    }
    if (!isObject(v)) {
      this.unknown.push({ line, what: kindOf(v), entity: null });
      return;
    }
    const error = apiError(v);
    if (error) {
      this.hint ??= error.family;
      this.diags.error(line, `an error response from the API was saved, not its data: "${error.message}"`);
      return;
    }
    const page = pageList(Object.keys(v), (p) => Array.isArray(pathValue(v, p)));
    if (page) {
      if (page.hint) this.hint = page.hint;
      const items = list(pathValue(v, page.path));
      if (items.length === 0) this.emptyPage(line, Object.keys(v));
      for (const x of items) this.value(x, line, undefined, true);
      return;
    }
    // Crossref's single work: {"status": "ok", "message-type": "work", "message": {...}}.
    const message = field(v, "message");
    if (isObject(message) && typeof field(v, "message-type") === "string") {
      this.hint = "csl-json";
      this.value(message, line);
      return;
    }
    this.item(v, line, nested);
  }

  emptyPage(line: number, keys: readonly string[]): void {
    if (keys.includes("group_by")) this.diags.warn(line, "an OpenAlex group_by summary (counts per group), not a list of works: nothing to read");
    else this.diags.warn(line, "the page of results is empty: nothing to read");
  }

  private item(o: JsonObject, line: number, nested?: NestedLines): void {
    const c = classify(o, this.hint);
    if ("unknown" in c) {
      this.unknown.push({ line, what: c.unknown, entity: c.entity });
      return;
    }
    const ctx: ItemContext = { file: this.file, line, diags: this.diags };
    const read = c.family === "openalex" ? [readOpenalexWork(o, ctx)]
      : c.family === "semantic-scholar" ? readS2Paper(o, ctx, nested)
      : [readCslItem(o, ctx)];
    for (const r of read) {
      if (!r) continue;
      this.records.push(r);
      this.counts.set(c.family, (this.counts.get(c.family) ?? 0) + 1);
    }
    if (read.every((r) => r === null) || read.length === 0) this.counts.set(c.family, this.counts.get(c.family) ?? 0);
  }

  /** One malformed record or line. */
  malformed(error: JsonScanError, recordLine: number, what: string, lastLine = recordLine): void {
    // A record over several lines is named by its whole range, so every line it loses is accounted for.
    const where = error.line === recordLine && lastLine === recordLine
      ? `line ${error.line}, column ${error.column}`
      : `line ${error.line}, column ${error.column} (in the ${what} at lines ${recordLine}-${lastLine})`;
    // Reported at the record's first line: that is what is skipped (the error itself may be lines below it).
    this.diags.error(recordLine, `malformed JSON at ${where}: ${error.message}; this ${what} is skipped`);
  }

  finish(topLevelKeys: readonly string[] | null): ReaderResult {
    this.reportUnknown(topLevelKeys);
    if (this.records.length === 0 && this.diags.list.length === 0) this.diags.warn(1, "the JSON holds no paper records: nothing to read");
    const diagnostics: Diagnostic[] = [...this.diags.list].sort((a, b) => a.line - b.line);
    return { format: this.format(), records: this.records, diagnostics, profile: null, listingDate: null };
  }

  private format(): ExportFormatId | undefined {
    let best: Family | null = null;
    let most = -1;
    for (const [family, n] of this.counts) {
      if (n > most) {
        best = family;
        most = n;
      }
    }
    return best ?? this.hint ?? undefined;
  }

  /**
   * Items that are none of the families: one diagnostic for a file where nothing was read (saying what was found),
   * else one per item at its line.
   */
  private reportUnknown(topLevelKeys: readonly string[] | null): void {
    if (this.unknown.length === 0) return;
    if (this.records.length > 0 || this.counts.size > 0) {
      for (const u of this.unknown) this.diags.warn(u.line, `${u.what} is not a paper record in ${FAMILY_NAMES} form, skipped`);
      return;
    }
    const first = this.unknown[0]!;
    const entity = this.unknown.every((u) => u.entity && u.entity === first.entity) ? first.entity : null;
    if (entity) {
      this.diags.error(first.line, `a JSON file of ${entity} (${this.unknown.length} in all): papergraph reads paper records (OpenAlex works, Semantic Scholar papers, CSL-JSON items)`);
      return;
    }
    const found = topLevelKeys
      ? `the top-level keys are ${describeKeys(topLevelKeys)}`
      : this.unknown.length === 1 ? `it holds ${first.what}` : `its ${this.unknown.length} entries are like ${first.what} (line ${first.line})`;
    this.diags.error(first.line, `a JSON file, but not ${FAMILY_NAMES}: ${found}`);
  }
}

function firstNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff)) return i;
  }
  return -1;
}

/** True when the text is JSON Lines: its first lines are each a complete object or list of their own. */
function isJsonLines(text: string): boolean {
  // One line with nothing after it (a compact export) is a document: scanning it here would scan it twice.
  const first = firstNonSpace(text, 0);
  const lf = text.indexOf("\n", first);
  const cr = text.indexOf("\r", first);
  const firstEnd = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  if (first < 0 || firstEnd < 0 || firstNonSpace(text, firstEnd) < 0) return false;
  const ends = /\r\n|\r|\n/g;
  let start = 0;
  let lineNo = 1;
  let seen = 0;
  let complete = 0;
  let firstComplete = false;
  while (start <= text.length && seen < 5) {
    const m = ends.exec(text);
    const end = m ? m.index : text.length;
    const line = text.slice(start, end);
    if (line.trim() !== "") {
      seen++;
      const scan = scanJson(text, start, end, lineNo);
      const ok = scan.roots.length === 1 && scan.errorCount === 0 && /^\s*[[{]/.test(line);
      if (ok) complete++;
      if (seen === 1) firstComplete = ok;
    }
    if (!m) break;
    start = m.index + m[0].length;
    lineNo++;
  }
  return seen >= 2 && (complete >= 2 || firstComplete);
}

/** JSON Lines, one line at a time: each line is parsed on its own. */
function readJsonLines(text: string, out: Collector): void {
  const ends = /\r\n|\r|\n/g;
  let start = 0;
  let lineNo = 1;
  for (;;) {
    const m = ends.exec(text);
    const end = m ? m.index : text.length;
    // A byte-order mark at a line's start: JSON Lines files joined with `cat`.
    const line = text.charCodeAt(start) === 0xfeff ? text.slice(start + 1, end) : text.slice(start, end);
    if (line.trim() !== "") {
      let value: unknown;
      let parsed = false;
      try {
        value = JSON.parse(line);
        parsed = true;
      } catch {
        const error = scanJson(text, start, end, lineNo).errors[0];
        if (error) out.malformed(error, lineNo, "line");
        else out.diags.error(lineNo, "malformed JSON on this line; the line is skipped");
      }
      if (parsed) out.value(value, lineNo);
    }
    if (!m) break;
    start = m.index + m[0].length;
    lineNo++;
  }
}

/** The line a span's last character is on (spans do not overlap, so all calls together are linear). */
function lastLineOf(text: string, span: JsonSpan): number {
  let line = span.line;
  for (let i = span.start; i < span.end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

function parseSpan(text: string, span: JsonSpan): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.slice(span.start, span.end)) };
  } catch {
    return { ok: false };
  }
}

/** Reads records at spans; a span with an error becomes a diagnostic. Returns the errors it reported. */
function readSpans(text: string, spans: readonly JsonSpan[], out: Collector, what: string, inList: boolean, nested?: (span: JsonSpan) => NestedLines | undefined): Set<JsonScanError> {
  const reported = new Set<JsonScanError>();
  for (const span of spans) {
    if (span.error) {
      out.malformed(span.error, span.line, what, lastLineOf(text, span));
      reported.add(span.error);
      continue;
    }
    const parsed = parseSpan(text, span);
    if (parsed.ok) out.value(parsed.value, span.line, nested?.(span), inList);
    else out.diags.error(span.line, `malformed JSON in the ${what} that starts at line ${span.line}; it is skipped`);
  }
  return reported;
}

/**
 * A top-level value after the first. A list over several lines (the rest of a list whose opening broke off, or a
 * concatenated export) is scanned again on its own, so each element is read with its own line.
 */
function readLooseValue(text: string, span: JsonSpan, out: Collector): Set<JsonScanError> {
  if (!span.error && text.charCodeAt(span.start) === 91 /* [ */ && lastLineOf(text, span) > span.line) {
    const elements = scanJson(text, span.start, span.end, span.line).arrays.get("");
    if (elements) return readSpans(text, elements, out, "list element", true);
  }
  return readSpans(text, [span], out, "value", false);
}

/** Syntax errors outside any record (between elements, in a page's wrapper): listed, the records are still read. */
function reportLooseErrors(scan: JsonScan, spans: readonly JsonSpan[], reported: Set<JsonScanError>, out: Collector): void {
  const broken = spans.filter((s) => s.error);
  let b = 0;
  let listed = 0;
  let more = 0;
  for (const error of scan.errors) {
    if (reported.has(error)) continue;
    while (b < broken.length && broken[b]!.end < error.offset) b++;
    const inside = b < broken.length && broken[b]!.start <= error.offset && error.offset <= broken[b]!.end;
    if (inside) continue;
    if (listed < MAX_LOOSE_ERRORS) {
      out.diags.error(error.line, `malformed JSON at line ${error.line}, column ${error.column}: ${error.message}`);
      listed++;
    } else more++;
  }
  more += Math.max(0, scan.errorCount - scan.errors.length);
  if (more > 0) out.diags.error(scan.errors[scan.errors.length - 1]?.line ?? 1, `… and ${more} more JSON syntax errors`);
}

/** A whole JSON document (not JSON Lines). Returns the top-level keys for messages, when the document is one object. */
function readDocumentJson(text: string, out: Collector): readonly string[] | null {
  const scan = scanJson(text);
  if (scan.roots.length === 0) {
    const error = scan.errors[0];
    if (error) out.diags.error(error.line, `malformed JSON at line ${error.line}, column ${error.column}: ${error.message}`);
    else out.diags.error(1, "no JSON value in the file");
    return null;
  }
  if (scan.roots.length > 1) {
    // Several values one after another (concatenated JSON): each is an item. When the first is a list, its elements
    // are read one by one, so a bracket lost inside one record (which ends the list early and leaves the rest as loose
    // values) costs that record, not every record of the list.
    const rest = scan.roots.slice(1);
    const firstList = scan.arrays.get("");
    const listed = firstList ? readSpans(text, firstList, out, "list element", true) : readSpans(text, scan.roots.slice(0, 1), out, "value", false);
    const reported = new Set(listed);
    for (const span of rest) for (const e of readLooseValue(text, span, out)) reported.add(e);
    reportLooseErrors(scan, [...(firstList ?? scan.roots.slice(0, 1)), ...rest], reported, out);
    return null;
  }
  const root = scan.roots[0]!;
  const rootList = scan.arrays.get("");
  if (rootList) {
    if (rootList.length === 0 && scan.errors.length === 0) out.diags.warn(root.line, "an empty list: nothing to read");
    const reported = readSpans(text, rootList, out, "list element", true);
    reportLooseErrors(scan, rootList, reported, out);
    return null;
  }
  const keys = scan.rootKeys;
  const page = text.charCodeAt(root.start) === 123 ? pageList(keys, (p) => scan.arrays.has(p)) : null;
  if (page) {
    if (page.hint) out.hint = page.hint;
    const spans = scan.arrays.get(page.path) ?? [];
    if (spans.length === 0) out.emptyPage(root.line, keys);
    const reported = readSpans(text, spans, out, "record", true);
    reportLooseErrors(scan, spans, reported, out);
    return keys;
  }
  // One item (a work, a paper, a CSL item, a Crossref response): parsed whole.
  const nested: NestedLines = {};
  const citations = scan.arrays.get("citations");
  const references = scan.arrays.get("references");
  if (citations) nested.citations = citations;
  if (references) nested.references = references;
  const reported = readSpans(text, [root], out, "JSON value", false, () => nested);
  reportLooseErrors(scan, [root], reported, out);
  return keys.length > 0 ? keys : null;
}

export function readJson(text: string, file: string): ReaderResult {
  const out = new Collector(file);
  let keys: readonly string[] | null = null;
  if (isJsonLines(text)) readJsonLines(text, out);
  else keys = readDocumentJson(text, out);
  return out.finish(keys);
}

export const jsonReader: ExportReader = {
  format: "csl-json",
  description: "a JSON file (CSL-JSON, OpenAlex or Semantic Scholar)",
  sniff(head: string): boolean {
    return /^\s*[[{]/.test(head);
  },
  read: readJson,
};
