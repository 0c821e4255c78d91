/**
 * Reads and checks the explorer's compact files (explorer-format.ts). Never throws: a truncated, damaged, foreign or
 * mismatched file becomes a list of problems in words ("core.bin: column "x" runs past the end of the file ..."), so
 * the explorer can fall back to graph.json and say why. Typed arrays are views on the file's bytes (no copy) where the
 * platform is little-endian and the bytes are aligned. Pure: no DOM, no Node. Linear in the file size.
 */
import {
  EXPLORER_CHUNK_FORMAT,
  EXPLORER_FORMAT,
  EXPLORER_FORMAT_VERSION,
  EXPLORER_MAGIC,
  REQUIRED_EDGE_COLUMNS,
  REQUIRED_NODE_COLUMNS,
  SECTION_BYTES,
  fnv1a,
  type ChunkGroupSpec,
  type ChunkSpec,
  type ColumnSpec,
  type ExplorerChunk,
  type ExplorerGraphAttributeFile,
  type ExplorerHeader,
  type SectionSpec,
  type SectionType,
} from "./explorer-format";
import { edgeAttributeProblems, edgeFieldHolds, graphAttributeProblems, ladderSizes, nodeAttributeProblems, nodeFieldHolds } from "./validate";

export type Typed = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

const MAX_PROBLEMS = 25;
const REBUILD = "rebuild the explorer files with `npm run graph`";
const CHUNK_FILE = /^(search|details|edges)-\d{4,}\.json$/;
const GRAPH_FILE = /^graph-[A-Za-z]+\.json$/;
const NODE_KINDS = new Set(["author", "paper", "topic"]);
const EDGE_KINDS = new Set(["authored", "coauthor", "coauthor-large", "about", "related"]);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A column decoded: per row a value, null or undefined (absent). */
export interface ColumnReader {
  spec: ColumnSpec;
  /** The value of row i: number, boolean, string, node indices (nodeList), null, or undefined when absent. */
  get(i: number): unknown;
  isAbsent(i: number): boolean;
  isNull(i: number): boolean;
}

export interface NumberColumnReader extends ColumnReader {
  /** The stored values (divide by 10^scale). */
  data: Typed;
  /** Every row as a double: NaN where null or absent. */
  floats(): Float64Array;
}

export interface StringColumnReader extends ColumnReader {
  /** Every row as a string (null where null or absent), decoded once. */
  strings(): (string | null)[];
}

export interface DictColumnReader extends ColumnReader {
  codes: Typed;
  values: (string | null)[];
}

export interface NodeListColumnReader extends ColumnReader {
  offsets: Typed;
  values: Typed;
}

export interface IntListColumnReader extends ColumnReader {
  offsets: Typed;
  values: Typed;
}

export interface DecodedCore {
  header: ExplorerHeader;
  nodeCount: number;
  edgeCount: number;
  nodeColumns: Map<string, ColumnReader>;
  edgeColumns: Map<string, ColumnReader>;
  /** Node index by key (the keys are checked unique with it). */
  keyIndex: Map<string, number>;
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

class Problems {
  list: string[] = [];
  more = 0;
  constructor(private readonly file: string) {}
  add(message: string) {
    if (this.list.length < MAX_PROBLEMS) this.list.push(`${this.file}: ${message}`);
    else this.more++;
  }
  result<T>(value: T): DecodeResult<T> {
    if (!this.list.length) return { ok: true, value };
    if (this.more) this.list.push(`... and ${this.more} more problem${this.more === 1 ? "" : "s"}.`);
    return { ok: false, errors: this.list };
  }
}

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const bit = (bits: Uint8Array | null, i: number) => bits !== null && ((bits[i >> 3]! >> (i & 7)) & 1) === 1;

/** A typed view of a section (a copy when unaligned or on a big-endian platform). */
function sectionArray(body: Uint8Array, s: SectionSpec): Typed {
  const size = SECTION_BYTES[s.type];
  const start = body.byteOffset + s.offset;
  const Ctor = { u8: Uint8Array, i8: Int8Array, u16: Uint16Array, i16: Int16Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array, f64: Float64Array }[s.type];
  if (LITTLE_ENDIAN && start % size === 0) return new Ctor(body.buffer as ArrayBuffer, start, s.length);
  const out = new Ctor(s.length);
  const view = new DataView(body.buffer, start, s.length * size);
  const get = {
    u8: (o: number) => view.getUint8(o),
    i8: (o: number) => view.getInt8(o),
    u16: (o: number) => view.getUint16(o, true),
    i16: (o: number) => view.getInt16(o, true),
    u32: (o: number) => view.getUint32(o, true),
    i32: (o: number) => view.getInt32(o, true),
    f32: (o: number) => view.getFloat32(o, true),
    f64: (o: number) => view.getFloat64(o, true),
  }[s.type];
  for (let i = 0; i < s.length; i++) out[i] = get(i * size);
  return out;
}

/** Checks a section's spec against the body; null (with a problem recorded) when it cannot be read. */
function section(p: Problems, body: Uint8Array, where: string, s: unknown, expected: { length?: number; types?: SectionType[] }): Typed | null {
  if (!isRec(s) || typeof s.type !== "string" || !(s.type in SECTION_BYTES) || !isCount(s.offset) || !isCount(s.length)) {
    p.add(`${where} is not a valid section (type, offset, length), got ${JSON.stringify(s)?.slice(0, 60)}; ${REBUILD}`);
    return null;
  }
  const spec = s as unknown as SectionSpec;
  if (expected.types && !expected.types.includes(spec.type)) {
    p.add(`${where} must be of type ${expected.types.join(" or ")}, got ${spec.type}; ${REBUILD}`);
    return null;
  }
  const bytes = spec.length * SECTION_BYTES[spec.type];
  if (spec.offset % 8 !== 0 || spec.offset + bytes > body.length) {
    p.add(`${where} runs past the end of the file (offset ${spec.offset} + ${bytes} bytes, body ${body.length} bytes): the file is truncated or damaged; ${REBUILD}`);
    return null;
  }
  if (expected.length !== undefined && spec.length !== expected.length) {
    p.add(`${where} holds ${spec.length} values where ${expected.length} were expected; ${REBUILD}`);
    return null;
  }
  return sectionArray(body, spec);
}

function bitmap(p: Problems, body: Uint8Array, where: string, s: unknown, rows: number): Uint8Array | null {
  if (s === undefined) return null;
  return section(p, body, where, s, { length: (rows + 7) >> 3, types: ["u8"] }) as Uint8Array | null;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** UTF-16 offsets of each row of a UTF-8 blob, given the rows' byte offsets (valid UTF-8 assumed). */
function utf16Offsets(bytes: Uint8Array, byteOffsets: Typed, rows: number): Uint32Array {
  const out = new Uint32Array(rows + 1);
  let units = 0;
  let row = 0;
  for (let b = 0; b <= bytes.length; b++) {
    while (row <= rows && byteOffsets[row] === b) out[row++] = units;
    if (b === bytes.length) break;
    const c = bytes[b]!;
    if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1;
  }
  return out;
}


/** A list column's offsets start at 0, end at its value count and never go back; else the problem is added. */
function listOffsetsHold(p: Problems, where: string, offsets: ArrayLike<number>, count: number, rows: number): boolean {
  if (offsets[0] !== 0 || offsets[rows] !== count) {
    p.add(`${where}: offsets do not cover its ${count} values; the file is damaged; ${REBUILD}`);
    return false;
  }
  for (let i = 0; i < rows; i++) {
    if (offsets[i + 1]! < offsets[i]!) {
      p.add(`${where}: row ${i} ends before it starts; the file is damaged; ${REBUILD}`);
      return false;
    }
  }
  return true;
}

function readColumn(p: Problems, body: Uint8Array, of: string, raw: unknown, rows: number, nodeCount: number): ColumnReader | null {
  if (!isRec(raw) || typeof raw.name !== "string") {
    p.add(`a ${of} column has no name; ${REBUILD}`);
    return null;
  }
  const spec = raw as unknown as ColumnSpec;
  const where = `${of} column "${spec.name}"`;
  const nulls = bitmap(p, body, `${where} (nulls)`, spec.nulls, rows);
  const absent = bitmap(p, body, `${where} (absent)`, spec.absent, rows);
  const base = { spec, isAbsent: (i: number) => bit(absent, i), isNull: (i: number) => bit(nulls, i) };
  /** undefined (absent), null, or the row's value. */
  const read = (i: number, value: (i: number) => unknown) => (bit(absent, i) ? undefined : bit(nulls, i) ? null : value(i));
  switch (spec.type) {
    case "number": {
      const data = section(p, body, where, spec.data, { length: rows });
      if (!data) return null;
      if (!Number.isInteger(spec.scale) || spec.scale < 0 || spec.scale > 12) {
        p.add(`${where} has scale ${JSON.stringify(spec.scale)}, expected a whole number 0-12; ${REBUILD}`);
        return null;
      }
      const div = Math.pow(10, spec.scale);
      const value = spec.scale === 0 ? (i: number) => data[i]! : (i: number) => data[i]! / div;
      let floats: Float64Array | null = null;
      const reader: NumberColumnReader = {
        ...base,
        data,
        get: (i) => read(i, value),
        floats: () => {
          if (floats) return floats;
          floats = new Float64Array(rows);
          for (let i = 0; i < rows; i++) floats[i] = bit(absent, i) || bit(nulls, i) ? NaN : value(i);
          return floats;
        },
      };
      return reader;
    }
    case "bool": {
      const data = bitmap(p, body, where, spec.data, rows);
      if (!data) return null;
      return { ...base, get: (i) => read(i, (j) => bit(data, j)) };
    }
    case "string": {
      const offsets = section(p, body, `${where} (offsets)`, spec.offsets, { length: rows + 1, types: ["u32"] });
      const bytes = section(p, body, `${where} (bytes)`, spec.bytes, { types: ["u8"] }) as Uint8Array | null;
      const same = spec.same !== undefined ? bitmap(p, body, `${where} (same)`, spec.same, rows) : null;
      if (!offsets || !bytes) return null;
      for (let i = 0; i < rows; i++) {
        if (offsets[i + 1]! < offsets[i]!) {
          p.add(`${where}: row ${i} ends before it starts; the file is damaged; ${REBUILD}`);
          return null;
        }
      }
      if (offsets[0] !== 0 || offsets[rows] !== bytes.length) {
        p.add(`${where}: offsets do not cover its ${bytes.length} bytes; the file is damaged; ${REBUILD}`);
        return null;
      }
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        p.add(`${where} is not valid UTF-8 text; the file is damaged; ${REBUILD}`);
        return null;
      }
      for (let i = 0; i < rows; i++) {
        const at = offsets[i]!;
        if (at < bytes.length && (bytes[at]! & 0xc0) === 0x80) {
          p.add(`${where}: row ${i} starts inside a character; the file is damaged; ${REBUILD}`);
          return null;
        }
      }
      const u16 = utf16Offsets(bytes, offsets, rows);
      let decoded: (string | null)[] | null = null;
      let sameAs: ColumnReader | undefined;
      const reader: StringColumnReader & { bindSameAs(c: ColumnReader | undefined): void } = {
        ...base,
        get: (i) => read(i, (j) => (bit(same, j) ? sameAs?.get(j) : text.substring(u16[j]!, u16[j + 1]!))),
        strings: () => (decoded ??= Array.from({ length: rows }, (_v, i) => (reader.get(i) as string | null | undefined) ?? null)),
        bindSameAs: (c) => {
          sameAs = c;
        },
      };
      return reader;
    }
    case "dict": {
      const data = section(p, body, where, spec.data, { length: rows, types: ["u8", "u16", "u32"] });
      if (!data) return null;
      if (!Array.isArray(spec.values) || !spec.values.every((v) => v === null || typeof v === "string")) {
        p.add(`${where}: values must be a list of strings; ${REBUILD}`);
        return null;
      }
      for (let i = 0; i < rows; i++) {
        if (!bit(absent, i) && data[i]! >= spec.values.length) {
          p.add(`${where}: row ${i} names value ${data[i]} of ${spec.values.length}; the file is damaged; ${REBUILD}`);
          return null;
        }
      }
      const values = spec.values;
      const reader: DictColumnReader = { ...base, codes: data, values, get: (i) => (bit(absent, i) ? undefined : values[data[i]!]) };
      return reader;
    }
    case "nodeList": {
      const offsets = section(p, body, `${where} (offsets)`, spec.offsets, { length: rows + 1, types: ["u32"] });
      const values = section(p, body, `${where} (values)`, spec.values, { types: ["u16", "u32"] });
      if (!offsets || !values) return null;
      if (!listOffsetsHold(p, where, offsets, values.length, rows)) return null;
      for (let j = 0; j < values.length; j++) {
        if (values[j]! >= nodeCount) {
          p.add(`${where}: names node ${values[j]}, but there are ${nodeCount} nodes; the file is damaged; ${REBUILD}`);
          return null;
        }
      }
      const reader: NodeListColumnReader = { ...base, offsets, values, get: (i) => read(i, (j) => values.subarray(offsets[j]!, offsets[j + 1]!)) };
      return reader;
    }
    case "intList": {
      const offsets = section(p, body, `${where} (offsets)`, spec.offsets, { length: rows + 1, types: ["u32"] });
      const values = section(p, body, `${where} (values)`, spec.values, { types: ["u8", "i8", "u16", "i16", "u32", "i32"] });
      if (!offsets || !values) return null;
      if (!listOffsetsHold(p, where, offsets, values.length, rows)) return null;
      const reader: IntListColumnReader = { ...base, offsets, values, get: (i) => read(i, (j) => Array.from(values.subarray(offsets[j]!, offsets[j + 1]!))) };
      return reader;
    }
    default:
      p.add(`${where} has unknown type ${JSON.stringify((spec as { type?: unknown }).type)}; this explorer reads format version ${EXPLORER_FORMAT_VERSION}`);
      return null;
  }
}

function checkGroups(p: Problems, groups: unknown, nodeCount: number, edgeCount: number): void {
  if (!Array.isArray(groups)) {
    p.add(`the header's "groups" must be a list; ${REBUILD}`);
    return;
  }
  for (const g of groups) {
    if (!isRec(g) || !["search", "details", "edges"].includes(g.name as string) || !["node", "edge"].includes(g.of as string) || !Array.isArray(g.chunks)) {
      p.add(`a chunk group is malformed (${JSON.stringify(g)?.slice(0, 60)}); ${REBUILD}`);
      continue;
    }
    const rows = g.of === "node" ? nodeCount : edgeCount;
    let next = 0;
    for (const c of g.chunks as unknown[]) {
      if (!isRec(c) || typeof c.file !== "string" || !CHUNK_FILE.test(c.file) || !isCount(c.first) || !isCount(c.count) || !isCount(c.bytes) || typeof c.fnv1a !== "string") {
        p.add(`group "${g.name}": a chunk entry is malformed (${JSON.stringify(c)?.slice(0, 80)}); ${REBUILD}`);
        continue;
      }
      if (c.first !== next || c.first + c.count > rows) {
        p.add(`group "${g.name}": chunk ${c.file} covers rows ${c.first}-${c.first + c.count - 1}, expected to start at ${next} and end by ${rows - 1}; ${REBUILD}`);
      }
      next = c.first + c.count;
    }
  }
}

function checkGraphFiles(p: Problems, files: unknown): void {
  if (files === undefined) return;
  if (!Array.isArray(files)) {
    p.add(`the header's "graphFiles" must be a list; ${REBUILD}`);
    return;
  }
  for (const f of files) {
    if (!isRec(f) || typeof f.attribute !== "string" || typeof f.file !== "string" || !GRAPH_FILE.test(f.file) || !isCount(f.bytes) || typeof f.fnv1a !== "string") {
      p.add(`a graph attribute file entry is malformed (${JSON.stringify(f)?.slice(0, 80)}); ${REBUILD}`);
    }
  }
}

/** Decodes core.bin. `file` names it in problems. */
export function decodeCore(bytes: Uint8Array, file = "core.bin"): DecodeResult<DecodedCore> {
  const p = new Problems(file);
  if (bytes.length < 12 || String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) !== EXPLORER_MAGIC) {
    p.add(`not an explorer core file (it does not start with "${EXPLORER_MAGIC}"); ${REBUILD}`);
    return p.result(null as never);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== EXPLORER_FORMAT_VERSION) {
    p.add(`format version ${version}; this explorer reads version ${EXPLORER_FORMAT_VERSION}; ${REBUILD}`);
    return p.result(null as never);
  }
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) {
    p.add(`the header (${headerLength} bytes) runs past the end of the file (${bytes.length} bytes): the file is truncated; ${REBUILD}`);
    return p.result(null as never);
  }
  let header: ExplorerHeader;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + headerLength))) as ExplorerHeader;
  } catch (e) {
    p.add(`the header is not valid JSON (${e instanceof Error ? e.message : String(e)}); ${REBUILD}`);
    return p.result(null as never);
  }
  if (!isRec(header) || header.format !== EXPLORER_FORMAT || header.version !== EXPLORER_FORMAT_VERSION || !isCount(header.nodeCount) || !isCount(header.edgeCount)) {
    p.add(`the header does not describe an explorer graph (format, version, nodeCount, edgeCount); ${REBUILD}`);
    return p.result(null as never);
  }
  if (!isRec(header.graph) || !isRec(header.graph.attributes) || !isRec(header.graph.options) || !isRec(header.attributeOrder)) {
    p.add(`the header has no graph attributes, options or attribute order; ${REBUILD}`);
    return p.result(null as never);
  }
  if (!Array.isArray(header.nodeColumns) || !Array.isArray(header.edgeColumns)) {
    p.add(`the header lists no node or edge columns; ${REBUILD}`);
    return p.result(null as never);
  }
  // The body starts at the first 8-aligned offset after the header; copy once if the buffer itself is unaligned.
  let start = (12 + headerLength + 7) & ~7;
  let source = bytes;
  if ((bytes.byteOffset + start) % 8 !== 0) {
    source = bytes.slice(start);
    start = 0;
  }
  const body = source.subarray(Math.min(start, source.length));
  const n = header.nodeCount;
  const m = header.edgeCount;
  const nodeColumns = new Map<string, ColumnReader>();
  const edgeColumns = new Map<string, ColumnReader>();
  for (const c of header.nodeColumns) {
    const r = readColumn(p, body, "node", c, n, n);
    if (r) nodeColumns.set(r.spec.name, r);
  }
  for (const c of header.edgeColumns) {
    const r = readColumn(p, body, "edge", c, m, n);
    if (r) edgeColumns.set(r.spec.name, r);
  }
  for (const r of nodeColumns.values()) {
    if (r.spec.type === "string" && r.spec.sameAs !== undefined) (r as unknown as { bindSameAs(c: ColumnReader | undefined): void }).bindSameAs(nodeColumns.get(r.spec.sameAs));
  }
  for (const name of REQUIRED_NODE_COLUMNS) if (!nodeColumns.has(name) && !p.list.some((x) => x.includes(`"${name}"`))) p.add(`the node column "${name}" is missing; ${REBUILD}`);
  for (const name of REQUIRED_EDGE_COLUMNS) if (!edgeColumns.has(name) && !p.list.some((x) => x.includes(`"${name}"`))) p.add(`the edge column "${name}" is missing; ${REBUILD}`);
  if (header.edgeKeys === "column" && !edgeColumns.has("key")) p.add(`edge keys are said to be stored, but there is no edge column "key"; ${REBUILD}`);
  checkGroups(p, header.groups, n, m);
  checkGraphFiles(p, header.graphFiles);
  if (p.list.length) return p.result(null as never);
  const keyIndex = checkValues(p, header, n, m, nodeColumns, edgeColumns);
  return p.result({ header, nodeCount: n, edgeCount: m, nodeColumns, edgeColumns, keyIndex });
}

/** A number column's stored values where every row's value is the stored one (no scale, no null or absent row). */
function plainValues(c: ColumnReader | undefined): Typed | null {
  if (c?.spec.type !== "number") return null;
  return c.spec.scale === 0 && c.spec.nulls === undefined && c.spec.absent === undefined ? (c as NumberColumnReader).data : null;
}

/**
 * What the graph-file validator promises about the attributes core.bin carries (model/validate.ts); returns the node
 * index by key. Rows of 10^5-10^6 are checked by typed reads and quick tests of each rule, and a problem is worded
 * (by the validator's own functions) only where a quick test fails.
 */
function checkValues(p: Problems, header: ExplorerHeader, n: number, m: number, nodes: Map<string, ColumnReader>, edges: Map<string, ColumnReader>): Map<string, number> {
  const keys = (nodes.get("key") as StringColumnReader).strings();
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (typeof k !== "string" || k === "") p.add(`node ${i} has no key`);
    else if (seen.has(k)) p.add(`node ${i} "${k}": duplicate node key`);
    else seen.set(k, i);
  }
  const kinds = nodes.get("kind") as DictColumnReader;
  for (let i = 0; i < n; i++) {
    const k = kinds.get(i);
    if (typeof k !== "string" || !NODE_KINDS.has(k)) p.add(`node ${i} "${keys[i]}": kind must be "author", "paper" or "topic", got ${JSON.stringify(k)}`);
  }
  for (const f of ["x", "y", "size", "degree", "pagerank", "betweenness"]) {
    const c = nodes.get(f);
    if (c?.spec.type !== "number") {
      p.add(`node column "${f}" must hold numbers`);
      continue;
    }
    const v = (c as NumberColumnReader).floats();
    for (let i = 0; i < n; i++) if (!Number.isFinite(v[i]!)) p.add(`node ${i} "${keys[i]}": ${f} must be a finite number`);
  }
  const size = nodes.get("size") as NumberColumnReader;
  for (let i = 0; i < n; i++) if (size.floats()[i]! < 0) p.add(`node ${i} "${keys[i]}": size must not be negative`);
  for (const f of ["community", "topicCluster"]) {
    const c = nodes.get(f);
    const v = c?.spec.type === "number" ? (c as NumberColumnReader).floats() : null;
    for (let i = 0; i < n; i++) if (!v || !Number.isInteger(v[i]!)) p.add(`node ${i} "${keys[i]}": ${f} must be an integer (-1 for none)`);
  }
  for (const f of ["label", "color"]) {
    const c = nodes.get(f)!;
    for (let i = 0; i < n; i++) if (typeof c.get(i) !== "string") p.add(`node ${i} "${keys[i]}": ${f} must be a string`);
  }
  const src = edges.get("source") as NumberColumnReader;
  const tgt = edges.get("target") as NumberColumnReader;
  const ekind = edges.get("kind") as DictColumnReader;
  const weight = edges.get("weight") as NumberColumnReader;
  const sources = plainValues(src);
  const targets = plainValues(tgt);
  // Per dictionary value, whether it is an edge kind (a row's kind is then one typed read).
  const kindHolds = ekind.spec.type === "dict" && ekind.spec.absent === undefined ? ekind.values.map((v) => typeof v === "string" && EDGE_KINDS.has(v)) : null;
  // NaN where null or absent, as get()'s null and undefined are not finite either; the graph reads these floats too.
  const weights = weight.spec.type === "number" ? weight.floats() : null;
  for (let e = 0; e < m; e++) {
    const s = sources ? sources[e]! : (src.get(e) as number);
    const t = targets ? targets[e]! : (tgt.get(e) as number);
    if (!(s < n) || !(t < n)) p.add(`edge ${e} joins node ${s} and node ${t}, but there are ${n} nodes; the file is damaged; ${REBUILD}`);
    if (!kindHolds?.[ekind.codes[e]!]) {
      const k = ekind.get(e);
      if (typeof k !== "string" || !EDGE_KINDS.has(k)) p.add(`edge ${e}: kind must be "authored", "coauthor", "coauthor-large", "about" or "related", got ${JSON.stringify(k)}`);
    }
    if (!Number.isFinite(weights ? weights[e]! : (weight.get(e) as number))) p.add(`edge ${e}: weight must be a finite number`);
  }
  const large = edges.get("largePapers");
  if (large) {
    for (let e = 0; e < m; e++) {
      if (large.isAbsent(e)) continue;
      const v = large.get(e);
      if (!Number.isInteger(v) || (v as number) < 0) p.add(`edge ${e}: largePapers must be a whole number of papers, got ${JSON.stringify(v)}`);
    }
  }
  // Link years, byline spellings and ladder levels, as graph.json's validator checks them; the full check (its
  // object and messages) only for a value the quick test of the same rule does not pass.
  for (const f of ["firstYear", "yearWeights", "as"]) {
    const c = edges.get(f);
    if (!c) continue;
    for (let e = 0; e < m; e++) {
      if (c.isAbsent(e)) continue;
      const v = c.get(e);
      if (!edgeFieldHolds(f, v)) for (const problem of edgeAttributeProblems(`edge ${e}`, { [f]: v })) p.add(problem);
    }
  }
  const ladders = ladderSizes(header.graph.attributes);
  for (const f of ["communityLevels", "topicClusterLevels", "communityStability", "topicClusterStability"]) {
    const c = nodes.get(f);
    if (!c) continue;
    // A level list is a list of integers by construction: its length is the quick test (no array made per node).
    const levels = c.spec.type === "intList" && (f === "communityLevels" || f === "topicClusterLevels") ? (c as IntListColumnReader).offsets : null;
    const wanted = levels ? ladders[f as "communityLevels" | "topicClusterLevels"] : null;
    for (let i = 0; i < n; i++) {
      if (c.isAbsent(i)) continue;
      const kind = kinds.get(i) as string;
      if (levels && !c.isNull(i) && NODE_KINDS.has(kind) && (wanted === null || levels[i + 1]! - levels[i]! === wanted)) continue;
      const v = c.get(i);
      if (!nodeFieldHolds(kind, f, v, ladders)) for (const problem of nodeAttributeProblems(`node ${i} "${keys[i]}"`, { kind, [f]: v }, () => true, true, ladders)) p.add(problem);
    }
  }
  // The graph attributes (cluster tables, large papers, ...) as graph.json's validator checks them.
  for (const problem of graphAttributeProblems(header.graph.attributes, (k) => seen.has(k))) p.add(problem);
  return seen;
}

/** Checks a chunk file against its entry in core.bin and decodes it. */
export function decodeChunk(bytes: Uint8Array, spec: ChunkSpec, group: ChunkGroupSpec): DecodeResult<ExplorerChunk> {
  const p = new Problems(spec.file);
  if (bytes.length !== spec.bytes || fnv1a(bytes) !== spec.fnv1a) {
    p.add(`${bytes.length} bytes with fingerprint ${fnv1a(bytes)}, but core.bin expects ${spec.bytes} bytes with ${spec.fnv1a}: it is damaged or from another build; ${REBUILD}`);
    return p.result(null as never);
  }
  let chunk: ExplorerChunk;
  try {
    chunk = JSON.parse(decoder.decode(bytes)) as ExplorerChunk;
  } catch (e) {
    p.add(`not valid JSON (${e instanceof Error ? e.message : String(e)}); ${REBUILD}`);
    return p.result(null as never);
  }
  if (!isRec(chunk) || chunk.format !== EXPLORER_CHUNK_FORMAT || chunk.version !== EXPLORER_FORMAT_VERSION) {
    p.add(`not an explorer chunk of format version ${EXPLORER_FORMAT_VERSION}; ${REBUILD}`);
  } else if (chunk.group !== group.name || chunk.first !== spec.first || chunk.count !== spec.count) {
    p.add(`holds ${chunk.group} rows ${chunk.first}+${chunk.count}, but core.bin lists it for ${group.name} rows ${spec.first}+${spec.count}; ${REBUILD}`);
  } else if (!Array.isArray(chunk.records) || chunk.records.length !== spec.count) {
    p.add(`holds ${Array.isArray(chunk.records) ? chunk.records.length : "no"} records where ${spec.count} were expected; ${REBUILD}`);
  } else {
    chunk.records.forEach((r, i) => {
      if (r !== null && !isRec(r)) p.add(`record ${i} must be an object or null`);
    });
  }
  return p.result(chunk);
}

/** Checks a heavy graph attribute's file (graph-<name>.json) against its entry in core.bin, decodes and validates it. */
export function decodeGraphAttributeFile(bytes: Uint8Array, spec: ChunkSpec & { attribute: string }, hasKey: (k: string) => boolean): DecodeResult<unknown> {
  const p = new Problems(spec.file);
  if (bytes.length !== spec.bytes || fnv1a(bytes) !== spec.fnv1a) {
    p.add(`${bytes.length} bytes with fingerprint ${fnv1a(bytes)}, but core.bin expects ${spec.bytes} bytes with ${spec.fnv1a}: it is damaged or from another build; ${REBUILD}`);
    return p.result(null);
  }
  let record: ExplorerGraphAttributeFile;
  try {
    record = JSON.parse(decoder.decode(bytes)) as ExplorerGraphAttributeFile;
  } catch (e) {
    p.add(`not valid JSON (${e instanceof Error ? e.message : String(e)}); ${REBUILD}`);
    return p.result(null);
  }
  if (!isRec(record) || record.format !== EXPLORER_CHUNK_FORMAT || record.version !== EXPLORER_FORMAT_VERSION || record.attribute !== spec.attribute) {
    p.add(`not the file of graph attribute "${spec.attribute}" of format version ${EXPLORER_FORMAT_VERSION}; ${REBUILD}`);
    return p.result(null);
  }
  for (const problem of graphAttributeProblems({ communities: {}, topicClusters: {}, [spec.attribute]: record.value }, hasKey)) p.add(problem);
  return p.result(record.value);
}
