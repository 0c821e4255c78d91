/**
 * Graph -> the explorer's compact files (model/explorer-format.ts): core.bin with everything the first frame, the
 * lenses, filters, sizes, colours and the panels' lists need, as typed-array columns; JSON chunks with the heavy text,
 * fetched on demand. Pure and deterministic: same graph (attributes and order), same bytes; no clock, no randomness.
 * Linear in nodes + edges. Every attribute survives: a value a core column cannot hold exactly (a string where a number
 * was expected, a list naming a key that is not a node, an attribute the schema does not know) goes to a chunk as is.
 */
import {
  CORE_EDGE_COLUMNS,
  CORE_FILE,
  CORE_NODE_COLUMNS,
  EXPLORER_CHUNK_FORMAT,
  EXPLORER_FORMAT,
  EXPLORER_FORMAT_VERSION,
  EXPLORER_MAGIC,
  HEAVY_GRAPH_ATTRIBUTES,
  REQUIRED_EDGE_COLUMNS,
  REQUIRED_NODE_COLUMNS,
  SEARCH_FIELDS,
  derivedEdgeKey,
  fnv1a,
  type ChunkGroupName,
  type ChunkGroupSpec,
  type ChunkSpec,
  type ColumnSpec,
  type ExplorerChunk,
  type ExplorerGraphSource,
  type ExplorerFile,
  type ExplorerGraphAttributeFile,
  type ExplorerHeader,
  type SectionSpec,
  type SectionType,
} from "../model/explorer-format";

type Attrs = Record<string, unknown>;

// What the writer reads (graphology's Graph satisfies it); in the model, so the pipeline's corrections can make one.
export type { ExplorerGraphSource } from "../model/explorer-format";

export interface ExplorerWriteOptions {
  /** Chunk files are cut after about this many bytes of JSON (details; search chunks are 4x larger). */
  chunkBytes?: number;
}

const DEFAULT_CHUNK_BYTES = 256 * 1024;
const encoder = new TextEncoder();

type TypedArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
const ARRAY: Record<SectionType, new (n: number) => TypedArray> = {
  u8: Uint8Array,
  i8: Int8Array,
  u16: Uint16Array,
  i16: Int16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
};

/** Collects the body's sections, each 8-aligned. */
class Body {
  private parts: { offset: number; data: TypedArray }[] = [];
  private length = 0;
  add(type: SectionType, data: TypedArray): SectionSpec {
    const offset = this.length;
    this.parts.push({ offset, data });
    this.length = align8(offset + data.byteLength);
    return { type, offset, length: data.length };
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    for (const p of this.parts) {
      const raw = new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength);
      out.set(raw, p.offset);
      // The format is little-endian whatever the platform (typed arrays use the platform's order).
      if (!LITTLE_ENDIAN && p.data.BYTES_PER_ELEMENT > 1) reverseElements(out, p.offset, p.data.byteLength, p.data.BYTES_PER_ELEMENT);
    }
    return out;
  }
}

const align8 = (n: number) => (n + 7) & ~7;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function reverseElements(bytes: Uint8Array, offset: number, length: number, size: number): void {
  for (let at = offset; at < offset + length; at += size) bytes.subarray(at, at + size).reverse();
}

class Bitmap {
  readonly bits: Uint8Array;
  any = false;
  constructor(rows: number) {
    this.bits = new Uint8Array((rows + 7) >> 3);
  }
  set(i: number) {
    this.bits[i >> 3]! |= 1 << (i & 7);
    this.any = true;
  }
}

function smallestInt(min: number, max: number): SectionType | null {
  if (min >= 0 && max <= 0xff) return "u8";
  if (min >= -0x80 && max <= 0x7f) return "i8";
  if (min >= 0 && max <= 0xffff) return "u16";
  if (min >= -0x8000 && max <= 0x7fff) return "i16";
  if (min >= 0 && max <= 0xffffffff) return "u32";
  if (min >= -0x80000000 && max <= 0x7fffffff) return "i32";
  return null;
}

const isInt = (v: number) => Number.isInteger(v) && !Object.is(v, -0);

/** Smallest decimal scale k (0..12) with round(v * 10^k) / 10^k === v, or -1. */
function decimalsOf(v: number): number {
  for (let k = 0, p = 1; k <= 12; k++, p *= 10) {
    if (Math.round(v * p) / p === v) return k;
  }
  return -1;
}

/** The narrowest exact encoding of the present values: an integer type, scaled decimals, f32 or f64. */
function encodeNumbers(values: Float64Array, present: (i: number) => boolean): { type: SectionType; scale: number; data: TypedArray } {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let allInt = true;
  let scale = 0;
  let decimalOk = true;
  for (let i = 0; i < n; i++) {
    if (!present(i)) continue;
    const v = values[i]!;
    if (!Number.isFinite(v) || Object.is(v, -0)) {
      allInt = false;
      decimalOk = false;
      break;
    }
    if (!isInt(v)) {
      allInt = false;
      const k = decimalsOf(v);
      if (k < 0) decimalOk = false;
      else if (k > scale) scale = k;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) min = max = 0;
  if (allInt) {
    const type = smallestInt(min, max);
    if (type) {
      const data = new ARRAY[type](n);
      for (let i = 0; i < n; i++) if (present(i)) data[i] = values[i]!;
      return { type, scale: 0, data };
    }
  } else if (decimalOk) {
    const p = Math.pow(10, scale);
    const type = smallestInt(Math.round(min * p), Math.round(max * p));
    if (type) {
      const data = new ARRAY[type](n);
      let exact = true;
      for (let i = 0; i < n && exact; i++) {
        if (!present(i)) continue;
        const m = Math.round(values[i]! * p);
        if (m / p !== values[i]) exact = false;
        data[i] = m;
      }
      if (exact) return { type, scale, data };
    }
  }
  let f32 = true;
  for (let i = 0; i < n && f32; i++) if (present(i) && Math.fround(values[i]!) !== values[i]) f32 = false;
  const type: SectionType = f32 ? "f32" : "f64";
  const data = new ARRAY[type](n);
  for (let i = 0; i < n; i++) if (present(i)) data[i] = values[i]!;
  return { type, scale: 0, data };
}

interface ColumnBuilder {
  /** Stores row i's value; false when the value does not fit this column (it then goes to a chunk). */
  put(i: number, v: unknown): boolean;
  finish(body: Body): ColumnSpec;
}

function nullsAndAbsent(rows: number) {
  const nulls = new Bitmap(rows);
  const absent = new Bitmap(rows);
  return {
    nulls,
    absent,
    specs(body: Body) {
      return {
        ...(nulls.any ? { nulls: body.add("u8", nulls.bits) } : {}),
        ...(absent.any ? { absent: body.add("u8", absent.bits) } : {}),
      };
    },
  };
}

function numberColumn(name: string, rows: number): ColumnBuilder {
  const values = new Float64Array(rows);
  const flags = nullsAndAbsent(rows);
  const stored = new Uint8Array(rows);
  return {
    put(i, v) {
      if (v === undefined) flags.absent.set(i);
      else if (v === null) flags.nulls.set(i);
      else if (typeof v === "number") {
        values[i] = v;
        stored[i] = 1;
      } else {
        flags.absent.set(i);
        return false;
      }
      return true;
    },
    finish(body) {
      const enc = encodeNumbers(values, (i) => stored[i] === 1);
      return { name, type: "number", data: body.add(enc.type, enc.data), scale: enc.scale, ...flags.specs(body) };
    },
  };
}

function boolColumn(name: string, rows: number): ColumnBuilder {
  const data = new Bitmap(rows);
  const flags = nullsAndAbsent(rows);
  return {
    put(i, v) {
      if (v === undefined) flags.absent.set(i);
      else if (v === null) flags.nulls.set(i);
      else if (typeof v === "boolean") {
        if (v) data.set(i);
      } else {
        flags.absent.set(i);
        return false;
      }
      return true;
    },
    finish(body) {
      return { name, type: "bool", data: body.add("u8", data.bits), ...flags.specs(body) };
    },
  };
}

function stringColumn(name: string, rows: number, sameAs?: string, sameValue?: (i: number) => unknown): ColumnBuilder {
  // UTF-8 written straight into one growing buffer (encodeInto): no byte array per row.
  let buffer = new Uint8Array(1024);
  const offsets = new Uint32Array(rows + 1);
  let length = 0;
  const flags = nullsAndAbsent(rows);
  const same = new Bitmap(rows);
  return {
    put(i, v) {
      offsets[i] = length;
      if (v === undefined) flags.absent.set(i);
      else if (v === null) flags.nulls.set(i);
      else if (typeof v === "string") {
        if (sameValue && sameValue(i) === v) same.set(i);
        else {
          // A UTF-16 unit takes at most 3 bytes of UTF-8.
          if (length + 3 * v.length > buffer.length) {
            const grown = new Uint8Array(Math.max(2 * buffer.length, length + 3 * v.length));
            grown.set(buffer.subarray(0, length));
            buffer = grown;
          }
          length += encoder.encodeInto(v, buffer.subarray(length)).written;
        }
      } else {
        flags.absent.set(i);
        return false;
      }
      return true;
    },
    finish(body) {
      offsets[rows] = length;
      const bytes = buffer.subarray(0, length);
      return {
        name,
        type: "string",
        offsets: body.add("u32", offsets),
        bytes: body.add("u8", bytes),
        ...(sameAs && same.any ? { sameAs, same: body.add("u8", same.bits) } : {}),
        ...flags.specs(body),
      };
    },
  };
}

function dictColumn(name: string, rows: number): ColumnBuilder {
  const index = new Map<string | null, number>();
  const values: (string | null)[] = [];
  const data = new Uint32Array(rows);
  const flags = nullsAndAbsent(rows);
  return {
    put(i, v) {
      if (v === undefined) {
        flags.absent.set(i);
        return true;
      }
      if (v !== null && typeof v !== "string") {
        flags.absent.set(i);
        return false;
      }
      let at = index.get(v);
      if (at === undefined) {
        at = values.length;
        index.set(v, at);
        values.push(v);
      }
      data[i] = at;
      return true;
    },
    finish(body) {
      const type = smallestInt(0, Math.max(0, values.length - 1))!;
      const narrow = new ARRAY[type](rows);
      narrow.set(data);
      return { name, type: "dict", data: body.add(type, narrow), values, ...flags.specs(body) };
    },
  };
}

/**
 * A list per row (offsets into one values array): node lists hold node indices, int lists small integers. `item`
 * turns one element into its number, or null when the element does not fit the column (the row is then absent and the
 * cell is written elsewhere); `type` picks the narrowest array for the values once all are in.
 */
function listColumn(name: string, rows: number, kind: "nodeList" | "intList", item: (x: unknown) => number | null, type: (values: number[]) => SectionType): ColumnBuilder {
  const offsets = new Uint32Array(rows + 1);
  const values: number[] = [];
  const flags = nullsAndAbsent(rows);
  return {
    put(i, v) {
      offsets[i] = values.length;
      if (v === undefined) {
        flags.absent.set(i);
        return true;
      }
      const items = Array.isArray(v) ? v.map(item) : null;
      if (!items || items.some((x) => x === null)) {
        flags.absent.set(i);
        return false;
      }
      for (const x of items) values.push(x!);
      return true;
    },
    finish(body) {
      offsets[rows] = values.length;
      const t = type(values);
      const data = new ARRAY[t](values.length);
      data.set(values);
      return { name, type: kind, offsets: body.add("u32", offsets), values: body.add(t, data), ...flags.specs(body) };
    },
  };
}

function nodeListColumn(name: string, rows: number, indexOf: Map<string, number>): ColumnBuilder {
  const item = (k: unknown) => (typeof k === "string" ? (indexOf.get(k) ?? null) : null);
  return listColumn(name, rows, "nodeList", item, () => (indexOf.size <= 0x10000 ? "u16" : "u32"));
}

function intListColumn(name: string, rows: number): ColumnBuilder {
  const item = (x: unknown) => (typeof x === "number" && isInt(x) && x >= -0x80000000 && x <= 0x7fffffff ? x : null);
  const type = (values: number[]) => {
    let min = 0;
    let max = 0;
    for (const x of values) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    return smallestInt(min, max)!;
  };
  return listColumn(name, rows, "intList", item, type);
}

function builderFor(spec: { name: string; type: ColumnSpec["type"]; sameAs?: string }, rows: number, indexOf: Map<string, number>, sameValue?: (i: number) => unknown): ColumnBuilder {
  switch (spec.type) {
    case "number":
      return numberColumn(spec.name, rows);
    case "bool":
      return boolColumn(spec.name, rows);
    case "string":
      return stringColumn(spec.name, rows, spec.sameAs, sameValue);
    case "dict":
      return dictColumn(spec.name, rows);
    case "nodeList":
      return nodeListColumn(spec.name, rows, indexOf);
    case "intList":
      return intListColumn(spec.name, rows);
  }
}

/**
 * Heavy attributes of one group, one record (or null) per row; cut into files of about `target` bytes. Rows arrive in
 * order, so a file is made as soon as its rows are in, handed to the sink and its records dropped (neither every record
 * nor every file kept to the end).
 */
class GroupBuilder {
  /** Records of rows [first, next), not yet in a file. */
  private pending: (string | null)[] = [];
  private first = 0;
  private next = 0;
  private size = 0;
  private any = false;
  private readonly chunks: ChunkSpec[] = [];
  constructor(
    readonly name: ChunkGroupName,
    readonly of: "node" | "edge",
    private readonly rows: number,
    private readonly target: number,
    private readonly sink: ExplorerFileSink,
  ) {}

  put(i: number, record: Attrs) {
    while (this.next < i) this.add(null);
    this.add(JSON.stringify(record));
    this.any = true;
  }

  private add(record: string | null) {
    this.pending.push(record);
    this.next++;
    this.size += (record?.length ?? 4) + 1;
    if (this.size >= this.target) this.emit();
  }

  private emit() {
    const { first, next: end } = this;
    const head: Omit<ExplorerChunk, "records"> = { format: EXPLORER_CHUNK_FORMAT, version: EXPLORER_FORMAT_VERSION, group: this.name, first, count: end - first };
    const text = `${JSON.stringify(head).slice(0, -1)},"records":[${this.pending.map((r) => r ?? "null").join(",")}]}\n`;
    const bytes = encoder.encode(text);
    const file = `${this.name}-${String(this.chunks.length).padStart(4, "0")}.json`;
    this.sink({ name: file, bytes });
    this.chunks.push({ file, first, count: end - first, bytes: bytes.length, fnv1a: fnv1a(bytes) });
    this.first = end;
    this.size = 0;
    this.pending = [];
  }

  finish(): ChunkGroupSpec | null {
    if (!this.any) return null;
    while (this.next < this.rows) this.add(null);
    if (this.first < this.rows || this.chunks.length === 0) this.emit();
    return { name: this.name, of: this.of, chunks: this.chunks };
  }
}

const CORE_NODE_NAMES = new Set(CORE_NODE_COLUMNS.map((c) => c.name));
const CORE_EDGE_NAMES = new Set(CORE_EDGE_COLUMNS.map((c) => c.name));
const SEARCH = new Set(SEARCH_FIELDS);

/** Node keys in order: the reader's own list when it has one (graphology, GraphView), else read off forEachNode. */
function nodeKeys(graph: ExplorerGraphSource): string[] {
  if (graph.nodes) return graph.nodes();
  const keys: string[] = [];
  graph.forEachNode((key) => {
    keys.push(key);
  });
  return keys;
}

function countEdges(graph: ExplorerGraphSource): number {
  let m = 0;
  graph.forEachEdge(() => {
    m++;
  });
  return m;
}

/** Receives each file as soon as it is made; it may keep, write or drop it. */
export type ExplorerFileSink = (file: ExplorerFile) => void;

/** The explorer's files for a graph in memory: core.bin first, then the chunk files of each group in order. */
export function writeExplorerFiles(graph: ExplorerGraphSource, options: ExplorerWriteOptions = {}): ExplorerFile[] {
  const made: ExplorerFile[] = [];
  const core = streamExplorerFiles(graph, (f) => made.push(f), options);
  made.pop();
  // The order the header lists them in: each group's chunks together (search and details chunks are made interleaved),
  // then the graph attribute files. The sort is stable, so a group's chunks stay in row order.
  const rank = (name: string) => FILE_ORDER.indexOf(name.slice(0, name.indexOf("-")));
  return [core, ...made.sort((a, b) => rank(a.name) - rank(b.name))];
}

const FILE_ORDER = ["search", "details", "edges", "graph"];

/**
 * The explorer's files for a graph, each handed to `sink` as soon as it is made (chunk files while the graph is read,
 * then the graph attribute files, core.bin last, since its header lists every other file), so a writer need not hold
 * them all: at 100,000 papers they are hundreds of megabytes. Returns core.bin (also given to the sink).
 */
export function streamExplorerFiles(graph: ExplorerGraphSource, sink: ExplorerFileSink, options: ExplorerWriteOptions = {}): ExplorerFile {
  const target = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  // Keys first (a node's lists name nodes that come later), then one pass over the attributes, none of them kept: a
  // reader may make each node's attributes when asked (the graph stage's GraphView).
  const keys = nodeKeys(graph);
  const indexOf = new Map<string, number>();
  keys.forEach((key, i) => indexOf.set(key, i));
  const n = keys.length;
  const order: ExplorerHeader["attributeOrder"] = { author: [], paper: [], topic: [], edge: [] };
  const body = new Body();

  // Nodes: the key, then the core columns; whatever does not fit goes to the node's search or details record.
  const keyColumn = stringColumn("key", n);
  let current: Attrs = {};
  const columns = CORE_NODE_COLUMNS.map((spec) => ({ spec, used: false, builder: builderFor(spec, n, indexOf, spec.sameAs ? () => current[spec.sameAs!] : undefined) }));
  const search = new GroupBuilder("search", "node", n, target * 4, sink);
  const details = new GroupBuilder("details", "node", n, target, sink);
  let i = 0;
  graph.forEachNode((_key, a) => {
    current = a;
    keyColumn.put(i, keys[i]);
    const kind = a.kind;
    if ((kind === "author" || kind === "paper" || kind === "topic") && order[kind].length === 0) order[kind] = Object.keys(a);
    let s: Attrs | null = null;
    let d: Attrs | null = null;
    for (const col of columns) {
      const v = a[col.spec.name];
      if (v !== undefined) col.used = true;
      if (!col.builder.put(i, v)) (d ??= {})[col.spec.name] = v;
    }
    for (const f of Object.keys(a)) {
      if (CORE_NODE_NAMES.has(f)) continue;
      if (SEARCH.has(f)) (s ??= {})[f] = a[f];
      else (d ??= {})[f] = a[f];
    }
    if (s) search.put(i, s);
    if (d) details.put(i, d);
    i++;
  });
  // An optional column no node has (the ladder columns of a build without ladders) is left out: absent everywhere.
  const nodeColumns = [keyColumn.finish(body), ...columns.filter((c) => c.used || REQUIRED_NODE_COLUMNS.includes(c.spec.name)).map((c) => c.builder.finish(body))];

  // Edges, in one pass: a reader may make each edge's attributes when asked (the graph stage's GraphView), so none is
  // kept. Endpoints as node indices; keys stored only when one differs from the derived form (then a second pass).
  const m = graph.size ?? countEdges(graph);
  const edgeColumns: ColumnSpec[] = [];
  const endType = smallestInt(0, Math.max(0, n - 1))!;
  const src = new ARRAY[endType](m);
  const tgt = new ARRAY[endType](m);
  const undirectedColumn = boolColumn("undirected", m);
  const extras = new GroupBuilder("edges", "edge", m, target, sink);
  const edgeBuilders = CORE_EDGE_COLUMNS.filter((c) => c.name !== "source" && c.name !== "target" && c.name !== "undirected").map((spec) => ({ spec, builder: builderFor(spec, m, indexOf), used: false }));
  let derived = true;
  let e = 0;
  graph.forEachEdge((key, a, source, target_, _sa, _ta, undirected) => {
    if (e === 0) order.edge = Object.keys(a);
    src[e] = indexOf.get(source)!;
    tgt[e] = indexOf.get(target_)!;
    undirectedColumn.put(e, undirected);
    if (derived && key !== derivedEdgeKey(String(a.kind), source, target_, undirected)) derived = false;
    let x: Attrs | null = null;
    for (const col of edgeBuilders) {
      const v = a[col.spec.name];
      if (v !== undefined) col.used = true;
      if (!col.builder.put(e, v)) (x ??= {})[col.spec.name] = v;
    }
    for (const f of Object.keys(a)) if (!CORE_EDGE_NAMES.has(f)) (x ??= {})[f] = a[f];
    if (x) extras.put(e, x);
    e++;
  });
  edgeColumns.push({ name: "source", type: "number", data: body.add(endType, src), scale: 0 });
  edgeColumns.push({ name: "target", type: "number", data: body.add(endType, tgt), scale: 0 });
  edgeColumns.push(undirectedColumn.finish(body));
  // An optional column no edge has (largePapers in a build without large papers) is left out: absent everywhere.
  for (const { spec, builder, used } of edgeBuilders) if (used || REQUIRED_EDGE_COLUMNS.includes(spec.name)) edgeColumns.push(builder.finish(body));
  if (!derived) {
    const keyCol = stringColumn("key", m);
    let i = 0;
    graph.forEachEdge((key) => {
      keyCol.put(i++, key);
    });
    edgeColumns.push(keyCol.finish(body));
  }

  const groups = [search.finish(), details.finish(), extras.finish()].filter((g): g is ChunkGroupSpec => g !== null);
  const { attributes, graphFiles } = splitGraphAttributes(graph.getAttributes() as Record<string, unknown>, sink);
  const header: ExplorerHeader = {
    format: EXPLORER_FORMAT,
    version: EXPLORER_FORMAT_VERSION,
    nodeCount: n,
    edgeCount: m,
    graph: {
      options: { type: graph.type as ExplorerHeader["graph"]["options"]["type"], multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
      attributes,
    },
    edgeKeys: derived ? "derived" : "column",
    attributeOrder: order,
    nodeColumns,
    edgeColumns,
    groups,
    ...(graphFiles.length ? { graphFiles } : {}),
  };
  const core = { name: CORE_FILE, bytes: assembleCore(header, body.bytes()) };
  sink(core);
  return core;
}

/** The header's graph attributes, without the heavy ones, which go to graph-<name>.json files. */
function splitGraphAttributes(all: Record<string, unknown>, sink: ExplorerFileSink): { attributes: Record<string, unknown>; graphFiles: NonNullable<ExplorerHeader["graphFiles"]> } {
  const attributes: Record<string, unknown> = {};
  const graphFiles: NonNullable<ExplorerHeader["graphFiles"]> = [];
  for (const [name, value] of Object.entries(all)) {
    if (!HEAVY_GRAPH_ATTRIBUTES.includes(name) || value === undefined) {
      attributes[name] = value;
      continue;
    }
    const record: ExplorerGraphAttributeFile = { format: EXPLORER_CHUNK_FORMAT, version: EXPLORER_FORMAT_VERSION, attribute: name, value };
    const bytes = encoder.encode(JSON.stringify(record) + "\n");
    const file = `graph-${name}.json`;
    sink({ name: file, bytes });
    graphFiles.push({ attribute: name, file, first: 0, count: 0, bytes: bytes.length, fnv1a: fnv1a(bytes) });
  }
  return { attributes, graphFiles };
}

function assembleCore(header: ExplorerHeader, body: Uint8Array): Uint8Array {
  const json = encoder.encode(JSON.stringify(header));
  const start = align8(12 + json.length);
  const out = new Uint8Array(start + body.length);
  out.set(encoder.encode(EXPLORER_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, EXPLORER_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  out.set(body, start);
  return out;
}
