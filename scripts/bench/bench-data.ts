/**
 * Data the render benchmark serves beside the app: the bare page's graph (exactly what the app draws in its default
 * view) and the explorer's compact files. Both are derived from the benchmark graph and cached next to it.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { chooseDrawn, edgeLook, nodeColor } from "../../src/app/canvas/render-graph";
import { computeSizesAt, LOOKS, nodeColorsAt, resolveColorMode } from "../../src/model/appearance";
import { writeExplorerFiles, type ExplorerGraphSource } from "../../src/exporters/explorer-files";
import { CompactGraph } from "../../src/model/compact-graph";
import { CORE_FILE, EXPLORER_FORMAT_VERSION } from "../../src/model/explorer-format";
import { DEFAULT_VIEW_FILTER, visibleMask } from "../../src/model/view-filter";
import { synthesiseGraph } from "./synthetic-graph";

export interface GraphData {
  name: string;
  /** graph.json on disk (graphology's serialized form). */
  jsonFile: string;
  /** Set for directly synthesised graphs: the reader is rebuilt from these instead of parsing the JSON file. */
  synthetic?: { papers: number; seed: number };
  /** Set for a folder `npm run graph` wrote: its explorer files, used as they are (graph.json is never parsed). */
  build?: { explorerDir: string; tag: string };
}

type Attrs = Record<string, unknown>;
export type Reader = ExplorerGraphSource;

/** The benchmark graph as a reader, without holding its JSON text when it is synthesised (100k would not fit a string). */
export async function readerFor(data: GraphData): Promise<Reader> {
  if (data.synthetic) return synthesiseGraph(data.synthetic);
  const json = JSON.parse(await readFile(data.jsonFile, "utf8")) as {
    options: { type: string; multi: boolean; allowSelfLoops: boolean };
    attributes: Attrs;
    nodes: { key: string; attributes: Attrs }[];
    edges: { key: string; source: string; target: string; attributes: Attrs; undirected?: boolean }[];
  };
  return {
    ...json.options,
    getAttributes: () => json.attributes,
    forEachNode: (cb) => json.nodes.forEach((n) => cb(n.key, n.attributes)),
    forEachEdge: (cb) => json.edges.forEach((e) => cb(e.key, e.attributes, e.source, e.target, undefined, undefined, e.undirected === true)),
  };
}

/** A search query that finds something in any graph: the surname of the author with the highest PageRank. */
export async function searchQueryFor(data: GraphData): Promise<string> {
  // A build's graph.json may be larger than a string can hold (1 GB at 100,000 papers): read its compact files then.
  const reader = data.build ? await compactFor(data, "") : await readerFor(data);
  let best = -1;
  let name = "";
  reader.forEachNode((_k, a) => {
    if (a.kind === "author" && (a.pagerank as number) > best) {
      best = a.pagerank as number;
      name = String(a.label);
    }
  });
  return name.split(" ").pop() ?? name;
}

/**
 * Derived files are named after the graph file plus the compact format's version and the look's revision, so files
 * derived by an older writer or an older appearance rule (another worktree sharing the cache) are never served.
 */
const DERIVED_TAG = `x${EXPLORER_FORMAT_VERSION}-look2`;
const cacheName = (data: GraphData, cache: string, what: string) => path.join(cache, `${data.build ? data.build.tag : path.basename(data.jsonFile, ".json")}.${DERIVED_TAG}.${what}`);

/** The explorer's compact files for the graph (what `npm run graph` writes to data/explorer/), cached in a folder. */
export async function explorerFilesFor(data: GraphData, cache: string): Promise<string> {
  if (data.build) return data.build.explorerDir;
  const dir = cacheName(data, cache, "explorer");
  if (existsSync(path.join(dir, CORE_FILE))) return dir;
  const files = writeExplorerFiles(await readerFor(data));
  const tmp = `${dir}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  for (const f of files) await writeFile(path.join(tmp, f.name), f.bytes);
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return dir;
}

/** The explorer's graph read from its cached compact files, as the app reads it. */
async function compactFor(data: GraphData, cache: string): Promise<CompactGraph> {
  const dir = await explorerFilesFor(data, cache);
  const names = new Set(await readdir(dir));
  const r = CompactGraph.fromBytes(new Uint8Array(await readFile(path.join(dir, CORE_FILE))), async (name) => {
    if (!names.has(name)) throw new Error(`no ${name}`);
    return new Uint8Array(await readFile(path.join(dir, name)));
  });
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.value;
}

/**
 * graphology JSON of exactly what the app draws at first in its default view (co-author lens, no filter, colour by
 * research cluster, size by PageRank), computed by the app's own modules (visibleMask, chooseDrawn: the overview when
 * the lens is too big): nodes with their drawn position, size, colour and label, edges with their size and colour.
 * Edge keys are left to graphology, as a plain page would.
 */
export async function bareGraphJson(data: GraphData, cache: string): Promise<string> {
  const file = cacheName(data, cache, "bare.json");
  if (existsSync(file)) return readFile(file, "utf8");
  const g = await compactFor(data, cache);
  const drawn = chooseDrawn(g, visibleMask(g, DEFAULT_VIEW_FILTER));
  // The default view's colour mode ("auto" in the co-author lens) and the light theme, as the app draws them.
  const mode = resolveColorMode("auto", DEFAULT_VIEW_FILTER.lens);
  const tables = { communities: g.getAttribute("communities") ?? {}, topicClusters: g.getAttribute("topicClusters") ?? {} };
  const look = { sizes: computeSizesAt(g, "pagerank"), colors: nodeColorsAt(g, mode, tables), look: LOOKS.light };
  const nodes = drawn.nodes.map((i) => JSON.stringify({ key: g.keys[i], attributes: { x: g.x[i], y: g.y[i], size: look.sizes[i], color: nodeColor(g, i, look), label: g.labels[i] } }));
  const edges = drawn.edges.map((e) => JSON.stringify({ source: g.keys[g.edgeSource[e]!], target: g.keys[g.edgeTarget[e]!], attributes: edgeLook(g, e, look.look) }));
  const json = `{"options":{"type":"directed","multi":false,"allowSelfLoops":true},"attributes":{},"nodes":[${nodes.join(",")}],"edges":[${edges.join(",")}]}\n`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, json);
  return json;
}
