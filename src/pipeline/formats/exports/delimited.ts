/**
 * Rows of delimited exports (Scopus CSV, Web of Science tab-delimited) with the 1-based line each row starts on.
 *
 * CSV: papaparse splits each row into cells, but the rows' line spans are found first by a scan that follows
 * papaparse's own quoting rules (a field is quoted when it starts with `"`; inside it `""` is a quote and a `"` followed
 * by the delimiter or the line end closes it). Parsing the whole file in one papaparse run would give line numbers too
 * (from its cursor), but an unclosed quote makes papaparse read to the end of the file as one row, swallowing every
 * record after it. Scanning spans first confines the damage: a quoted cell still open after MAX_SPAN_LINES lines, or
 * at the end of the file, marks its row's first line as broken and reading resumes on the next line.
 *
 * Tab-delimited (Web of Science): not quoted at all (a `"` in a title is literal), one row per line.
 */
import Papa from "papaparse";

/** A quoted cell spanning more lines than this is taken as an unclosed quote (real abstracts have a few newlines). */
export const MAX_SPAN_LINES = 200;

export interface Row {
  /** 1-based line where the row starts. */
  line: number;
  /** 1-based line where it ends (multi-line quoted cells). */
  endLine: number;
  cells: string[];
}

export interface RowProblem {
  line: number;
  endLine: number;
  message: string;
  /** A row that was read but may hold two (a warning); absent: the lines were skipped (an error). */
  severity?: "warning";
}

/**
 * A line that opens a quoted cell and closes two more between separators (`"a","b","c`) reads like the start of a
 * row, not like a cell's text: inside a quoted cell a quote is doubled, so `","` hardly occurs there.
 */
function looksLikeRowStart(line: string, delimiter: Delimiter, expected: number): boolean {
  if (!line.startsWith('"') || expected < 6) return false;
  const separator = `"${delimiter}"`;
  const wanted = 2;
  let count = 0;
  for (let at = line.indexOf(separator); at >= 0 && count < wanted; at = line.indexOf(separator, at + separator.length)) count++;
  return count >= wanted;
}

export interface RowsResult {
  rows: Row[];
  problems: RowProblem[];
}

/** Physical lines, split on \r\n, \r or \n; a final line end makes no extra empty line. */
export function physicalLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export type Delimiter = "," | ";" | "\t";

/**
 * Whether a CSV line leaves a quoted field open, given whether one was open when the line started.
 * Mirrors papaparse: only a quote at a field's start opens a field; `""` inside is literal; a quote followed by
 * optional spaces and the delimiter or the line end closes it; any other quote inside is kept as text.
 */
export function endsInsideQuotes(line: string, insideAtStart: boolean, delimiter: string): boolean {
  let i = 0;
  let inside = insideAtStart;
  const n = line.length;
  for (;;) {
    if (!inside) {
      // At the start of a field.
      if (line.charCodeAt(i) === 34) {
        inside = true;
        i++;
      } else {
        const next = line.indexOf(delimiter, i);
        if (next < 0) return false;
        i = next + delimiter.length;
        continue;
      }
    }
    // Inside a quoted field: find its closing quote.
    const q = line.indexOf('"', i);
    if (q < 0) return true;
    if (line.charCodeAt(q + 1) === 34) {
      i = q + 2;
      continue;
    }
    let k = q + 1;
    while (k < n && (line[k] === " " || line[k] === "\t") && delimiter !== "\t") k++;
    if (k >= n) return false;
    if (line.startsWith(delimiter, k)) {
      inside = false;
      i = k + delimiter.length;
      continue;
    }
    i = q + 1;
  }
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** Cells after dropping trailing empty ones beyond the header's width (exports often end each row with a delimiter). */
function fitCells(cells: string[], expected: number): string[] | null {
  if (cells.length === expected) return cells;
  if (cells.length > expected && cells.slice(expected).every((c) => c.trim() === "")) return cells.slice(0, expected);
  return null;
}

export interface CsvOptions {
  /** Maps a row wider than the header to the header's width when the format knows why it is wider, else null. */
  widen?: (cells: string[]) => string[] | null;
}

interface RowAttempt {
  /** Index of the row's last line. */
  end: number;
  /** null: the quoting never closed within MAX_SPAN_LINES lines or before the end of the file. */
  cells: string[] | null;
  /** Cells read (before fitting), -1 when papaparse saw more than one row. */
  count: number;
  atEnd: boolean;
}

function attemptRow(lines: readonly string[], s: number, delimiter: Delimiter, expected: number, options: CsvOptions): RowAttempt {
  let inside = false;
  let e = s;
  for (; e < lines.length && e - s < MAX_SPAN_LINES; e++) {
    inside = endsInsideQuotes(lines[e]!, inside, delimiter);
    if (!inside) break;
  }
  if (inside) return { end: s, cells: null, count: 0, atEnd: e >= lines.length };
  const text = s === e ? lines[s]! : lines.slice(s, e + 1).join("\n");
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: "\n", quoteChar: '"', header: false, skipEmptyLines: false });
  if (parsed.data.length !== 1) return { end: e, cells: null, count: -1, atEnd: false };
  const raw = parsed.data[0] ?? [];
  let cells = fitCells(raw, expected);
  if (!cells && raw.length > expected && options.widen) cells = options.widen(raw);
  return { end: e, cells, count: raw.length, atEnd: false };
}

/**
 * Reads CSV rows from `lines[start..]` (0-based index of the first data line). `expected` is the header's width.
 * Rows with the wrong number of cells or an unclosed quote become problems, never swallowing the rows after them.
 */
export function readCsvRows(lines: readonly string[], start: number, delimiter: Delimiter, expected: number, options: CsvOptions = {}): RowsResult {
  const rows: Row[] = [];
  const problems: RowProblem[] = [];
  // After a quoted cell that never closes, reading resumes on the next line; the fragments of that cell met there
  // (rows failing within MAX_SPAN_LINES lines of it) are folded into its problem, so one broken row makes one diagnostic.
  let broken: RowProblem | null = null;
  const flush = () => {
    if (!broken) return;
    const extra = broken.endLine - broken.line;
    if (extra > 0) broken.message += `; the following ${extra === 1 ? "line was a fragment" : `${extra} lines were fragments`} of it and were skipped too`;
    problems.push(broken);
    broken = null;
  };
  const fail = (first: number, last: number, message: string) => {
    if (broken && first + 1 - broken.line <= MAX_SPAN_LINES) {
      broken.endLine = Math.max(broken.endLine, last + 1);
      return;
    }
    flush();
    problems.push({ line: first + 1, endLine: last + 1, message });
  };

  let s = start;
  while (s < lines.length) {
    if (isBlank(lines[s]!)) {
      s++;
      continue;
    }
    const row = attemptRow(lines, s, delimiter, expected, options);
    const e = row.end;
    // A row running over several lines while the next line reads as a row of its own: a stray quote on this line
    // merged it with the rows after it (even where the merged cells happen to add up to the header's width).
    if (row.count !== 0 && e > s && attemptRow(lines, s + 1, delimiter, expected, options).cells) {
      fail(s, s, `this line starts a quoted cell that runs into the next rows (a stray "?); the line is skipped and reading resumes on the next line`);
      s++;
      continue;
    }
    if (row.cells) {
      flush();
      rows.push({ line: s + 1, endLine: e + 1, cells: row.cells });
      // A quoted cell over several lines whose later line reads like a row of its own: two rows (each cut inside a
      // quote) may have run together into one of the right width. Read, but said, with the lines.
      for (let t = s + 1; t <= e; t++) {
        if (looksLikeRowStart(lines[t]!, delimiter, expected)) {
          problems.push({
            line: s + 1, endLine: e + 1, severity: "warning",
            message: `a quoted cell of this row runs over lines ${s + 1}-${e + 1}, and line ${t + 1} reads like the start of another row: two rows may have run together (a quote cut or missing); read as one row`,
          });
          break;
        }
      }
      s = e + 1;
      continue;
    }
    if (row.count === 0) {
      const message = row.atEnd
        ? "a quoted cell opened on this line is never closed (a stray \" or a cut file); the row is skipped and reading resumes on the next line"
        : `a quoted cell opened on this line is still open ${MAX_SPAN_LINES} lines later (a stray "?); the row is skipped and reading resumes on the next line`;
      if (broken && s + 1 - broken.line <= MAX_SPAN_LINES) broken.endLine = Math.max(broken.endLine, s + 1);
      else {
        flush();
        broken = { line: s + 1, endLine: s + 1, message };
      }
      s++;
      continue;
    }
    const counted = row.count < 0 ? "an unreadable number of" : String(row.count);
    // A bad row over several lines: if one of its later lines starts a good row, the quoting went wrong before it
    // and only the lines up to it are lost.
    let resume = e + 1;
    for (let t = s + 2; t <= e; t++) {
      if (attemptRow(lines, t, delimiter, expected, options).cells) {
        resume = t;
        break;
      }
    }
    const last = resume - 1;
    const span = last > s ? ` (lines ${s + 1}–${last + 1})` : "";
    fail(s, last, resume <= e
      ? `this row's quoting runs into the next rows (a stray "?)${span}; these lines are skipped and reading resumes on line ${resume + 1}`
      : `this row has ${counted} cells where the header has ${expected}${span}; the row is skipped`);
    s = resume;
  }
  flush();
  return { rows, problems };
}

/**
 * Unquoted tab-delimited rows (Web of Science): one per line. A cell an editor wrapped in quotes (Excel's "Unicode
 * text", which doubles inner quotes) is unwrapped; a title that merely starts and ends with a quote is kept.
 */
export function readTabRows(lines: readonly string[], start: number, expected: number): RowsResult {
  const rows: Row[] = [];
  const problems: RowProblem[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const cells = fitCells(line.split("\t").map(unwrapQuoted), expected);
    if (cells) rows.push({ line: i + 1, endLine: i + 1, cells });
    else problems.push({ line: i + 1, endLine: i + 1, message: `this row has ${line.split("\t").length} cells where the header has ${expected}; the row is skipped` });
  }
  return { rows, problems };
}

function unwrapQuoted(cell: string): string {
  if (cell.length < 2 || cell.charCodeAt(0) !== 34 || cell.charCodeAt(cell.length - 1) !== 34) return cell;
  const inner = cell.slice(1, -1);
  // Every quote inside must be doubled, else this is a title that happens to be quoted.
  if (/"/.test(inner.replace(/""/g, ""))) return cell;
  return inner.replace(/""/g, '"');
}

/** Header cells of a delimited first line (quotes removed, trimmed). */
export function headerCells(line: string, delimiter: Delimiter): string[] {
  if (delimiter === "\t") return line.split("\t").map((c) => unwrapQuoted(c.trim()).trim());
  const parsed = Papa.parse<string[]>(line, { delimiter, newline: "\n", quoteChar: '"', header: false });
  return (parsed.data[0] ?? []).map((c) => c.trim());
}
