/**
 * A read-only graph over the explorer's compact files: typed arrays for what is drawn, filtered and sized (positions,
 * kinds, clusters, metrics, edges as node indices with a CSR adjacency), strings for keys and labels, and the heavy
 * attributes fetched chunk by chunk when asked for. It answers the part of graphology's API the explorer, its panels
 * and the exporters use (hasNode, getNodeAttributes, forEachNode, forEachNeighbor, forEachEdge, ...), so the same
 * code reads a CompactGraph or a graphology Graph, plus index-based methods for the hot paths (a 100,000-paper graph has
 * 2 million edges: no per-edge object or string is made unless asked for).
 *
 * Heavy attributes: getNodeAttributes returns what is loaded; `detailsLoaded(key)` says whether the node's "search"
 * and "details" records are in, and `loadDetails([key])` fetches the chunks that hold them. Loaded records are
 * checked against the graph-file contract (validate.ts), so a damaged chunk is reported, never shown half-read.
 * Pure: no DOM, no Node; the chunk fetcher is injected.
 */
import {
  derivedEdgeKey,
  type ChunkGroupName,
  type ChunkGroupSpec,
  type ChunkSpec,
  type ExplorerHeader,
} from "./explorer-format";
import {
  decodeChunk,
  decodeCore,
  decodeGraphAttributeFile,
  type IntListColumnReader,
  type ColumnReader,
  type DecodeResult,
  type DecodedCore,
  type DictColumnReader,
  type NumberColumnReader,
  type StringColumnReader,
  type Typed,
} from "./explorer-read";
import type { EdgeAttributes, EdgeKind, GraphAttributes, NodeAttributes, NodeKind } from "./graph-file";
import { nodeAttributeProblems } from "./validate";

/**
 * Reads one file of the explorer folder: a promise (fetched from the server) or the bytes themselves (already in
 * memory: then loading completes synchronously, so a panel shows the attributes at once).
 */
export type ChunkFetcher = (file: string) => Promise<Uint8Array> | Uint8Array;

export const NODE_KIND_CODES: readonly NodeKind[] = ["author", "paper", "topic"];
/** Edge kind codes, in view-filter.ts's EDGE_KIND_INDEX order (a new kind goes at the end). */
export const EDGE_KIND_CODES: readonly EdgeKind[] = ["authored", "coauthor", "about", "related", "coauthor-large"];
const KIND_CODE = new Map<string, number>(NODE_KIND_CODES.map((k, i) => [k, i]));
const EDGE_KIND_CODE = new Map<string, number>(EDGE_KIND_CODES.map((k, i) => [k, i]));
const NODE_GROUPS: ChunkGroupName[] = ["search", "details"];
/** Edge columns that are the edge's structure (its ends, direction, key), not its attributes. */
const EDGE_STRUCTURE = new Set(["source", "target", "undirected", "key"]);

type Attrs = Record<string, unknown>;
type Listener = () => void;

export class ChunkLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

export class CompactGraph {
  readonly type: "mixed" | "directed" | "undirected";
  readonly multi: boolean;
  readonly allowSelfLoops: boolean;
  /** Number of nodes and of edges (graphology's names). */
  readonly order: number;
  readonly size: number;
  readonly header: ExplorerHeader;

  readonly keys: string[];
  readonly labels: string[];
  /** 0 author, 1 paper, 2 topic (NODE_KIND_CODES). */
  readonly kind: Uint8Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly nodeSize: Float64Array;
  readonly community: Int32Array;
  readonly topicCluster: Int32Array;
  readonly degree: Float64Array;
  readonly pagerank: Float64Array;
  readonly betweenness: Float64Array;
  readonly weightedDegree: Float64Array;
  /** NaN where absent (papers). */
  readonly paperCount: Float64Array;
  /** NaN where null or absent. */
  readonly year: Float64Array;
  readonly nodeColor: (i: number) => string;

  readonly edgeSource: Typed;
  readonly edgeTarget: Typed;
  readonly edgeColor: (e: number) => string | undefined;
  // Edge arrays and the adjacency are made on first use: a search index (graph.worker.ts) never needs them, and a
  // 100,000-paper graph's edges take 50 MB as arrays.
  private edgeKindArray: Uint8Array | null = null;
  private edgeUndirectedArray: Uint8Array | null = null;
  private edgeWeightArray: Float64Array | null = null;
  private edgeSizesArray: Float64Array | null = null;
  private edgeLargePapersArray: Float64Array | null = null;
  private edgeFirstYearArray: Float64Array | null = null;
  private readonly levelArrays = new Map<string, Int32Array>();
  private readonly heavyGraph = new Map<string, unknown>();
  private graphAttributesView: GraphAttributes | null = null;
  private adjacency: { offsets: Uint32Array; edges: Uint32Array } | null = null;

  private readonly index: Map<string, number>;
  private readonly cols: Map<string, ColumnReader>;
  private readonly ecols: Map<string, ColumnReader>;
  private readonly groups: Map<ChunkGroupName, { spec: ChunkGroupSpec; records: (Attrs | null | undefined)[]; starts: number[] }>;
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly listeners = new Set<Listener>();
  private readonly cache = new Map<number, { attrs: NodeAttributes; loaded: number }>();
  private stamp: Int32Array | null = null;
  private stampValue = 0;
  /** Increments whenever a chunk is loaded (for UIs that re-read loaded attributes). */
  loadedVersion = 0;

  private constructor(core: DecodedCore, private readonly fetchChunk: ChunkFetcher) {
    const { header, nodeCount: n, edgeCount: m, nodeColumns: cols, edgeColumns: ecols, keyIndex } = core;
    this.header = header;
    this.cols = cols;
    this.ecols = ecols;
    this.type = header.graph.options.type;
    this.multi = header.graph.options.multi;
    this.allowSelfLoops = header.graph.options.allowSelfLoops;
    this.order = n;
    this.size = m;
    this.keys = (cols.get("key") as StringColumnReader).strings() as string[];
    this.labels = (cols.get("label") as StringColumnReader).strings() as string[];
    this.index = keyIndex;
    const kinds = cols.get("kind") as DictColumnReader;
    const kindOfValue = kinds.values.map((v) => KIND_CODE.get(v ?? "") ?? 0);
    this.kind = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.kind[i] = kindOfValue[kinds.codes[i]!]!;
    const floats = (name: string, map?: Map<string, ColumnReader>) => {
      const c = (map ?? cols).get(name);
      return c && c.spec.type === "number" ? (c as NumberColumnReader).floats() : new Float64Array((map ?? cols) === cols ? n : m).fill(NaN);
    };
    this.x = floats("x");
    this.y = floats("y");
    this.nodeSize = floats("size");
    this.community = Int32Array.from(floats("community"));
    this.topicCluster = Int32Array.from(floats("topicCluster"));
    this.degree = floats("degree");
    this.pagerank = floats("pagerank");
    this.betweenness = floats("betweenness");
    this.weightedDegree = floats("weightedDegree");
    this.paperCount = floats("paperCount");
    this.year = floats("year");
    const colors = cols.get("color") as DictColumnReader;
    this.nodeColor = (i) => colors.values[colors.codes[i]!] ?? "";

    this.edgeSource = sectionOf(ecols.get("source")!, m);
    this.edgeTarget = sectionOf(ecols.get("target")!, m);
    const ecolors = ecols.get("color") as DictColumnReader | undefined;
    this.edgeColor = ecolors ? (e) => (ecolors.isAbsent(e) ? undefined : (ecolors.values[ecolors.codes[e]!] ?? undefined)) : () => undefined;
    this.groups = new Map();
    for (const g of header.groups) {
      this.groups.set(g.name, { spec: g, records: new Array(g.of === "node" ? n : m), starts: g.chunks.map((c) => c.first) });
    }
  }

  /** EDGE_KIND_CODES index per edge. */
  get edgeKind(): Uint8Array {
    if (!this.edgeKindArray) {
      const ekinds = this.ecols.get("kind") as DictColumnReader;
      const code = ekinds.values.map((v) => EDGE_KIND_CODE.get(v ?? "") ?? 0);
      const out = new Uint8Array(this.size);
      for (let e = 0; e < this.size; e++) out[e] = code[ekinds.codes[e]!]!;
      this.edgeKindArray = out;
    }
    return this.edgeKindArray;
  }

  get edgeUndirected(): Uint8Array {
    if (!this.edgeUndirectedArray) {
      const und = this.ecols.get("undirected")!;
      const out = new Uint8Array(this.size);
      for (let e = 0; e < this.size; e++) out[e] = und.get(e) === true ? 1 : 0;
      this.edgeUndirectedArray = out;
    }
    return this.edgeUndirectedArray;
  }

  get edgeWeight(): Float64Array {
    return (this.edgeWeightArray ??= this.edgeFloats("weight"));
  }

  /** coauthor edges' joint papers above the author cut; NaN where absent. */
  get edgeLargePapers(): Float64Array {
    return (this.edgeLargePapersArray ??= this.edgeFloats("largePapers"));
  }

  /** Year of a co-author link's first joint paper; NaN where absent or null (other kinds, undated links). */
  get edgeFirstYear(): Float64Array {
    return (this.edgeFirstYearArray ??= this.edgeFloats("firstYear"));
  }

  /**
   * Every node's group at a ladder level (model/levels.ts groupAtLevel): the level's ids from the `communityLevels` /
   * `topicClusterLevels` column, else the build's own partition. Made once per level (linear in nodes).
   */
  groupsAtLevel(mode: "community" | "topicCluster", level: number): Int32Array {
    const id = `${mode}:${level}`;
    const hit = this.levelArrays.get(id);
    if (hit) return hit;
    const base = mode === "community" ? this.community : this.topicCluster;
    const c = this.cols.get(mode === "community" ? "communityLevels" : "topicClusterLevels") as IntListColumnReader | undefined;
    const out = Int32Array.from(base);
    if (c && c.spec.type === "intList") {
      for (let i = 0; i < this.order; i++) {
        const at = c.offsets[i]! + level;
        if (!c.isAbsent(i) && level >= 0 && at < c.offsets[i + 1]!) out[i] = c.values[at]!;
      }
    }
    this.levelArrays.set(id, out);
    return out;
  }

  /** A node's stability for a ladder (0..1); NaN where the file has none. */
  stability(mode: "community" | "topicCluster"): Float64Array {
    return this.floatColumn(mode === "community" ? "communityStability" : "topicClusterStability");
  }

  private readonly floatCache = new Map<string, Float64Array>();
  private floatColumn(name: string): Float64Array {
    let out = this.floatCache.get(name);
    if (!out) {
      const c = this.cols.get(name);
      out = c && c.spec.type === "number" ? (c as NumberColumnReader).floats() : new Float64Array(this.order).fill(NaN);
      this.floatCache.set(name, out);
    }
    return out;
  }

  /** NaN where absent. */
  get edgeSizes(): Float64Array {
    return (this.edgeSizesArray ??= this.edgeFloats("size"));
  }

  private edgeFloats(name: string): Float64Array {
    const c = this.ecols.get(name);
    return c && c.spec.type === "number" ? (c as NumberColumnReader).floats() : new Float64Array(this.size).fill(NaN);
  }

  /** Incident edges of node i: adjEdges[adjOffsets[i] .. adjOffsets[i+1]) (each edge listed at both ends; a self-loop once). */
  get adjOffsets(): Uint32Array {
    return this.csr().offsets;
  }

  get adjEdges(): Uint32Array {
    return this.csr().edges;
  }

  /** CSR adjacency: counts, prefix sums, fill (edge order within a node = edge order in the file). */
  private csr(): { offsets: Uint32Array; edges: Uint32Array } {
    if (this.adjacency) return this.adjacency;
    const n = this.order;
    const m = this.size;
    const src = this.edgeSource;
    const tgt = this.edgeTarget;
    const offsets = new Uint32Array(n + 1);
    for (let e = 0; e < m; e++) {
      offsets[src[e]! + 1]!++;
      if (tgt[e] !== src[e]) offsets[tgt[e]! + 1]!++;
    }
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const edges = new Uint32Array(offsets[n]!);
    const fill = offsets.slice(0, n);
    for (let e = 0; e < m; e++) {
      edges[fill[src[e]!]!++] = e;
      if (tgt[e] !== src[e]) edges[fill[tgt[e]!]!++] = e;
    }
    this.adjacency = { offsets, edges };
    return this.adjacency;
  }

  /** Decodes core.bin; `fetchChunk` reads chunk files later, when their attributes are asked for. */
  static fromBytes(core: Uint8Array, fetchChunk: ChunkFetcher, file = "core.bin"): DecodeResult<CompactGraph> {
    const decoded = decodeCore(core, file);
    if (!decoded.ok) return decoded;
    return { ok: true, value: new CompactGraph(decoded.value, fetchChunk) };
  }

  // ---- graphology-compatible reading ----

  /** The header's graph attributes plus the heavy ones loaded so far (loadGraphAttribute). */
  getAttributes(): GraphAttributes {
    if (!this.heavyGraph.size) return this.header.graph.attributes as unknown as GraphAttributes;
    return (this.graphAttributesView ??= { ...this.header.graph.attributes, ...Object.fromEntries(this.heavyGraph) } as unknown as GraphAttributes);
  }

  /** Whether a heavy graph attribute (explorer-format HEAVY_GRAPH_ATTRIBUTES) is in memory, or the file has none. */
  graphAttributeLoaded(name: string): boolean {
    return this.heavyGraph.has(name) || !this.header.graphFiles?.some((f) => f.attribute === name);
  }

  /** Fetches a heavy graph attribute's file (the identity review) once; then getAttributes() holds it. */
  loadGraphAttribute(name: string): Promise<void> {
    const spec = this.header.graphFiles?.find((f) => f.attribute === name);
    if (!spec || this.heavyGraph.has(name)) return Promise.resolve();
    const running = this.inflight.get(spec.file);
    if (running) return running;
    const apply = (bytes: Uint8Array) => {
      const decoded = decodeGraphAttributeFile(bytes, spec, (k) => this.index.has(k));
      if (!decoded.ok) throw new ChunkLoadError(decoded.errors);
      this.heavyGraph.set(name, decoded.value);
      this.graphAttributesView = null;
      this.loadedVersion++;
      for (const l of this.listeners) l();
    };
    let got: Promise<Uint8Array> | Uint8Array;
    try {
      got = this.fetchChunk(spec.file);
    } catch (e) {
      got = Promise.reject(e);
    }
    if (typeof (got as Promise<Uint8Array>).then !== "function") {
      try {
        apply(got as Uint8Array);
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const p = (got as Promise<Uint8Array>)
      .then(apply)
      .catch((e: unknown) => {
        throw e instanceof ChunkLoadError ? e : new ChunkLoadError([`${spec.file}: could not be read (${e instanceof Error ? e.message : String(e)})`]);
      })
      .finally(() => this.inflight.delete(spec.file));
    this.inflight.set(spec.file, p);
    return p;
  }

  getAttribute<K extends keyof GraphAttributes>(name: K): GraphAttributes[K] {
    return this.getAttributes()[name];
  }

  hasNode(key: string): boolean {
    return this.index.has(key);
  }

  /** Node index of a key, -1 when it is not a node. */
  nodeIndex(key: string): number {
    return this.index.get(key) ?? -1;
  }

  nodes(): string[] {
    return this.keys.slice();
  }

  kindOf(i: number): NodeKind {
    return NODE_KIND_CODES[this.kind[i]!]!;
  }

  getNodeAttributes(key: string): NodeAttributes {
    const i = this.index.get(key);
    if (i === undefined) throw new Error(`CompactGraph: no node "${key}"`);
    return this.attributesAt(i);
  }

  getNodeAttribute<K extends keyof NodeAttributes>(key: string, name: K): NodeAttributes[K] {
    return this.getNodeAttributes(key)[name];
  }

  forEachNode(callback: (key: string, attributes: NodeAttributes) => void): void {
    for (let i = 0; i < this.order; i++) callback(this.keys[i]!, this.attributesAt(i));
  }

  filterNodes(callback: (key: string, attributes: NodeAttributes) => boolean): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.order; i++) if (callback(this.keys[i]!, this.attributesAt(i))) out.push(this.keys[i]!);
    return out;
  }

  /** Each distinct neighbour once, in the order of the node's edges. */
  forEachNeighbor(key: string, callback: (neighbor: string, attributes: NodeAttributes) => void): void {
    const i = this.index.get(key);
    if (i === undefined) return;
    this.forEachNeighborIndex(i, (j) => callback(this.keys[j]!, this.attributesAt(j)));
  }

  /** forEachEdge(callback) over every edge, or forEachEdge(node, callback) over a node's edges, as graphology does. */
  forEachEdge(
    nodeOrCallback: string | ((key: string, attributes: EdgeAttributes, source: string, target: string, sa: NodeAttributes, ta: NodeAttributes, undirected: boolean) => void),
    maybeCallback?: (key: string, attributes: EdgeAttributes, source: string, target: string, sa: NodeAttributes, ta: NodeAttributes, undirected: boolean) => void,
  ): void {
    const cb = (typeof nodeOrCallback === "function" ? nodeOrCallback : maybeCallback)!;
    const emit = (e: number) => {
      const s = this.edgeSource[e]!;
      const t = this.edgeTarget[e]!;
      cb(this.edgeKey(e), this.edgeAttributes(e), this.keys[s]!, this.keys[t]!, this.attributesAt(s), this.attributesAt(t), this.edgeUndirected[e] === 1);
    };
    if (typeof nodeOrCallback === "function") {
      for (let e = 0; e < this.size; e++) emit(e);
      return;
    }
    const i = this.index.get(nodeOrCallback);
    if (i === undefined) return;
    for (let p = this.adjOffsets[i]!; p < this.adjOffsets[i + 1]!; p++) emit(this.adjEdges[p]!);
  }

  // ---- index-based reading (hot paths) ----

  /** Each distinct neighbour index of node i once, in the order of its edges. */
  forEachNeighborIndex(i: number, callback: (j: number, edge: number) => void): void {
    const stamp = (this.stamp ??= new Int32Array(this.order));
    const mark = ++this.stampValue;
    if (mark === 0x7fffffff) {
      stamp.fill(0);
      this.stampValue = 1;
    }
    const off = this.adjOffsets;
    const adj = this.adjEdges;
    for (let p = off[i]!; p < off[i + 1]!; p++) {
      const e = adj[p]!;
      const j = this.edgeSource[e] === i ? this.edgeTarget[e]! : this.edgeSource[e]!;
      if (stamp[j] === this.stampValue) continue;
      stamp[j] = this.stampValue;
      callback(j, e);
    }
  }

  /** The other end of edge e seen from node i. */
  otherEnd(e: number, i: number): number {
    return this.edgeSource[e] === i ? this.edgeTarget[e]! : this.edgeSource[e]!;
  }

  edgeKey(e: number): string {
    const keys = this.ecols.get("key");
    if (keys) return keys.get(e) as string;
    return derivedEdgeKey(EDGE_KIND_CODES[this.edgeKind[e]!]!, this.keys[this.edgeSource[e]!]!, this.keys[this.edgeTarget[e]!]!, this.edgeUndirected[e] === 1);
  }

  /** The first edge of `kind` between nodes a and b (either direction), or -1. */
  edgeBetween(a: number, b: number, kind?: EdgeKind): number {
    const code = kind === undefined ? -1 : EDGE_KIND_CODE.get(kind)!;
    for (let p = this.adjOffsets[a]!; p < this.adjOffsets[a + 1]!; p++) {
      const e = this.adjEdges[p]!;
      if (this.otherEnd(e, a) === b && (code < 0 || this.edgeKind[e] === code)) return e;
    }
    return -1;
  }

  edgeAttributes(e: number): EdgeAttributes {
    const out: Attrs = {};
    const extra = this.groups.get("edges")?.records[e] ?? null;
    for (const f of this.header.attributeOrder.edge) {
      const v = this.edgeField(e, f, extra);
      if (v !== undefined) out[f] = v;
    }
    for (const f of this.ecols.keys()) if (!EDGE_STRUCTURE.has(f) && !(f in out)) {
      const v = this.edgeField(e, f, extra);
      if (v !== undefined) out[f] = v;
    }
    if (extra) for (const [f, v] of Object.entries(extra)) if (!(f in out)) out[f] = v;
    return out as unknown as EdgeAttributes;
  }

  /** One attribute of edge e (undefined where absent), without making the edge's attribute object. */
  edgeValue(e: number, name: string): unknown {
    return this.edgeField(e, name, this.groups.get("edges")?.records[e] ?? null);
  }

  private edgeField(e: number, f: string, extra: Attrs | null): unknown {
    if (f === "source" || f === "target" || f === "undirected") return extra?.[f];
    const c = this.ecols.get(f);
    if (c && !c.isAbsent(e)) return c.get(e);
    return extra?.[f];
  }

  // ---- node attributes ----

  /** Attributes of node i: core columns plus whatever of its chunk records is loaded. */
  attributesAt(i: number): NodeAttributes {
    const loaded = this.loadedMask(i);
    const hit = this.cache.get(i);
    if (hit && hit.loaded === loaded) return hit.attrs;
    const attrs = this.materialize(i);
    // Bounded: a walk over every node (an export, the search index) must not keep 200k objects alive.
    if (this.cache.size >= 50_000) this.cache.clear();
    this.cache.set(i, { attrs, loaded });
    return attrs;
  }

  private loadedMask(i: number): number {
    let mask = 0;
    NODE_GROUPS.forEach((g, b) => {
      const group = this.groups.get(g);
      if (!group || group.records[i] !== undefined) mask |= 1 << b;
    });
    return mask;
  }

  private materialize(i: number): NodeAttributes {
    const kind = this.kindOf(i);
    const records = NODE_GROUPS.map((g) => this.groups.get(g)?.records[i] ?? null);
    const out: Attrs = {};
    const put = (f: string) => {
      if (f in out) return;
      const v = this.nodeField(i, f, records);
      if (v !== undefined) out[f] = v;
    };
    for (const f of this.header.attributeOrder[kind]) put(f);
    for (const f of this.cols.keys()) if (f !== "key") put(f);
    for (const r of records) if (r) for (const f of Object.keys(r)) put(f);
    return out as unknown as NodeAttributes;
  }

  private nodeField(i: number, f: string, records: (Attrs | null)[]): unknown {
    const c = f === "key" ? undefined : this.cols.get(f);
    if (c && !c.isAbsent(i)) {
      const v = c.get(i);
      return c.spec.type === "nodeList" ? Array.from(v as Typed, (j) => this.keys[j]!) : v;
    }
    for (const r of records) if (r && f in r) return r[f];
    return undefined;
  }

  // ---- heavy attributes, on demand ----

  /** Whether every chunk record of the node (search and details) is loaded. */
  detailsLoaded(key: string): boolean {
    const i = this.index.get(key);
    return i !== undefined && this.loadedMask(i) === (1 << NODE_GROUPS.length) - 1;
  }

  /** Loads the search and details records of these nodes (a chunk per run of nodes; each chunk fetched once). */
  loadDetails(keys: readonly string[]): Promise<void> {
    const rows = keys.map((k) => this.index.get(k)).filter((i): i is number => i !== undefined);
    return this.loadRows(NODE_GROUPS, rows);
  }

  /** Loads one group's every chunk ("search" for the search index; all groups before a whole-graph export). */
  loadGroup(name: ChunkGroupName): Promise<void> {
    const g = this.groups.get(name);
    if (!g) return Promise.resolve();
    return Promise.all(g.spec.chunks.map((c) => this.loadChunk(name, c))).then(() => undefined);
  }

  /** Every chunk of every group: every attribute of every node and edge is then in memory. */
  loadEverything(): Promise<void> {
    const heavy = (this.header.graphFiles ?? []).map((f) => this.loadGraphAttribute(f.attribute));
    return Promise.all([...["search", "details", "edges"].map((g) => this.loadGroup(g as ChunkGroupName)), ...heavy]).then(() => undefined);
  }

  /** Whether every chunk of a group is loaded (true when the graph has no such group). */
  groupLoaded(name: ChunkGroupName): boolean {
    const g = this.groups.get(name);
    return !g || g.spec.chunks.every((c) => c.count === 0 || g.records[c.first] !== undefined);
  }

  /** Called after each chunk load; returns the unsubscribe function. */
  onLoad(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private loadRows(groups: ChunkGroupName[], rows: number[]): Promise<void> {
    const work: Promise<void>[] = [];
    for (const name of groups) {
      const g = this.groups.get(name);
      if (!g) continue;
      const wanted = new Set<ChunkSpec>();
      for (const i of rows) {
        if (g.records[i] !== undefined) continue;
        const c = g.spec.chunks[upperBound(g.starts, i) - 1];
        if (c && i < c.first + c.count) wanted.add(c);
      }
      for (const c of wanted) work.push(this.loadChunk(name, c));
    }
    return Promise.all(work).then(() => undefined);
  }

  private loadChunk(name: ChunkGroupName, c: ChunkSpec): Promise<void> {
    const g = this.groups.get(name)!;
    if (c.count === 0 || g.records[c.first] !== undefined) return Promise.resolve();
    const running = this.inflight.get(c.file);
    if (running) return running;
    let got: Promise<Uint8Array> | Uint8Array;
    try {
      got = this.fetchChunk(c.file);
    } catch (e) {
      got = Promise.reject(e);
    }
    // Duck-typed: bytes made in another realm (a worker, a test environment) are not `instanceof` this Uint8Array.
    if (typeof (got as Promise<Uint8Array>).then !== "function") {
      try {
        this.applyChunk(g, c, got as Uint8Array);
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const p = (got as Promise<Uint8Array>)
      .then((bytes) => this.applyChunk(g, c, bytes))
      .catch((e: unknown) => {
        throw e instanceof ChunkLoadError ? e : new ChunkLoadError([`${c.file}: could not be read (${e instanceof Error ? e.message : String(e)})`]);
      })
      .finally(() => this.inflight.delete(c.file));
    this.inflight.set(c.file, p);
    return p;
  }

  private applyChunk(g: { spec: ChunkGroupSpec; records: (Attrs | null | undefined)[] }, c: ChunkSpec, bytes: Uint8Array): void {
    const decoded = decodeChunk(bytes, c, g.spec);
    if (!decoded.ok) throw new ChunkLoadError(decoded.errors);
    const problems = this.checkRecords(g.spec, c.first, decoded.value.records);
    if (problems.length) throw new ChunkLoadError(problems.slice(0, 25));
    decoded.value.records.forEach((r, k) => {
      g.records[c.first + k] = r;
    });
    this.loadedVersion++;
    for (const l of this.listeners) l();
  }

  /** The records' fields must be what the graph-file contract says (and name existing nodes). */
  private checkRecords(spec: ChunkGroupSpec, first: number, records: (Attrs | null)[]): string[] {
    if (spec.of !== "node") return [];
    const problems: string[] = [];
    const has = (k: string) => this.index.has(k);
    records.forEach((r, k) => {
      if (!r) return;
      const i = first + k;
      problems.push(...nodeAttributeProblems(`${spec.chunks.find((c) => c.first <= i && i < c.first + c.count)?.file} node "${this.keys[i]}"`, { ...r, kind: this.kindOf(i) }, has, true));
    });
    return problems;
  }
}

/** First position p with sorted[p] > value. */
function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An integer column's values as a typed array: the file's own view when it is unscaled integers, else a copy. */
function sectionOf(c: ColumnReader, rows: number): Typed {
  const data = (c as NumberColumnReader).data;
  if (c.spec.type === "number" && c.spec.scale === 0 && !c.spec.nulls && !c.spec.absent && (data instanceof Uint16Array || data instanceof Uint32Array || data instanceof Uint8Array)) return data;
  const out = new Uint32Array(rows);
  for (let e = 0; e < rows; e++) out[e] = c.get(e) as number;
  return out;
}
