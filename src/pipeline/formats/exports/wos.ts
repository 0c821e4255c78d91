/**
 * Web of Science plain-text export ("Other file formats -> Plain text", savedrecs.txt): a header `FN ...` / `VR 1.0`,
 * records from `PT J` to `ER`, `EF` at the end; several exports concatenated repeat the header. A field is a
 * two-letter tag, a space and its value; continuation lines are indented by three spaces (list fields such as AU, AF,
 * CA, C1 and CR hold one item per line). Some databases (BIOSIS via older exports) write continuation lines without
 * the indent; in such files only known tags start a field.
 *
 * Field semantics are in wos-record.ts (shared with the tab-delimited reader).
 */
import type { PaperRecord } from "../../records";
import { Diagnostics, type ReaderResult } from "../record";
import { excerpt } from "../text";
import { physicalLines } from "./delimited";
import type { ExportReader } from "./types";
import { buildWosRecord, WosContext, type WosEntry, type WosField } from "./wos-record";

const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;

/** Tags of the Web of Science databases (Core Collection, BIOSIS, CABI, Current Contents, Derwent, MEDLINE, Zoological Record). */
export const WOS_TAGS: ReadonlySet<string> = new Set(
  ("FN VR PT AU AF BA BF CA GP BE TI SO SE BS LA DT CT CY CL SP HO DE ID AB C1 C3 RP EM RI OI FU FP FX CR NR TC Z9 U1 U2 " +
    "PU PI PA SN EI BN J9 JI PD PY VL IS PN SU SI MA BP EP AR DI DL D2 EA EY PG P2 WC WE SC GA PM OA HC HP DA UT ER EF " +
    "AN FT ED PS UR AW NT BD TN ST OR LT AE DG PC PL ME MC CC TA DS CH GN SD GE TM MQ PR MI A2 MH SS CN NM SF JC GI OB SA " +
    "IV RC NO PE WP CE DP SQ PT").split(" "),
);

export const wosReader: ExportReader = {
  format: "wos",
  description: "a Web of Science plain-text export",
  sniff: sniffWos,
  read: readWos,
};

function firstLines(head: string, n: number): string[] {
  const out: string[] = [];
  for (const raw of head.split(/\r\n|\r|\n/, 400)) {
    const line = raw.replace(/^\uFEFF/, "").trimEnd();
    if (line === "") continue;
    out.push(line);
    if (out.length >= n) break;
  }
  return out;
}

/** A `FN ` header followed by `VR`/`PT`, or a first `PT X` line with `ER` lines after it. */
export function sniffWos(head: string): boolean {
  const [first, second] = firstLines(head, 2);
  if (first === undefined) return false;
  if (/^FN \S/.test(first)) return second !== undefined && /^(?:VR \S|PT [A-Z]$)/.test(second);
  if (!/^PT [A-Z]$/.test(first)) return false;
  // The first record's end, or (a head cut inside a long first record) its title or authors.
  return /^ER\s*$/m.test(head) || (head.length >= 60_000 && /^(?:AU|TI) \S/m.test(head));
}

interface OpenRecord {
  line: number;
  fields: Map<string, WosField>;
  lastTag: string | null;
}

/** Per export section (a new one at each `FN ` line after the first line): whether it indents continuation lines. */
function indentedSections(lines: readonly string[]): boolean[] {
  const flags = [false];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (i > 0 && (l.startsWith("FN ") || l.startsWith("\uFEFFFN "))) flags.push(false);
    else if (/^[ \t]+\S/.test(l)) flags[flags.length - 1] = true;
  }
  return flags;
}

export function readWos(text: string, file: string): ReaderResult {
  const diags = new Diagnostics(file);
  const records: PaperRecord[] = [];
  const ctx = new WosContext();
  const lines = physicalLines(text);
  // Exports whose continuation lines are indented: any tag-shaped line starts a field, and unindented text is a fault.
  // Decided per export (FN header to FN header), since concatenated files may come from different databases.
  const sectionIndented = indentedSections(lines);
  let section = 0;
  let indented = sectionIndented[0] ?? false;
  let current: OpenRecord | null = null;
  let stray: { line: number; count: number; first: string } | null = null;
  let sawHeader = false;

  const flushStray = () => {
    if (!stray) return;
    diags.warn(stray.line, stray.count === 1
      ? `text outside any record (before a PT line or after an ER line) was skipped: "${excerpt(stray.first)}"`
      : `${stray.count} lines of text outside any record (before a PT line or after an ER line) were skipped, starting with "${excerpt(stray.first)}"`);
    stray = null;
  };
  const noteStray = (line: number, content: string) => {
    if (stray && stray.line + stray.count === line) stray.count++;
    else {
      flushStray();
      stray = { line, count: 1, first: content };
    }
  };
  const open = (line: number) => {
    flushStray();
    current = { line, fields: new Map(), lastTag: null };
  };
  const close = (problem: string | null) => {
    if (!current) return;
    if (problem) diags.warn(current.line, problem);
    const entry: WosEntry = { line: current.line, layout: "tagged", fields: current.fields };
    const record = buildWosRecord(entry, file, "wos", diags, ctx);
    if (record) records.push(record);
    current = null;
  };
  const addValue = (rec: OpenRecord, tag: string, value: string, line: number) => {
    let f = rec.fields.get(tag);
    if (!f) {
      f = { line, values: [] };
      rec.fields.set(tag, f);
    }
    if (value !== "") f.values.push(value);
    rec.lastTag = tag;
  };

  const handleTag = (tag: string, value: string, no: number) => {
    switch (tag) {
      case "FN":
        close(`this record has no ER line; it ends where another export's header starts (line ${no})`);
        sawHeader = true;
        flushStray();
        return;
      case "VR":
        if (!current) {
          flushStray();
          return;
        }
        break;
      case "EF":
        close(`this record has no ER line; it ends at the EF line (line ${no})`);
        flushStray();
        return;
      case "ER":
        if (current) close(null);
        else noteStray(no, "ER");
        return;
      case "PT":
        close(`this record has no ER line; it ends where the next record starts (line ${no})`);
        open(no);
        break;
      default:
        if (!current) {
          if (!WOS_TAGS.has(tag)) {
            noteStray(no, `${tag} ${value}`);
            return;
          }
          open(no);
        }
    }
    addValue(current!, tag, value, no);
  };

  for (let i = 0; i < lines.length; i++) {
    const no = i + 1;
    const raw = lines[i]!.replace(/^\uFEFF/, "");
    const line = raw.trimEnd();
    if (line.trim() === "") continue;
    if (line.startsWith("FN ") && i > 0) indented = sectionIndented[++section] ?? indented;
    if (/^\s/.test(line)) {
      // An indented continuation line.
      const rec = current as OpenRecord | null;
      if (rec && rec.lastTag) addValue(rec, rec.lastTag, line.trim(), no);
      else noteStray(no, line.trim());
      continue;
    }
    const m = TAG_LINE.exec(line);
    const rec = current as OpenRecord | null;
    if (m && (indented || WOS_TAGS.has(m[1]!) || !rec)) {
      handleTag(m[1]!, (m[2] ?? "").trim(), no);
      continue;
    }
    if (!rec) {
      noteStray(no, line);
      continue;
    }
    if (!indented && rec.lastTag) {
      // Exports that do not indent continuation lines.
      addValue(rec, rec.lastTag, line.trim(), no);
      continue;
    }
    const glued = /^([A-Z][A-Z0-9])(\S.*)$/.exec(line);
    if (glued && WOS_TAGS.has(glued[1]!) && !/^[a-z]/.test(glued[2]!)) {
      diags.warn(no, `the tag ${glued[1]} is not followed by a space ("${excerpt(line, 40)}"); read as ${glued[1]}`);
      handleTag(glued[1]!, glued[2]!.trim(), no);
      continue;
    }
    if (rec.lastTag) {
      diags.warn(no, `this line is neither a field (a two-letter tag and a space) nor an indented continuation; read as part of ${rec.lastTag}: "${excerpt(line)}"`);
      addValue(rec, rec.lastTag, line.trim(), no);
    } else {
      noteStray(no, line);
    }
  }
  close("this record has no ER line at the end of the file: the file may be cut; what was read of it is kept");
  flushStray();
  if (records.length === 0 && diags.list.length === 0) {
    diags.warn(1, sawHeader ? "a Web of Science header but no records (PT ... ER)" : "no Web of Science records (PT ... ER) were found");
  }
  diags.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diags.list, profile: null, listingDate: null };
}
