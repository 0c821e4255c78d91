/**
 * One linear pass over JSON text that finds where each record starts and ends, with its line, without building the
 * values: the top-level values, and the elements of the arrays reached from the first value through object members
 * (the root array itself, `results`, `data`, `message.items`, ...). The same pass is a strict validator, so a malformed
 * record is reported with the line and column of its first error (in our words, the same in every JavaScript engine)
 * while its neighbours are still found and read.
 *
 * Recovery, so one broken element does not swallow the rest: a string cannot hold a raw line break, so an unclosed
 * string ends at the end of its line; a value where a property name belongs (`{"a": 1, {"b": 2}`, a missing `}`)
 * restarts at the nearest array of records; a closing bracket of the wrong kind closes up to the bracket it matches,
 * or is skipped when nothing matches.
 */

export interface JsonSpan {
  /** Offset of the value's first character. */
  start: number;
  /** Offset just after the value's last character. */
  end: number;
  /** 1-based line and column of `start`. */
  line: number;
  column: number;
  /**
   * The first error inside this value, when it is malformed or a record in it holds a name twice (then it is not
   * parsed). A repeated name is valid JSON, so it is not counted among the scan's syntax errors.
   */
  error?: JsonScanError;
}

export interface JsonScanError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

export interface JsonScan {
  /** Every top-level value (JSON Lines and concatenated JSON have several). */
  roots: JsonSpan[];
  /** Member names of the first top-level value when it is an object, in order (at most MAX_ROOT_KEYS). */
  rootKeys: string[];
  /**
   * Element spans of the arrays reached from the first top-level value through object members only, at most two
   * names deep, by path: "" (the top-level array), "results", "message.items".
   */
  arrays: Map<string, JsonSpan[]>;
  /** Errors in the order found (at most MAX_ERRORS; `errorCount` has them all). */
  errors: JsonScanError[];
  errorCount: number;
}

const MAX_ROOT_KEYS = 50;
const MAX_ERRORS = 1000;
const MAX_PATH_KEYS = 2;

const enum State {
  /** A value is expected (top level, after ':' or after ',' in an array). */
  Value,
  /** Just after '[': a value or ']'. */
  ValueOrClose,
  /** Just after '{': a name or '}'. */
  KeyOrClose,
  /** After ',' in an object: a name. */
  Key,
  /** After a name: ':'. */
  Colon,
  /** After a member or element value: ',' or the closing bracket. */
  CommaOrClose,
}

interface Frame {
  kind: "object" | "array";
  state: State;
  /** Path from the first root through object members only; null when the frame is not tracked. */
  path: string | null;
  /** Number of member names in `path`. */
  depth: number;
  /** The current member name (tracked objects only). */
  key: string | null;
  /** Element spans (tracked arrays only). */
  elements: JsonSpan[] | null;
  /** The element being read (tracked arrays), or the value this frame is (for its parent's bookkeeping). */
  open: JsonSpan | null;
  /**
   * Member names seen so far, for a record (an element of a tracked array, or the first root object): a name twice
   * in one record is how two records read as one when the "}" and "{" between them are lost.
   */
  names: Set<string> | null;
}

const QUOTE = 34, BACKSLASH = 92, LF = 10, CR = 13;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isDelimiter(c: number): boolean {
  return isSpace(c) || c === 44 /* , */ || c === 93 /* ] */ || c === 125 /* } */ || c === 58 /* : */ || c === QUOTE
    || c === 91 /* [ */ || c === 123 /* { */;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when text[from, to) is a JSON number or literal. */
function isScalar(text: string, from: number, to: number): boolean {
  const len = to - from;
  if (len === 4 && (text.startsWith("true", from) || text.startsWith("null", from))) return true;
  if (len === 5 && text.startsWith("false", from)) return true;
  let i = from;
  if (text.charCodeAt(i) === 45 /* - */) i++;
  if (i >= to) return false;
  if (text.charCodeAt(i) === 48 /* 0 */) i++;
  else if (isDigit(text.charCodeAt(i))) while (i < to && isDigit(text.charCodeAt(i))) i++;
  else return false;
  if (i < to && text.charCodeAt(i) === 46 /* . */) {
    i++;
    if (i >= to || !isDigit(text.charCodeAt(i))) return false;
    while (i < to && isDigit(text.charCodeAt(i))) i++;
  }
  if (i < to && (text.charCodeAt(i) | 32) === 101 /* e */) {
    i++;
    if (i < to && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
    if (i >= to || !isDigit(text.charCodeAt(i))) return false;
    while (i < to && isDigit(text.charCodeAt(i))) i++;
  }
  return i === to;
}

function isHex(c: number): boolean {
  return isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** A member name as JSON reads it (escapes decoded; a name whose escapes are broken is kept as written). */
function nameAt(text: string, start: number, end: number, closed: boolean, hasEscape: boolean): string {
  const raw = text.slice(start + 1, closed ? end - 1 : end);
  if (!hasEscape) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** A short, printable rendering of the text at an offset for messages. */
function shown(text: string, from: number, to: number): string {
  const s = text.slice(from, Math.min(to, from + 20));
  return to - from > 20 ? `${s}…` : s;
}

/**
 * Scans text[from, to). `firstLine` is the line number of `from` (lines end at \n, \r\n or \r), and `from` must be the
 * start of that line so columns are right.
 */
export function scanJson(text: string, from = 0, to = text.length, firstLine = 1): JsonScan {
  const roots: JsonSpan[] = [];
  const rootKeys: string[] = [];
  const arrays = new Map<string, JsonSpan[]>();
  const errors: JsonScanError[] = [];
  let errorCount = 0;
  const stack: Frame[] = [];
  // Tracked arrays on the stack: errors mark their open element (at most MAX_PATH_KEYS + 1 of them).
  const tracked: Frame[] = [];
  let openRoot: JsonSpan | null = null;

  let line = firstLine;
  let lineStart = from;
  let i = from;

  const fail = (offset: number, message: string): void => {
    const error: JsonScanError = { offset, line, column: offset - lineStart + 1, message };
    errorCount++;
    if (errors.length < MAX_ERRORS) errors.push(error);
    if (openRoot && !openRoot.error) openRoot.error = error;
    for (const f of tracked) if (f.open && !f.open.error) f.open.error = error;
  };

  /** Marks the open record as not to be read, without a syntax error (see JsonSpan.error). */
  const suspect = (offset: number, message: string): void => {
    const error: JsonScanError = { offset, line, column: offset - lineStart + 1, message };
    if (openRoot && !openRoot.error) openRoot.error = error;
    for (const f of tracked) if (f.open && !f.open.error) f.open.error = error;
  };

  const top = (): Frame | undefined => stack[stack.length - 1];

  /** A value starts at `at`: open its span where someone tracks it. */
  const valueStarts = (at: number): void => {
    const f = top();
    const span: JsonSpan = { start: at, end: at, line, column: at - lineStart + 1 };
    if (!f) {
      openRoot = span;
    } else if (f.kind === "array" && f.elements) {
      f.open = span;
    }
  };

  /** The value that started last at this level ended just before `at`. */
  const valueEnds = (at: number): void => {
    const f = top();
    if (!f) {
      if (openRoot) {
        openRoot.end = at;
        roots.push(openRoot);
        openRoot = null;
      }
      return;
    }
    if (f.kind === "array" && f.elements && f.open) {
      f.open.end = at;
      f.elements.push(f.open);
      f.open = null;
    }
    f.state = State.CommaOrClose;
  };

  /** The state a value must be in to start here, or null when no value may start. */
  const canStartValue = (): boolean => {
    const f = top();
    if (!f) return true;
    return f.state === State.Value || f.state === State.ValueOrClose;
  };

  const childPath = (parent: Frame | undefined): string | null => {
    if (!parent) return roots.length === 0 ? "" : null;
    if (parent.kind !== "object" || parent.path === null || parent.key === null || parent.depth >= MAX_PATH_KEYS) return null;
    return parent.path === "" ? parent.key : `${parent.path}.${parent.key}`;
  };

  const open = (kind: "object" | "array", at: number): void => {
    valueStarts(at);
    const parent = top();
    const path = childPath(parent);
    const frame: Frame = {
      kind,
      state: kind === "object" ? State.KeyOrClose : State.ValueOrClose,
      path,
      depth: !parent ? 0 : parent.depth + 1,
      key: null,
      elements: kind === "array" && path !== null ? [] : null,
      open: null,
      names: kind === "object" && (parent ? parent.kind === "array" && parent.elements !== null : roots.length === 0) ? new Set() : null,
    };
    if (frame.elements && path !== null && !arrays.has(path)) arrays.set(path, frame.elements);
    stack.push(frame);
    if (frame.elements) tracked.push(frame);
  };

  const close = (at: number): void => {
    const f = stack.pop();
    if (f && f.elements) tracked.pop();
    valueEnds(at);
  };

  /** Errors inside an object where a name belongs: restart at the nearest tracked array when there is one. */
  const resyncToRecords = (): boolean => {
    const target = tracked[tracked.length - 1];
    if (!target) return false;
    const openElement = target.open;
    while (top() !== target) {
      const f = stack.pop();
      if (f && f.elements) tracked.pop();
    }
    if (openElement) {
      // The broken element ends where the next one starts; trailing space and commas are not part of it.
      let end = i;
      while (end > openElement.start && (isSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 44)) end--;
      openElement.end = end;
      target.elements?.push(openElement);
      target.open = null;
    }
    target.state = State.Value;
    return true;
  };

  /** Reads the string starting at the quote at `start`; a raw line break ends an unclosed string. Moves `i`. */
  const readString = (start: number): { end: number; closed: boolean; hasEscape: boolean } => {
    i = start + 1;
    let hasEscape = false;
    while (i < to) {
      const d = text.charCodeAt(i);
      if (d === QUOTE) {
        i++;
        return { end: i, closed: true, hasEscape };
      }
      if (d === BACKSLASH) {
        hasEscape = true;
        const e = text.charCodeAt(i + 1);
        if (i + 1 >= to || e === LF || e === CR) {
          i++;
          continue; // the line break (or the end) ends the string below
        }
        if (e === 117 /* u */) {
          if (isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 3)) && isHex(text.charCodeAt(i + 4)) && isHex(text.charCodeAt(i + 5)) && i + 5 < to) {
            i += 6;
          } else {
            fail(i, "a \\u escape inside a string needs four hexadecimal digits");
            i += 2;
          }
          continue;
        }
        if (!(e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116)) {
          fail(i, `unknown escape '\\${String.fromCharCode(e)}' inside a string`);
        }
        i += 2;
        continue;
      }
      if (d === LF || d === CR) break;
      if (d < 32) fail(i, "a control character (such as a tab) inside a string; it must be written as an escape");
      i++;
    }
    fail(i, i >= text.length ? "the text ends inside a string (the file may be cut off)" : "a string is not closed (its closing quote is missing)");
    return { end: i, closed: false, hasEscape };
  };

  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === CR) {
      i++;
      if (text.charCodeAt(i) !== LF || i >= to) {
        line++;
        lineStart = i;
      }
      continue;
    }
    // A byte-order mark between values (files concatenated with `cat`) is read as space.
    if (c === 32 || c === 9 || c === 0xfeff) {
      i++;
      continue;
    }
    const f = top();

    if (c === QUOTE) {
      const start = i;
      if (f && f.kind === "object" && f.state === State.CommaOrClose) {
        // `{"a": 1 "b": 2}`: read "b" as the next name.
        fail(i, "expected ',' or '}' after a property value (a comma is missing)");
        f.state = State.Key;
      } else if (f && f.kind === "array" && f.state === State.CommaOrClose) {
        fail(i, "expected ',' or ']' between the elements of a list (a comma is missing)");
        f.state = State.Value;
      } else if (f && f.state === State.Colon) {
        fail(i, "expected ':' after a property name");
        f.state = State.Value;
      }
      const isName = !!f && f.kind === "object" && (f.state === State.KeyOrClose || f.state === State.Key);
      if (!isName) valueStarts(start);
      const { end, closed, hasEscape } = readString(start);
      if (!isName) {
        valueEnds(end);
      } else if (f) {
        if (f.path !== null || f.names) {
          const key = nameAt(text, start, end, closed, hasEscape);
          if (f.path !== null) f.key = key;
          if (f.path !== null && f.depth === 0 && stack.length === 1 && roots.length === 0 && rootKeys.length < MAX_ROOT_KEYS) rootKeys.push(key);
          if (f.names) {
            if (f.names.has(key)) suspect(start, `the property "${shown(key, 0, key.length)}" appears twice in one record (the '}' and '{' between two records may be missing)`);
            else f.names.add(key);
          }
        }
        f.state = State.Colon;
      }
      continue;
    }

    if (c === 123 /* { */ || c === 91 /* [ */) {
      if (f && f.kind === "object" && (f.state === State.KeyOrClose || f.state === State.Key)) {
        fail(i, "expected a property name in double quotes (a '}' may be missing before this)");
        if (resyncToRecords()) continue; // re-read this bracket as the next element
        f.state = State.Value;
      } else if (f && f.state === State.CommaOrClose) {
        fail(i, f.kind === "array" ? "expected ',' or ']' between the elements of a list (a comma is missing)" : "expected ',' or '}' after a property value");
        if (f.kind === "object") {
          if (resyncToRecords()) continue;
        }
        f.state = State.Value;
      } else if (f && f.state === State.Colon) {
        fail(i, "expected ':' after a property name");
        f.state = State.Value;
      }
      open(c === 123 ? "object" : "array", i);
      i++;
      continue;
    }

    if (c === 125 /* } */ || c === 93 /* ] */) {
      const kind = c === 125 ? "object" : "array";
      if (!f) {
        fail(i, `an unexpected '${String.fromCharCode(c)}' with nothing open to close`);
        i++;
        continue;
      }
      if (f.kind !== kind) {
        let depth = stack.length - 1;
        while (depth >= 0 && stack[depth]!.kind !== kind) depth--;
        if (depth < 0) {
          fail(i, `an unexpected '${String.fromCharCode(c)}' (nothing open that it closes)`);
          i++;
          continue;
        }
        fail(i, `'${String.fromCharCode(c)}' closes a ${kind === "object" ? "'{'" : "'['"} while a ${f.kind === "object" ? "'{'" : "'['"} is still open (a '${f.kind === "object" ? "}" : "]"}' is missing)`);
        while (stack.length - 1 > depth) close(i);
      } else if (f.state === State.Key || (f.state === State.Value && f.kind === "array")) {
        fail(i, `a trailing comma before '${String.fromCharCode(c)}'`);
      } else if (f.state === State.Colon || f.state === State.Value) {
        fail(i, "a property has no value");
      }
      i++;
      close(i);
      continue;
    }

    if (c === 58 /* : */) {
      if (f && f.kind === "object" && f.state === State.Colon) f.state = State.Value;
      else fail(i, "an unexpected ':'");
      i++;
      continue;
    }

    if (c === 44 /* , */) {
      if (f && f.state === State.CommaOrClose) f.state = f.kind === "object" ? State.Key : State.Value;
      else if (!f && roots.length > 0) {
        // Values separated by commas at the top level: read as separate values, but say so.
        fail(i, "an unexpected ',' after a complete value (the list may be missing its '[')");
      } else fail(i, "an unexpected ','");
      i++;
      continue;
    }

    // A number, a literal, or stray text.
    const start = i;
    while (i < to && !isDelimiter(text.charCodeAt(i))) i++;
    if (i === start) i++; // a delimiter that is none of the above cannot happen; guard against an endless loop
    const valid = isScalar(text, start, i);
    if (f && f.kind === "object" && (f.state === State.KeyOrClose || f.state === State.Key)) {
      fail(start, `expected a property name in double quotes, found '${shown(text, start, i)}'`);
      f.state = State.Colon;
      continue;
    }
    if (!canStartValue()) {
      if (f && f.state === State.CommaOrClose) fail(start, f.kind === "array" ? "expected ',' or ']' between the elements of a list" : "expected ',' or '}' after a property value");
      else if (f && f.state === State.Colon) fail(start, "expected ':' after a property name");
    }
    valueStarts(start);
    if (!valid) fail(start, `unexpected text '${shown(text, start, i)}' (text values need double quotes)`);
    valueEnds(i);
  }

  if (stack.length > 0 || openRoot) {
    fail(to, to >= text.length ? "the text ends before the JSON is complete (the file may be cut off)" : "the JSON value is not complete where this line ends");
    while (stack.length > 0) close(to);
  }
  return { roots, rootKeys, arrays, errors, errorCount };
}

/** Where the first error of a span is, as "line L, column C: message". */
export function describeError(error: JsonScanError): string {
  return `line ${error.line}, column ${error.column}: ${error.message}`;
}
