/**
 * The user's thesaurus: a small CSV that forces merges, forbids merges and renames people, and merges or drops topic
 * terms (like VOSviewer's thesaurus files). Syntax in README.md "Thesaurus file". Parsing never throws: bad lines
 * become diagnostics. Person lines go to identity (entries), topic lines to the topic stage (topics).
 */
import type { Diagnostic, SourceRef } from "../records";
import type { TopicThesaurusEntry } from "../topics/types";
import { binaryLine } from "../formats/text";
import { foldText } from "../../model/fold";

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
  /** merge-topic and drop-topic lines, in file order. */
  topics: TopicThesaurusEntry[];
}

export const THESAURUS_HEADER = "action,name,other";

const ACTIONS: ThesaurusAction[] = ["merge", "split", "rename"];
const TOPIC_ACTIONS: TopicThesaurusEntry["action"][] = ["merge-topic", "drop-topic"];
const ALL_ACTIONS: string[] = [...ACTIONS, ...TOPIC_ACTIONS];

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
  const w = word.toLowerCase().replace(/[\s_]+/g, "-");
  // "merge topic", "mergetopic", "drop" and "droptopic" are near misses of the topic actions.
  const topical = /topic|^drop/.test(w) ? TOPIC_ACTIONS.find((a) => w.startsWith(a.slice(0, 3))) : undefined;
  const hit = topical ?? ACTIONS.find((a) => a.startsWith(w.slice(0, 2)) || w.startsWith(a.slice(0, 3)));
  return hit ? ` (did you mean "${hit}"?)` : "";
}

/** A topic term as the topic stage compares it at first sight: lower case, spaces collapsed. */
const topicKey = (term: string) => term.toLowerCase().replace(/[\s-]+/g, " ").trim();

export const BINARY_THESAURUS_MESSAGE =
  "binary file: this is not a thesaurus (a CSV text file with the header action,name,other, saved as UTF-8); it is ignored";

export function parseThesaurus(text: string, file: string): { thesaurus: Thesaurus; diagnostics: Diagnostic[] } {
  const entries: ThesaurusEntry[] = [];
  const topics: TopicThesaurusEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const problem = (line: number, message: string, severity: Diagnostic["severity"] = "error") =>
    diagnostics.push({ file, line, severity, message });
  // A binary file (an image or a spreadsheet saved as .xlsx and renamed) is named as such, once, instead of one
  // "unknown action" per line quoting its raw bytes.
  const binary = binaryLine(text);
  if (binary !== null) {
    problem(binary, BINARY_THESAURUS_MESSAGE);
    return { thesaurus: { file, entries, topics }, diagnostics };
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let sawHeader = false;
  const renamed = new Map<string, number>();
  const topicLine = new Map<string, { line: number; action: TopicThesaurusEntry["action"] }>();
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
    const rawAction = (cells[0] ?? "").toLowerCase();
    if (!ALL_ACTIONS.includes(rawAction)) {
      problem(lineNo, `unknown action "${cells[0] ?? ""}"${suggest(cells[0] ?? "")}; expected one of ${ALL_ACTIONS.join(", ")}`);
      continue;
    }
    if (TOPIC_ACTIONS.includes(rawAction as TopicThesaurusEntry["action"])) {
      const entry = topicEntry(rawAction as TopicThesaurusEntry["action"], cells.slice(1), lineNo);
      if (entry) topics.push(entry);
      continue;
    }
    const action = rawAction as ThesaurusAction;
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
    if (action !== "rename" && new Set(names.map((x) => foldText(x).replace(/[\s.-]+/g, " "))).size < names.length) {
      problem(lineNo, `${action} lists the same name twice (names are compared without case, diacritics and hyphens)`, action === "split" ? "error" : "warning");
      if (action === "split") continue;
    }
    if (action === "rename") {
      const k = foldText(names[0]!).replace(/[\s.-]+/g, " ");
      const first = renamed.get(k);
      if (first !== undefined) {
        problem(lineNo, `"${names[0]}" is already renamed on line ${first}; this line is ignored`, "warning");
        continue;
      }
      renamed.set(k, lineNo);
    }
    entries.push({ action, names, source: { file, line: lineNo } });
  }
  return { thesaurus: { file, entries, topics }, diagnostics };

  /**
   * merge-topic,term,other[,...]: the terms are one topic, shown as the first; drop-topic,term[,...]: no topic.
   * A term already on an earlier topic line keeps what that line said (a warning names it).
   */
  function topicEntry(action: TopicThesaurusEntry["action"], rawTerms: string[], lineNo: number): TopicThesaurusEntry | null {
    const terms = rawTerms.map((c) => c.replace(/\s+/g, " ").trim());
    const empty = terms.findIndex((x) => x === "");
    if (empty >= 0) {
      problem(lineNo, `cell ${empty + 2} is empty; expected a topic term in every cell of "${action},term,other"`);
      return null;
    }
    if (action === "merge-topic" && terms.length < 2) {
      problem(lineNo, `merge-topic needs at least two terms, e.g. "merge-topic,magnetic resonance imaging,MR imaging" (got ${terms.length})`);
      return null;
    }
    if (action === "drop-topic" && terms.length < 1) {
      problem(lineNo, `drop-topic needs at least one term, e.g. "drop-topic,deep learning"`);
      return null;
    }
    const kept: string[] = [];
    const seen = new Set<string>();
    for (const term of terms) {
      const k = topicKey(term);
      if (seen.has(k)) {
        problem(lineNo, `${action} lists "${term}" twice (terms are compared without case and hyphens)`, "warning");
        continue;
      }
      seen.add(k);
      const earlier = topicLine.get(k);
      if (earlier) {
        problem(lineNo, `"${term}" is already on line ${earlier.line} (${earlier.action}); this cell is ignored`, "warning");
        continue;
      }
      topicLine.set(k, { line: lineNo, action });
      kept.push(term);
    }
    if (action === "merge-topic" && kept.length < 2) {
      problem(lineNo, `merge-topic is left with fewer than two new terms; this line is ignored`, "warning");
      return null;
    }
    if (kept.length === 0) return null;
    return { action, terms: kept, source: { file, line: lineNo } };
  }
}
