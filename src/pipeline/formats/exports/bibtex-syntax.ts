/**
 * BibTeX / biblatex syntax: a .bib text to its entries with raw field values (outer delimiters removed, inner braces
 * kept for the name and case rules), each with its 1-based line. One forward pass, so linear in the text.
 *
 * What the real files hold and how it is read:
 * - Entries `@type{key, name = value, ...}` or `@type(key, ...)`, starting anywhere, also right after the previous
 *   entry's closing brace on the same line (IEEE Xplore writes `},}@ARTICLE{2,`).
 * - `@string{name = value}` macros, `#` concatenation, the month macros jan..dec; `@comment{...}` and `@preamble{...}`
 *   skipped whole; everything outside entries is ignored (JabRef's "% This file was created with JabRef", Scopus's
 *   "Scopus / EXPORT DATE" header, `%` comment lines, notes between entries).
 * - Broken entries: a brace or quote never closed ends at the next line that starts an entry (`@type{`), which is where
 *   reading goes on; the entry is an error. Damage that leaves the fields readable is a warning and the entry is read:
 *   a missing comma (after the key or between fields), a missing key, a missing `=`, a stray character after a value,
 *   a field given twice (the first is kept), an entry not closed before the next one or before the end of the file.
 */
import type { Diagnostics } from "../record";
import { excerpt } from "../text";

export interface RawField {
  /** The value as read: outer braces or quotes removed, `#` parts joined, macros expanded, inner braces kept. */
  value: string;
  /** Line of the field name. */
  line: number;
}

export interface RawEntry {
  /** Entry type in lower case ("article", "inproceedings"). */
  type: string;
  /** Citation key as read, or null when the entry has none. */
  key: string | null;
  /** Line of the `@`. */
  line: number;
  /** Fields by lower-case name, in file order; the first of a duplicated name. */
  fields: Map<string, RawField>;
}

const MONTH_MACROS: Record<string, string> = {
  jan: "January", feb: "February", mar: "March", apr: "April", may: "May", jun: "June",
  jul: "July", aug: "August", sep: "September", oct: "October", nov: "November", dec: "December",
};

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === 12 || c === 0xa0 || c === 0xfeff;
}

/** Characters of a field or macro name: letters, digits and `_ - + : . /` (`author+an:orcid`, `Web-of-Science-Index`). */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 43 || c === 58 || c === 46 || c === 47;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Offsets where lines start, counting \r\n, \r and \n as one line end each. */
function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes("\r")) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) starts.push(i + 1);
    else if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

const BRACED_SPECIAL = /[{}\r\n]/g;
const QUOTED_SPECIAL = /[{}"\r\n]/g;

type ValueResult = { ok: true; value: string; end: number } | { ok: false; reason: string; at: number };

class Parser {
  private pos = 0;
  private readonly n: number;
  private readonly starts: number[];
  private readonly macros = new Map<string, string>(Object.entries(MONTH_MACROS));
  readonly entries: RawEntry[] = [];

  constructor(private readonly text: string, private readonly diag: Diagnostics) {
    this.n = text.length;
    this.starts = lineStarts(text);
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Undefined macros, one warning per name (an IEEE bibliography without IEEEabrv.bib uses hundreds). */
  private readonly unknown = new Map<string, { word: string; line: number; label: string; field: string; uses: number }>();

  private unknownMacro(word: string, at: number, label: string, field: string): void {
    const seen = this.unknown.get(word.toLowerCase());
    if (seen) seen.uses++;
    else this.unknown.set(word.toLowerCase(), { word, line: this.lineAt(at), label, field, uses: 1 });
  }

  private reportUnknownMacros(): void {
    for (const u of this.unknown.values()) {
      const name = u.word;
      const more = u.uses > 1 ? ` (used ${u.uses} times in this file)` : "";
      this.diag.warn(u.line, `${u.label}: the field "${u.field}" uses the macro "${name}", which no @string defines${more}; kept as the text "${name}"`);
    }
  }

  run(): void {
    let gapStart = 0;
    for (;;) {
      const at = this.nextEntryStart(this.pos);
      this.checkGap(gapStart, at < 0 ? this.n : at);
      if (at < 0) {
        this.reportUnknownMacros();
        return;
      }
      this.pos = at;
      this.readBlock();
      gapStart = this.pos;
    }
  }

  /**
   * The next `@type{` / `@type(` at or after `from` outside a `%` comment line, or -1. An `@` that does not open a
   * block (an e-mail address in a note between entries) is text.
   */
  private nextEntryStart(from: number): number {
    let i = from;
    while (i < this.n) {
      const at = this.text.indexOf("@", i);
      if (at < 0) return -1;
      if (!this.inCommentLine(at) && this.headerAt(at) !== null) return at;
      i = at + 1;
    }
    return -1;
  }

  // The last line asked about and the offset of its leading `%` (-1: none), so that a line full of `@` costs one look.
  private commentLine = -1;
  private commentAt = -1;

  /** True when a `%` is the first non-blank character of the line holding `offset`, before it. */
  private inCommentLine(offset: number): boolean {
    const line = this.lineAt(offset) - 1;
    if (line !== this.commentLine) {
      this.commentLine = line;
      let i = this.starts[line]!;
      while (i < this.n && (this.text.charCodeAt(i) === SPACE || this.text.charCodeAt(i) === TAB)) i++;
      this.commentAt = this.text.charCodeAt(i) === 37 ? i : -1;
    }
    return this.commentAt >= 0 && this.commentAt < offset;
  }

  /** `@type{` / `@type(` at `at`: the lower-case type, the opening character and the offset after it; else null. */
  private headerAt(at: number): { type: string; open: number; body: number } | null {
    let i = at + 1;
    while (i < this.n && (this.text.charCodeAt(i) === SPACE || this.text.charCodeAt(i) === TAB)) i++;
    const typeStart = i;
    if (!isLetter(this.text.charCodeAt(i))) return null;
    while (i < this.n && (isNameChar(this.text.charCodeAt(i)))) i++;
    const type = this.text.slice(typeStart, i);
    while (i < this.n && isSpace(this.text.charCodeAt(i))) i++;
    const open = this.text.charCodeAt(i);
    if (open !== 123 && open !== 40) return null;
    return { type: type.toLowerCase(), open, body: i + 1 };
  }

  /** True when the line that starts at `lineStart` begins (after blanks) with an entry header: where damage ends. */
  private entryLineAt(lineStart: number): boolean {
    let i = lineStart;
    while (i < this.n && (this.text.charCodeAt(i) === SPACE || this.text.charCodeAt(i) === TAB)) i++;
    return this.text.charCodeAt(i) === 64 && this.headerAt(i) !== null;
  }

  /** Offset of the next line, at or after `from`, that starts an entry; the end of the text when none does. */
  private nextEntryLine(from: number): number {
    let i = from;
    while (i < this.n) {
      const c = this.text.charCodeAt(i);
      if (c === LF || c === CR) {
        const next = c === CR && this.text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        if (this.entryLineAt(next)) return next;
        i = next;
      } else i++;
    }
    return this.n;
  }

  /** Text between blocks is ignored, but text that looks like a field or an entry without its `@` is worth a warning. */
  private checkGap(from: number, to: number): void {
    if (to - from < 3) return;
    const gap = this.text.slice(from, to);
    const entry = /^[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*[^\s,{}()="#%]+[ \t]*,[ \t]*$/m.exec(gap);
    // The lines left unread run from the suspicious line to the gap's last non-blank character.
    const unread = (at: number): string => {
      const first = this.lineAt(at);
      let end = to;
      while (end > at && isSpace(this.text.charCodeAt(end - 1))) end--;
      const last = this.lineAt(end);
      return last > first ? ` (lines ${first}-${last})` : "";
    };
    if (entry) {
      const at = from + entry.index + (entry[0].length - entry[0].trimStart().length);
      this.diag.warn(this.lineAt(at), `"${excerpt(entry[0].trim(), 40)}" looks like the start of an entry without its "@": it was not read${unread(at)}`);
      return;
    }
    const field = /^[ \t]*,?[ \t]*([A-Za-z][\w.+:-]*)[ \t]*=[ \t]*[{"\d]/m.exec(gap);
    if (field) {
      const at = from + field.index + (field[0].length - field[0].trimStart().length);
      this.diag.warn(this.lineAt(at),
        `text outside any entry looks like a field ("${excerpt(field[0].trim(), 40)}"): an entry above may have been closed too early by an extra "}" (or an entry lost its "@type{key," line); it was not read${unread(at)}`);
    }
  }

  private skipSpace(i: number): number {
    while (i < this.n && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** Skips blanks, line breaks and `%` comments between fields (biber's rule: `title = {A}, % note` is a comment). */
  private skipFiller(i: number): number {
    for (;;) {
      i = this.skipSpace(i);
      if (this.text.charCodeAt(i) === 37) {
        while (i < this.n && this.text.charCodeAt(i) !== LF && this.text.charCodeAt(i) !== CR) i++;
        continue;
      }
      return i;
    }
  }

  private readBlock(): void {
    const at = this.pos;
    const header = this.headerAt(at)!;
    const close = header.open === 123 ? 125 : 41;
    const line = this.lineAt(at);
    if (header.type === "comment" || header.type === "preamble") {
      const end = this.skipBlock(header.body, close);
      if (end >= 0) {
        this.pos = end;
      } else if (header.type === "comment") {
        // BibTeX itself reads `@comment` as a word and the rest as text between entries.
        this.pos = header.body;
      } else {
        this.diag.warn(line, "@preamble is not closed (a brace without its partner): skipped up to the next entry");
        this.pos = this.nextEntryLine(header.body);
      }
      return;
    }
    if (header.type === "string") {
      this.readString(header.body, close, line);
      return;
    }
    this.readEntry(header.type, header.body, close, line);
  }

  /** The offset after a balanced block closed by `close`, or -1 when it is not closed before the next entry line. */
  private skipBlock(from: number, close: number): number {
    let depth = 0;
    for (let i = from; i < this.n; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 123) depth++;
      else if (c === 125) {
        if (depth === 0 && close === 125) return i + 1;
        depth--;
        if (depth < 0) return -1;
      } else if (c === close && depth === 0) return i + 1;
      else if ((c === LF || c === CR) && this.entryLineAt(c === CR && this.text.charCodeAt(i + 1) === LF ? i + 2 : i + 1)) return -1;
    }
    return -1;
  }

  private readString(from: number, close: number, line: number): void {
    const fields = new Map<string, RawField>();
    const result = this.readFields(from, close, fields, `@string on line ${line}`);
    for (const [name, field] of fields) this.macros.set(name, field.value);
    if (result.status === "broken") {
      this.diag.warn(line, `@string could not be read (${result.reason}); fields that use its macro keep the macro's name as their text`);
    }
    this.pos = result.end;
  }

  private readEntry(type: string, from: number, close: number, line: number): void {
    const keyed = this.readKey(from, close, type, line);
    const label = keyed.key === null ? `@${type} on line ${line}` : `@${type}{${keyed.key}}`;
    if (keyed.status === "broken") {
      this.diag.error(line, `${label} was skipped: ${keyed.reason}`);
      this.pos = this.nextEntryLine(from);
      return;
    }
    const fields = new Map<string, RawField>();
    const result = keyed.status === "closed" ? { status: "closed" as const, end: keyed.end } : this.readFields(keyed.end, close, fields, label);
    this.pos = result.end;
    if (result.status === "broken") {
      this.diag.error(line, `${label} was skipped: ${result.reason}; reading went on at line ${this.lineAt(result.end)}`);
      return;
    }
    if (result.status === "cut") {
      this.diag.warn(line, `${label} is not closed before the end of the file (the file may be cut short); its fields were read`);
    } else if (result.status === "next") {
      // The range says which lines it took in: an entry whose "@type{key," line is damaged is read into this one.
      const next = this.lineAt(result.end);
      this.diag.warn(line, `${label} is not closed before the next entry on line ${next}; its fields were read${next - 1 > line ? ` (lines ${line}-${next - 1})` : ""}`);
    }
    this.entries.push({ type, key: keyed.key, line, fields });
  }

  /**
   * The citation key and where the fields start. Keys may hold spaces (Scopus builds them from compound surnames:
   * `@ARTICLE{de la Cruz2023,`). A missing key or a missing comma after it is a warning.
   */
  private readKey(from: number, close: number, type: string, line: number):
    { status: "fields" | "closed"; key: string | null; end: number } | { status: "broken"; key: string | null; reason: string } {
    let i = from;
    while (i < this.n) {
      const c = this.text.charCodeAt(i);
      if (c === 44 || c === 61 || c === 123 || c === 125 || c === 34 || c === 35 || c === LF || c === CR || c === close) break;
      i++;
    }
    const raw = this.text.slice(from, i);
    const key = raw.trim();
    const c = i < this.n ? this.text.charCodeAt(i) : -1;
    if (c === 44) {
      if (key === "") this.diag.warn(line, `@${type} has no citation key; its fields were read`);
      return { status: "fields", key: key || null, end: i + 1 };
    }
    if (c === close) return { status: "closed", key: key || null, end: i + 1 };
    if (c === 61) {
      // `@article{title = ...`: no key; `@article{smith2020 title = ...`: the comma after the key is missing.
      const m = /^(.*\S)\s+(\S+)\s*$/s.exec(raw);
      if (m && m[1] && m[2] && /^[\w.+:/-]+$/.test(m[2])) {
        this.diag.warn(line, `@${type}{${m[1]}}: the comma after the key is missing; read as if it were there`);
        return { status: "fields", key: m[1], end: from + raw.lastIndexOf(m[2]) };
      }
      this.diag.warn(line, `@${type} has no citation key; its fields were read`);
      return { status: "fields", key: null, end: from + (raw.length - raw.trimStart().length) };
    }
    if (c === LF || c === CR) {
      const next = this.skipFiller(i);
      const nc = this.text.charCodeAt(next);
      if (nc === 44) return { status: "fields", key: key || null, end: next + 1 };
      if (nc === close) return { status: "closed", key: key || null, end: next + 1 };
      if (this.fieldStartAt(next)) {
        if (key === "") this.diag.warn(line, `@${type} has no citation key; its fields were read`);
        else this.diag.warn(line, `@${type}{${key}}: the comma after the key is missing; read as if it were there`);
        return { status: "fields", key: key || null, end: next };
      }
      return { status: "broken", key: key || null, reason: `the line after "@${type}{${excerpt(key, 40)}" is not a field (expected "name = value")` };
    }
    if (c < 0) return { status: "broken", key: key || null, reason: "the file ends inside the entry's key" };
    return { status: "broken", key: null, reason: `unexpected "${this.text[i]}" in the citation key "${excerpt(key, 40)}"` };
  }

  /** True when `name =` (or `name {`, `name "`) starts at `i`. */
  private fieldStartAt(i: number): boolean {
    let j = i;
    while (j < this.n && isNameChar(this.text.charCodeAt(j))) j++;
    if (j === i) return false;
    while (j < this.n && (this.text.charCodeAt(j) === SPACE || this.text.charCodeAt(j) === TAB)) j++;
    const c = this.text.charCodeAt(j);
    return c === 61;
  }

  /**
   * Fields up to the entry's closing character. "closed": closed as it should be; "next": the next entry starts on a
   * line of its own before the close; "cut": the text ends between fields; "broken": a value or the syntax is damaged
   * beyond reading (`end` is where reading goes on).
   */
  private readFields(from: number, close: number, fields: Map<string, RawField>, label: string):
    { status: "closed" | "next" | "cut"; end: number } | { status: "broken"; reason: string; end: number } {
    let i = from;
    let previous: string | null = null;
    // After a value, the next field needs a comma before it; a missing one is a warning.
    let needComma = false;
    for (;;) {
      i = this.skipFiller(i);
      if (this.text.charCodeAt(i) === 44) {
        needComma = false;
        while (this.text.charCodeAt(i) === 44) i = this.skipFiller(i + 1);
      }
      if (i >= this.n) return { status: "cut", end: this.n };
      const c = this.text.charCodeAt(i);
      if (c === close) return { status: "closed", end: i + 1 };
      // Between fields an entry header can only be the next entry: this one lost its closing brace.
      if (c === 64 && this.headerAt(i) !== null) return { status: "next", end: i };
      const nameStart = i;
      while (i < this.n && isNameChar(this.text.charCodeAt(i))) i++;
      if (i === nameStart) {
        const junk = this.strayText(i, previous, label);
        if (junk < 0) return { status: "broken", reason: `unexpected "${excerpt(this.lineText(i), 30)}" where a field name should be (line ${this.lineAt(i)})`, end: this.nextEntryLine(i) };
        i = junk;
        needComma = false;
        continue;
      }
      const name = this.text.slice(nameStart, i).toLowerCase();
      const nameLine = this.lineAt(nameStart);
      i = this.skipSpace(i);
      const eq = this.text.charCodeAt(i);
      if (eq === 61) {
        i++;
      } else if (eq === 123 || eq === 34) {
        this.diag.warn(nameLine, `${label}: "=" is missing after the field name "${name}"; read as if it were there`);
      } else if (!/[{}"=]/.test(this.lineText(nameStart))) {
        // A line that is no field and holds no value (`urn: https://...,`, pasted into a thesis entry): skipped.
        this.diag.warn(nameLine, `${label}: the line "${excerpt(this.lineText(nameStart), 40)}" is not a field (name = value); skipped`);
        i = this.endOfLine(nameStart);
        needComma = false;
        continue;
      } else {
        return { status: "broken", reason: `the field name "${name}" (line ${nameLine}) is not followed by "="`, end: this.nextEntryLine(nameStart) };
      }
      if (needComma && previous !== null) {
        this.diag.warn(nameLine, `${label}: a comma is missing between the fields "${previous}" and "${name}"; read as if it were there`);
      }
      const value = this.readValue(i, label, name);
      if (!value.ok) {
        const end = value.at >= this.n ? this.n : value.at;
        return { status: "broken", reason: `the value of field "${name}" (line ${nameLine}) ${value.reason}`, end };
      }
      const existing = fields.get(name);
      if (existing) {
        this.diag.warn(nameLine, `${label}: the field "${name}" is given twice; the first one (line ${existing.line}) is kept`);
      } else {
        fields.set(name, { value: value.value, line: nameLine });
      }
      previous = name;
      needComma = true;
      i = this.skipSpaceInLine(value.end);
      const after = this.text.charCodeAt(i);
      if (after === 44 || after === close || i >= this.n || after === LF || after === CR || after === 64 || this.fieldStartAt(i)) continue;
      const junk = this.strayText(i, name, label);
      if (junk < 0) return { status: "broken", reason: `unexpected "${excerpt(this.lineText(i), 30)}" after the field "${name}" (line ${this.lineAt(i)})`, end: this.nextEntryLine(i) };
      i = junk;
      needComma = false;
    }
  }

  /**
   * A few stray characters up to the end of the line (a full-width comma "，", a semicolon) that hold no field: warned
   * about and skipped; returns where reading goes on, or -1 when the text is more than a stray mark.
   */
  private strayText(i: number, previous: string | null, label: string): number {
    let end = i;
    while (end < this.n && this.text.charCodeAt(end) !== LF && this.text.charCodeAt(end) !== CR) end++;
    const stray = this.text.slice(i, end).trim();
    if (stray.length === 0 || stray.length > 3 || /[={}"@]/.test(stray)) return -1;
    this.diag.warn(this.lineAt(i), `${label}: unexpected "${stray}"${previous ? ` after the field "${previous}"` : ""} ignored`);
    return end;
  }

  private endOfLine(i: number): number {
    let end = i;
    while (end < this.n && this.text.charCodeAt(end) !== LF && this.text.charCodeAt(end) !== CR) end++;
    return end;
  }

  private lineText(i: number): string {
    return this.text.slice(i, this.endOfLine(i)).trim();
  }

  private skipSpaceInLine(i: number): number {
    while (i < this.n && (this.text.charCodeAt(i) === SPACE || this.text.charCodeAt(i) === TAB)) i++;
    return i;
  }

  /** `{...}`, `"..."`, a number or a macro name, joined by `#`. */
  private readValue(from: number, label: string, field: string): ValueResult {
    let i = this.skipSpace(from);
    let value = "";
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (c === 123) {
        const part = this.readDelimited(i + 1, 125);
        if (!part.ok) return part;
        value += part.value;
        i = part.end;
      } else if (c === 34) {
        const part = this.readDelimited(i + 1, 34);
        if (!part.ok) return part;
        value += part.value;
        i = part.end;
      } else if (isNameChar(c)) {
        const start = i;
        while (i < this.n && isNameChar(this.text.charCodeAt(i))) i++;
        const word = this.text.slice(start, i);
        if (/^\d+$/.test(word)) value += word;
        else {
          const macro = this.macros.get(word.toLowerCase());
          if (macro === undefined) {
            this.unknownMacro(word, start, label, field);
            value += word;
          } else value += macro;
        }
      } else if (i >= this.n) {
        return { ok: false, reason: "is missing: the file ends", at: this.n };
      } else if (value === "" && (c === 44 || c === 125 || c === 41)) {
        // `volume = ,`: an empty value, read as absent.
        this.diag.warn(this.lineAt(i), `${label}: the field "${field}" has no value; read as empty`);
        return { ok: true, value: "", end: i };
      } else {
        return { ok: false, reason: `is missing (found "${excerpt(this.lineText(i), 20)}")`, at: this.nextEntryLine(i) };
      }
      const next = this.skipSpace(i);
      if (this.text.charCodeAt(next) === 35) {
        i = this.skipSpace(next + 1);
        continue;
      }
      return { ok: true, value, end: i };
    }
  }

  /**
   * A braced (`close` = `}`) or quoted (`close` = `"`) value from just after its opening character. Braces nest; a quote
   * inside braces is text. Fails where a line starts a new entry before the value closes, or at the end of the text.
   */
  private readDelimited(from: number, close: number): ValueResult {
    let depth = 0;
    const opened = this.lineAt(from);
    const what = close === 125 ? "opens a brace" : "opens a quote";
    // Jump from one character that matters to the next (a native search; values are most of a file's text).
    const special = close === 125 ? BRACED_SPECIAL : QUOTED_SPECIAL;
    for (let i = from; i < this.n; i++) {
      special.lastIndex = i;
      if (!special.test(this.text)) break;
      i = special.lastIndex - 1;
      const c = this.text.charCodeAt(i);
      if (c === 123) depth++;
      else if (c === 125) {
        if (depth === 0) {
          if (close === 125) return { ok: true, value: this.text.slice(from, i), end: i + 1 };
          return { ok: false, reason: `${what} on line ${opened} and has a "}" without its "{" on line ${this.lineAt(i)}`, at: this.nextEntryLine(i) };
        }
        depth--;
      } else if (c === 34 && close === 34 && depth === 0) {
        return { ok: true, value: this.text.slice(from, i), end: i + 1 };
      } else if (c === LF || c === CR) {
        const next = c === CR && this.text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        if (this.entryLineAt(next)) {
          return { ok: false, reason: `${what} on line ${opened} that is not closed before the next entry on line ${this.lineAt(next)}`, at: next };
        }
      }
    }
    return { ok: false, reason: `${what} on line ${opened} that is never closed`, at: this.n };
  }
}

/** Entries of a .bib text, in file order; syntax problems go to `diag` with their lines. */
export function parseBibtex(text: string, diag: Diagnostics): RawEntry[] {
  const parser = new Parser(text, diag);
  parser.run();
  return parser.entries;
}
