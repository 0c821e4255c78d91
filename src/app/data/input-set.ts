/**
 * The files a user opened, as the explorer keeps them: what each one is (a finished graph file, a thesaurus, or an
 * input for the pipeline), decided by content; how "Add files" extends a set; and how the status bar names what is
 * shown. Pure: no DOM, no storage, no worker.
 */
import type { GraphAttributes } from "../../model/graph-file";
import type { InputDocument } from "../../pipeline/records";
import { compareStrings } from "../../model/compare";

/** One opened file: its name (no folders: browsers give none) and its decoded text. */
export interface OpenedFile {
  name: string;
  text: string;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * A graphology graph file (papergraph's graph.json, or graphology JSON from another tool): a JSON object whose first key
 * is one of graphology's serialized keys (`options`, `attributes`, `nodes`, `edges`). Bibliographic JSON never starts
 * that way: CSL-JSON is an array, an OpenAlex page starts with `meta` or `results`, a work with `id`, Semantic Scholar
 * with `paperId`, `data`, `total` or `offset`, JSON Lines with a work. Only the first characters are looked at, so a
 * 100 MB OpenAlex export is not parsed on the page's thread just to be told apart.
 */
export function isGraphFileText(text: string): boolean {
  return /^\s*\{\s*"(?:options|attributes|nodes|edges)"\s*:/.test(stripBom(text).slice(0, 4096));
}

/** The header every thesaurus starts with (after blank and comment lines), as the CLI recognises it. */
const THESAURUS_HEADER = /^\s*action\s*,\s*name\s*,\s*other\s*,*\s*$/i;

/** A thesaurus: named thesaurus.csv, or starting with the header `action,name,other` (same rule as the CLI). */
export function isThesaurus(file: OpenedFile): boolean {
  if (/^thesaurus\.csv$/i.test(file.name)) return true;
  const lines = stripBom(file.text.slice(0, 64 * 1024)).split(/\r\n|\r|\n/);
  const first = lines.find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  return first !== undefined && THESAURUS_HEADER.test(first);
}

const cmpName = (a: OpenedFile, b: OpenedFile) => compareStrings(a.name, b.name);

/** "replace": the files opened become the whole set; "add": they join the files behind the graph shown. */
export type OpenMode = "replace" | "add";

export type InputPlan =
  | { kind: "graph"; file: OpenedFile }
  | { kind: "build"; documents: InputDocument[]; thesaurus: InputDocument | null }
  | { kind: "refused"; title: string; errors: string[] };

/** What opening a set of files means: load one graph file, build from the rest, or a message saying why neither. */
export function planInputs(files: readonly OpenedFile[]): InputPlan {
  const names = files.map((f) => f.name).join(", ");
  const graphs = files.filter((f) => isGraphFileText(f.text));
  if (graphs.length > 0) {
    if (files.length > 1) {
      return {
        kind: "refused",
        title: "Open one graph file, or exports and listings only",
        errors: [`Got ${names}: ${graphs.map((g) => g.name).join(", ")} ${graphs.length === 1 ? "is a finished graph file" : "are finished graph files"} (graphology JSON), opened on its own; exports and listings can be opened together.`],
      };
    }
    return { kind: "graph", file: graphs[0]! };
  }
  const thesauri = files.filter(isThesaurus);
  if (thesauri.length > 1) {
    return { kind: "refused", title: "Open one thesaurus at a time", errors: [`Got ${thesauri.map((t) => t.name).join(", ")}: merge them into one file.`] };
  }
  const documents = files.filter((f) => !thesauri.includes(f)).map((f) => ({ file: f.name, text: f.text }));
  if (documents.length === 0) {
    return { kind: "refused", title: "Nothing to build", errors: ["A thesaurus alone makes no graph: open it together with exports or listings."] };
  }
  const t = thesauri[0];
  return { kind: "build", documents, thesaurus: t ? { file: t.name, text: t.text } : null };
}

export interface AddResult {
  files: OpenedFile[];
  /** What happened to files that were not simply appended, in words. */
  notes: string[];
}

/** "savedrecs.txt" -> "savedrecs (2).txt", the way browsers name a second download of the same name. */
function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/**
 * The set after "Add files": the files already open, then the added ones (sorted by name). A file identical to one
 * already open (same name and text) is not added twice. Another file of the same name (Web of Science names every
 * export savedrecs.txt) is kept under a numbered name. A thesaurus added replaces the one open (a corrected thesaurus).
 */
export function addFiles(current: readonly OpenedFile[], added: readonly OpenedFile[]): AddResult {
  const notes: string[] = [];
  let files = [...current];
  const addedThesaurus = added.some(isThesaurus);
  if (addedThesaurus) {
    const old = files.filter(isThesaurus);
    if (old.length) {
      files = files.filter((f) => !old.includes(f));
      notes.push(`${old.map((f) => f.name).join(", ")} replaced by the thesaurus added`);
    }
  }
  for (const f of [...added].sort(cmpName)) {
    if (files.some((g) => g.name === f.name && g.text === f.text)) {
      notes.push(`${f.name} is already open: not added twice`);
      continue;
    }
    let name = f.name;
    for (let n = 2; files.some((g) => g.name === name); n++) name = numbered(f.name, n);
    if (name !== f.name) notes.push(`${f.name} added as ${name}: another file of that name is already open`);
    files.push({ name, text: f.text });
  }
  return { files, notes };
}

/** The files of one pick in a stable order (by name), each name once (later duplicates numbered as in addFiles). */
export function pickedSet(picked: readonly OpenedFile[]): AddResult {
  return addFiles([], picked);
}

/** What the explorer shows, as the status bar and the Open dialog name it. */
export type Shown =
  | { kind: "default"; url: string }
  | { kind: "graph-file"; name: string }
  | { kind: "inputs"; files: OpenedFile[] };

/** "3 files: library.bib, savedrecs.txt, pubmed.nbib"; long sets end with "and N more". */
export function describeFiles(names: readonly string[], max = 4): string {
  const head = names.slice(0, max).join(", ");
  const rest = names.length > max ? ` and ${names.length - max} more` : "";
  return `${names.length} file${names.length === 1 ? "" : "s"}: ${head}${rest}`;
}

/**
 * "seeds graph" for the graph built from seeds/ (every source under seeds/), "data/graph.json (built from 3 files)"
 * for another prebuilt graph, the file name for an opened graph file, the file list for files built here.
 */
export function describeShown(shown: Shown, attrs?: Pick<GraphAttributes, "sources"> | null): string {
  if (shown.kind === "inputs") return describeFiles(shown.files.map((f) => f.name));
  if (shown.kind === "graph-file") return `graph file ${shown.name}`;
  const sources = attrs?.sources ?? [];
  if (sources.length > 0 && sources.every((s) => /^(?:\.\/)?seeds\//.test(s.file))) return "seeds graph";
  const path = shown.url.replace(/^\.\//, "");
  return sources.length > 0 ? `${path} (built from ${sources.length} file${sources.length === 1 ? "" : "s"})` : path;
}
