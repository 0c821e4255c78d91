/**
 * The user's thesaurus: a small CSV that forces merges, forbids merges and renames people (like VOSviewer's
 * thesaurus files). Syntax in README.md "Thesaurus file". Parsing never throws: bad lines become diagnostics.
 */
import type { Diagnostic, SourceRef } from "../records";
import { binaryLine } from "../formats/text";
import { fold } from "./normalize";

export type ThesaurusAction = "merge" | "split" | "rename";

export interface ThesaurusEntry {
  action: ThesaurusAction;
  /** merge: two or more spellings of one person; split: spellings of different people; rename: [spelling, new display name]. */
  names: string[];
  source: SourceRef;
}

export interface Thesaurus {
  file: string;
  entries: ThesaurusEntry[];
}

export const THESAURUS_HEADER = "action,name,other";

const ACTIONS: ThesaurusAction[] = ["merge", "split", "rename"];

/** One CSV line: commas separate cells, double quotes protect commas, "" is a literal quote. */
function splitCsvLine(line: string): { cells: string[]; error: string | null } {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === "") {
      quoted = true;
      wasQuoted = true;
      cur = "";
    } else if (c === ",") {
      cells.push(wasQuoted ? cur : cur.trim());
      cur = "";
      wasQuoted = false;
    } else cur += c;
  }
  if (quoted) return { cells: [], error: "a quoted name is not closed (missing \")" };
  cells.push(wasQuoted ? cur : cur.trim());
  return { cells, error: null };
}

function suggest(word: string): string {
  const w = word.toLowerCase();
  const hit = ACTIONS.find((a) => a.startsWith(w.slice(0, 2)) || w.startsWith(a.slice(0, 3)));
  return hit ? ` (did you mean "${hit}"?)` : "";
}

export const BINARY_THESAURUS_MESSAGE =
  "binary file: this is not a thesaurus (a CSV text file with the header action,name,other, saved as UTF-8); it is ignored";

export function parseThesaurus(text: string, file: string): { thesaurus: Thesaurus; diagnostics: Diagnostic[] } {
  const entries: ThesaurusEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const problem = (line: number, message: string, severity: Diagnostic["severity"] = "error") =>
    diagnostics.push({ file, line, severity, message });
  // A binary file (an image or a spreadsheet saved as .xlsx and renamed) is named as such, once, instead of one
  // "unknown action" per line quoting its raw bytes.
  const binary = binaryLine(text);
  if (binary !== null) {
    problem(binary, BINARY_THESAURUS_MESSAGE);
    return { thesaurus: { file, entries }, diagnostics };
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let sawHeader = false;
  const renamed = new Map<string, number>();
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const raw = lines[n]!.normalize("NFC");
    if (raw.trim() === "" || raw.trim().startsWith("#")) continue;
    const { cells: rawCells, error } = splitCsvLine(raw);
    if (error) {
      problem(lineNo, `${error}; expected action,name,other`);
      continue;
    }
    // Spreadsheets pad rows with empty trailing cells: ignore those.
    const cells = [...rawCells];
    while (cells.length && cells[cells.length - 1] === "") cells.pop();
    if (!sawHeader) {
      sawHeader = true;
      if (cells[0]?.toLowerCase() === "action") continue;
      problem(lineNo, `expected the header line "${THESAURUS_HEADER}" first; reading this line as an entry`, "warning");
    }
    const action = (cells[0] ?? "").toLowerCase() as ThesaurusAction;
    if (!ACTIONS.includes(action)) {
      problem(lineNo, `unknown action "${cells[0] ?? ""}"${suggest(cells[0] ?? "")}; expected one of merge, split, rename`);
      continue;
    }
    const names = cells.slice(1).map((c) => c.replace(/\s+/g, " ").trim());
    const empty = names.findIndex((x) => x === "");
    if (empty >= 0) {
      problem(lineNo, `cell ${empty + 2} is empty; expected a name in every cell of "${action},name,other"`);
      continue;
    }
    if (action === "rename" && names.length !== 2) {
      problem(lineNo, `rename takes exactly two cells: the spelling to find and the display name to use (got ${names.length})`);
      continue;
    }
    if (action !== "rename" && names.length < 2) {
      problem(lineNo, `${action} needs at least two names, e.g. "${action},Ilkay Oksuz,lkay Oksuz" (got ${names.length})`);
      continue;
    }
    if (action !== "rename" && new Set(names.map((x) => fold(x).replace(/[\s.-]+/g, " "))).size < names.length) {
      problem(lineNo, `${action} lists the same name twice (names are compared without case, diacritics and hyphens)`, action === "split" ? "error" : "warning");
      if (action === "split") continue;
    }
    if (action === "rename") {
      const k = fold(names[0]!).replace(/[\s.-]+/g, " ");
      const first = renamed.get(k);
      if (first !== undefined) {
        problem(lineNo, `"${names[0]}" is already renamed on line ${first}; this line is ignored`, "warning");
        continue;
      }
      renamed.set(k, lineNo);
    }
    entries.push({ action, names, source: { file, line: lineNo } });
  }
  return { thesaurus: { file, entries }, diagnostics };
}
