/**
 * The explorer's compact graph files (public/data/explorer/), written beside graph.json by `npm run graph` and by the
 * explorer's own builds. graph.json stays the interchange file; these files exist so the explorer can draw its first
 * frame from a few megabytes of typed arrays instead of parsing tens of megabytes of JSON, and fetch heavy text
 * (abstracts, sources, aliases, bibliographic fields) only when a panel needs it. Documented in README.md ("The
 * explorer's compact files"). Imports nothing of ours.
 *
 * core.bin, little-endian:
 *   bytes 0-3  "PGEX"; 4-7 u32 format version; 8-11 u32 byte length H of the header; 12..12+H header JSON (UTF-8);
 *   zero padding to a multiple of 8; then the body: the sections the header lists, each at an 8-aligned offset
 *   (relative to the body's start) with its element type and element count.
 * Heavy text: JSON chunk files, one per run of consecutive nodes (or edges), listed per group in the header with their
 * byte length and FNV-1a hash, so a chunk from another build is recognised.
 *
 * Bump EXPLORER_FORMAT_VERSION on any change a reader of an older version would misread.
 */

/** 2: integer-list columns (ladder levels), link years, heavy graph attributes in their own files (issue 15). */
export const EXPLORER_FORMAT_VERSION = 2;
export const EXPLORER_MAGIC = "PGEX";
export const EXPLORER_FORMAT = "papergraph-explorer";
export const EXPLORER_CHUNK_FORMAT = "papergraph-explorer-chunk";
/** The folder, beside graph.json, that holds the compact files. */
export const EXPLORER_DIR = "explorer";
export const CORE_FILE = "core.bin";

export type SectionType = "u8" | "i8" | "u16" | "i16" | "u32" | "i32" | "f32" | "f64";

export const SECTION_BYTES: Record<SectionType, number> = { u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, f32: 4, f64: 8 };

/** A typed array in the body: `length` elements of `type` starting `offset` bytes into the body. */
export interface SectionSpec {
  type: SectionType;
  offset: number;
  length: number;
}

/**
 * Every column has one row per node (or per edge). A row is a value, null (bit set in `nulls`) or absent (the
 * attribute is not on that node: bit set in `absent`; kind-specific attributes are absent on the other kinds).
 * Bitmaps hold one bit per row, least significant bit first.
 */
interface ColumnBase {
  name: string;
  nulls?: SectionSpec;
  absent?: SectionSpec;
}

/** Numbers: value = data[row] / 10^scale (scale 0 for integers and for f32/f64 data), exact for every value written. */
export interface NumberColumn extends ColumnBase {
  type: "number";
  data: SectionSpec;
  scale: number;
}

export interface BoolColumn extends ColumnBase {
  type: "bool";
  /** Bitmap of the values. */
  data: SectionSpec;
}

/** UTF-8 text: row i is bytes[offsets[i], offsets[i+1]). With `sameAs`, rows whose `same` bit is set take that column's value. */
export interface StringColumn extends ColumnBase {
  type: "string";
  offsets: SectionSpec;
  bytes: SectionSpec;
  sameAs?: string;
  same?: SectionSpec;
}

/** Few distinct strings (kinds, colours, dates): row i is values[data[i]]; values may hold null. */
export interface DictColumn extends ColumnBase {
  type: "dict";
  data: SectionSpec;
  values: (string | null)[];
}

/** A list of node keys stored as node indices: row i is values[offsets[i], offsets[i+1]). */
export interface NodeListColumn extends ColumnBase {
  type: "nodeList";
  offsets: SectionSpec;
  values: SectionSpec;
}

/** A list of integers per row (a node's group per ladder level): row i is values[offsets[i], offsets[i+1]). */
export interface IntListColumn extends ColumnBase {
  type: "intList";
  offsets: SectionSpec;
  values: SectionSpec;
}

export type ColumnSpec = NumberColumn | BoolColumn | StringColumn | DictColumn | NodeListColumn | IntListColumn;

export interface ChunkSpec {
  /** File name in the explorer folder. */
  file: string;
  /** First node (or edge) index the chunk covers, and how many. */
  first: number;
  count: number;
  bytes: number;
  /** FNV-1a 32-bit hash of the file's bytes, 8 hex digits. */
  fnv1a: string;
}

/**
 * Attributes kept out of core.bin, by purpose: "search" (what the search index needs beyond core.bin: spellings,
 * variants, DOI, PMID), "details" (everything else a panel or an export shows: abstracts, sources, profile figures,
 * bibliographic fields, any attribute the core schema does not know), "edges" (edge attributes beyond kind, weight,
 * size and colour; papergraph's builds write none).
 */
export type ChunkGroupName = "search" | "details" | "edges";

export interface ChunkGroupSpec {
  name: ChunkGroupName;
  of: "node" | "edge";
  chunks: ChunkSpec[];
}

export interface ExplorerHeader {
  format: typeof EXPLORER_FORMAT;
  version: number;
  nodeCount: number;
  edgeCount: number;
  /** graphology's graph options and the graph attributes of graph.json (formatVersion, clusters, sources, counts...). */
  graph: { options: { type: "mixed" | "directed" | "undirected"; multi: boolean; allowSelfLoops: boolean }; attributes: Record<string, unknown> };
  /** "derived": every edge key is `<kind>:<source>-><target>` (directed) or `<kind>:<source>--<target>`; "column": an edge `key` column. */
  edgeKeys: "derived" | "column";
  /** Attribute order per node kind and of edges (the order of the first such node / edge), so objects read back alike. */
  attributeOrder: { author: string[]; paper: string[]; topic: string[]; edge: string[] };
  nodeColumns: ColumnSpec[];
  edgeColumns: ColumnSpec[];
  groups: ChunkGroupSpec[];
  /**
   * Graph attributes kept out of the header because they are large and only a panel needs them (HEAVY_GRAPH_ATTRIBUTES:
   * the identity review), each in its own file; `first` and `count` are 0.
   */
  graphFiles?: (ChunkSpec & { attribute: string })[];
}

/** A heavy graph attribute's file: `{ format, version, attribute, value }`. */
export interface ExplorerGraphAttributeFile {
  format: typeof EXPLORER_CHUNK_FORMAT;
  version: number;
  attribute: string;
  value: unknown;
}

/** Graph attributes written to their own file (graph-<name>.json) and fetched when a panel opens. */
export const HEAVY_GRAPH_ATTRIBUTES: readonly string[] = ["identityReview"];

/** One chunk file's JSON. records[i] holds node (edge) first+i's attributes of the group, or null when it has none. */
export interface ExplorerChunk {
  format: typeof EXPLORER_CHUNK_FORMAT;
  version: number;
  group: ChunkGroupName;
  first: number;
  count: number;
  records: (Record<string, unknown> | null)[];
}

/**
 * What the compact files' writer (exporters/explorer-files.ts) reads: graphology's Graph satisfies it, and so does any
 * reader of the same shape (graph.json parsed, the explorer's corrected graph).
 */
export interface ExplorerGraphSource {
  readonly type: string;
  readonly multi: boolean;
  readonly allowSelfLoops: boolean;
  getAttributes(): object;
  /** Number of edges, when the reader knows it (graphology does); else the edges are counted in a first pass. */
  readonly size?: number;
  /** Node keys in forEachNode's order, when the reader has them (graphology does); else read off forEachNode first. */
  nodes?(): string[];
  forEachNode(callback: (key: string, attributes: Record<string, unknown>) => void): void;
  forEachEdge(callback: (key: string, attributes: Record<string, unknown>, source: string, target: string, sa: unknown, ta: unknown, undirected: boolean) => void): void;
}

/** A file of the explorer folder, as the writer produces it. */
export interface ExplorerFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Where each attribute lives. Node attributes named here are columns of core.bin (when a node's value does not fit
 * the column's type it goes to the "details" chunk instead, so nothing is lost); SEARCH_FIELDS go to "search" chunks;
 * every other attribute goes to "details" chunks.
 */
export const CORE_NODE_COLUMNS: readonly { name: string; type: ColumnSpec["type"]; sameAs?: string }[] = [
  { name: "kind", type: "dict" },
  { name: "label", type: "string" },
  { name: "x", type: "number" },
  { name: "y", type: "number" },
  { name: "size", type: "number" },
  { name: "color", type: "dict" },
  { name: "community", type: "number" },
  { name: "topicCluster", type: "number" },
  { name: "degree", type: "number" },
  { name: "weightedDegree", type: "number" },
  { name: "pagerank", type: "number" },
  { name: "betweenness", type: "number" },
  { name: "name", type: "string", sameAs: "label" },
  { name: "title", type: "string", sameAs: "label" },
  { name: "term", type: "string", sameAs: "label" },
  { name: "paperCount", type: "number" },
  { name: "authors", type: "nodeList" },
  { name: "topics", type: "nodeList" },
  { name: "authorsComplete", type: "bool" },
  { name: "date", type: "dict" },
  { name: "year", type: "number" },
  { name: "arxivId", type: "string" },
  { name: "hasCode", type: "bool" },
  { name: "relevance", type: "number" },
  // Resolution ladders (model/levels.ts): a group id per level, and how stable the node's group is across levels.
  { name: "communityLevels", type: "intList" },
  { name: "topicClusterLevels", type: "intList" },
  { name: "communityStability", type: "number" },
  { name: "topicClusterStability", type: "number" },
];

export const CORE_EDGE_COLUMNS: readonly { name: string; type: ColumnSpec["type"] }[] = [
  { name: "source", type: "number" },
  { name: "target", type: "number" },
  { name: "undirected", type: "bool" },
  { name: "kind", type: "dict" },
  { name: "weight", type: "number" },
  // coauthor edges: joint papers above the author cut (absent elsewhere); the co-author filter counts them on demand.
  { name: "largePapers", type: "number" },
  { name: "size", type: "number" },
  { name: "color", type: "dict" },
  // coauthor links: year of the first joint paper and joint papers per year (model/collaboration.ts).
  { name: "firstYear", type: "number" },
  { name: "yearWeights", type: "string" },
  // authored edges whose byline spelled the person otherwise than their display name (absent elsewhere: most edges).
  { name: "as", type: "dict" },
];

export const SEARCH_FIELDS: readonly string[] = ["aliases", "variants", "doi", "pmid"];

/** Columns every core.bin has (the explorer cannot draw without them). */
export const REQUIRED_NODE_COLUMNS = ["key", "kind", "label", "x", "y", "size", "color", "community", "topicCluster", "degree", "pagerank", "betweenness"];
export const REQUIRED_EDGE_COLUMNS = ["source", "target", "undirected", "kind", "weight"];

/** FNV-1a, 32 bits, as 8 hex digits: a cheap fingerprint that tells a chunk of another build from this build's. */
export function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** The key papergraph's builds give an edge (build-edges.ts); with edgeKeys "derived" every key is this. */
export function derivedEdgeKey(kind: string, source: string, target: string, undirected: boolean): string {
  return `${kind}:${source}${undirected ? "--" : "->"}${target}`;
}
