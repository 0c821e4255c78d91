/**
 * Data the render benchmark serves beside the app: the bare page's graph (exactly what the app draws in its default
 * view) and the explorer's compact files. Both are derived from the benchmark graph and cached next to it.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { opaqueColor } from "../../src/app/graph/opaque-color";
import { SIZE_RANGE } from "../../src/app/graph/sizes";
import { synthesiseGraph } from "./synthetic-graph";

export interface GraphData {
  name: string;
  /** graph.json on disk (graphology's serialized form). */
  jsonFile: string;
  /** Set for directly synthesised graphs: the reader is rebuilt from these instead of parsing the JSON file. */
  synthetic?: { papers: number; seed: number };
}

type Attrs = Record<string, unknown>;
export interface Reader {
  forEachNode(cb: (key: string, a: Attrs) => void): void;
  forEachEdge(cb: (key: string, a: Attrs, source: string, target: string, sa: unknown, ta: unknown, undirected: boolean) => void): void;
}

/** The benchmark graph as a reader, without holding its JSON text when it is synthesised (100k would not fit a string). */
export async function readerFor(data: GraphData): Promise<Reader> {
  if (data.synthetic) return synthesiseGraph(data.synthetic);
  const json = JSON.parse(await readFile(data.jsonFile, "utf8")) as {
    nodes: { key: string; attributes: Attrs }[];
    edges: { key: string; source: string; target: string; attributes: Attrs; undirected?: boolean }[];
  };
  return {
    forEachNode: (cb) => json.nodes.forEach((n) => cb(n.key, n.attributes)),
    forEachEdge: (cb) => json.edges.forEach((e) => cb(e.key, e.attributes, e.source, e.target, undefined, undefined, e.undirected === true)),
  };
}

/** A search query that finds something in any graph: the surname of the author with the highest PageRank. */
export async function searchQueryFor(data: GraphData): Promise<string> {
  const reader = await readerFor(data);
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

const cacheName = (data: GraphData, cache: string, what: string) => path.join(cache, `${path.basename(data.jsonFile, ".json")}.${what}`);

/**
 * graphology JSON of what the app draws at first in its default view (co-author lens, no filter, colour by research
 * cluster, size by PageRank): author nodes with their drawn position, size, opaque colour and label; co-author edges
 * with their size and opaque colour.
 */
export async function bareGraphJson(data: GraphData, cache: string): Promise<string> {
  const file = cacheName(data, cache, "bare.json");
  if (existsSync(file)) return readFile(file, "utf8");
  const reader = await readerFor(data);
  const [lo, hi] = SIZE_RANGE.author;
  let min = Infinity;
  let max = -Infinity;
  reader.forEachNode((_k, a) => {
    if (a.kind !== "author") return;
    const v = a.pagerank as number;
    if (v < min) min = v;
    if (v > max) max = v;
  });
  const nodes: string[] = [];
  const authors = new Set<string>();
  reader.forEachNode((key, a) => {
    if (a.kind !== "author") return;
    authors.add(key);
    const t = max > min ? Math.sqrt(((a.pagerank as number) - min) / (max - min)) : 0.5;
    nodes.push(JSON.stringify({ key, attributes: { x: a.x, y: a.y, size: lo + (hi - lo) * t, color: opaqueColor(a.color as string), label: a.label } }));
  });
  const edges: string[] = [];
  reader.forEachEdge((_key, a, source, target) => {
    if (a.kind !== "coauthor" || !authors.has(source) || !authors.has(target)) return;
    edges.push(JSON.stringify({ source, target, attributes: { size: a.size, color: opaqueColor(a.color as string) } }));
  });
  const json = `{"options":{"type":"mixed","multi":false,"allowSelfLoops":false},"attributes":{},"nodes":[${nodes.join(",")}],"edges":[${edges.join(",")}]}\n`;
  await writeFile(file, json);
  return json;
}

/** The explorer's compact files for the graph: not written by this version of the app. */
export async function explorerFilesFor(_data: GraphData, _cache: string): Promise<string | null> {
  return null;
}
