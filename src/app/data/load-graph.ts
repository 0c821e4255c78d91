/**
 * Graph files -> the explorer's read-only graph (a CompactGraph), with errors a person can act on (what is wrong,
 * which command rebuilds the file). Never throws: every failure becomes a LoadResult with ok=false.
 *
 * The built graph is read from the compact files beside graph.json (data/explorer/core.bin, then chunks on demand);
 * without them (an older build, a graph.json placed there by hand) graph.json itself is read and converted to the
 * same compact form in memory. A graph file a user opens, and a graph built in the browser, take the same road.
 * Converting JSON is the heavy part: in the browser it runs in a worker (graph-worker-client.ts); here it runs inline.
 */
import { writeExplorerFiles } from "../../exporters/explorer-files";
import { CompactGraph, type ChunkFetcher } from "../../model/compact-graph";
import { CORE_FILE, EXPLORER_DIR, EXPLORER_MAGIC, type ExplorerFile } from "../../model/explorer-format";
import type { GraphFile } from "../../model/graph-file";
import { validateGraphFile } from "../../model/validate";
import type { SearchService } from "./search-service";
import type { PaperGraph } from "./types";
import { markPhase } from "../phase-marks";

export const GRAPH_URL = "./data/graph.json";
export const BUILD_COMMAND = "npm run graph";

export type LoadResult =
  | {
      ok: true;
      graph: PaperGraph;
      warnings: string[];
      source: string;
      /** The search index's home (a worker in the browser); absent: the explorer indexes in idle slices itself. */
      search?: SearchService;
      /** What was read: the compact files, or graph.json (converted in memory). */
      read?: "compact" | "json";
      /** The compact files, when the graph was converted or built in memory. */
      files?: readonly ExplorerFile[];
    }
  | { ok: false; title: string; errors: string[]; source: string };

/** Reads files from memory (no request, synchronously): the converted or built graph's chunks. */
export function memoryFetcher(files: readonly ExplorerFile[]): ChunkFetcher {
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  return (name) => {
    const bytes = byName.get(name);
    if (!bytes) throw new Error(`${name} is not part of this graph`);
    return bytes;
  };
}

/** A CompactGraph over files in memory (the writer's output). */
export function graphFromFiles(files: readonly ExplorerFile[], source: string, warnings: string[] = []): LoadResult {
  const core = files.find((f) => f.name === CORE_FILE);
  if (!core) return { ok: false, title: `${source} could not be loaded as a graph`, errors: [`${CORE_FILE} is missing from the converted graph.`], source };
  const r = CompactGraph.fromBytes(core.bytes, memoryFetcher(files));
  if (!r.ok) return { ok: false, title: `${source} could not be loaded as a graph`, errors: r.errors, source };
  return { ok: true, graph: r.value, warnings, source, read: "json", files };
}

/** graph.json converted to the compact files, or why it could not be. */
export type Converted = { ok: true; files: ExplorerFile[]; warnings: string[] } | { ok: false; title: string; errors: string[] };

/** Validate parsed JSON and write it in the compact form. `source` names the file in messages. */
export function convertJson(json: unknown, source: string): Converted {
  const v = validateGraphFile(json);
  if (!v.ok) return { ok: false, title: `${source} is not a valid papergraph graph file`, errors: v.errors };
  const refusal = graphologyRefusal(v.file);
  if (refusal) return { ok: false, title: `${source} could not be loaded as a graph`, errors: [refusal] };
  try {
    return { ok: true, files: writeExplorerFiles(serializedSource(v.file)), warnings: v.warnings };
  } catch (e) {
    return { ok: false, title: `${source} could not be loaded as a graph`, errors: [e instanceof Error ? e.message : String(e)] };
  }
}

/** Parse text as JSON (reporting a syntax error instead of throwing), then convertJson. */
export function convertText(text: string, source: string): Converted {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      title: `${source} is not JSON`,
      errors: [`${e instanceof Error ? e.message : String(e)}. Open a graph.json written by \`${BUILD_COMMAND}\` or exported as graphology JSON.`],
    };
  }
  return convertJson(json, source);
}

export function fromConverted(c: Converted, source: string): LoadResult {
  return c.ok ? graphFromFiles(c.files, source, c.warnings) : { ok: false, title: c.title, errors: c.errors, source };
}

/** Validate parsed JSON, write it in the compact form and read that back. */
export function graphFromJson(json: unknown, source: string): LoadResult {
  return fromConverted(convertJson(json, source), source);
}

/** What graphology's Graph.from would refuse in a valid-looking file (the graph options contradict the edges). */
function graphologyRefusal(file: GraphFile): string | null {
  const type = file.options?.type ?? "mixed";
  const multi = file.options?.multi ?? false;
  const loops = file.options?.allowSelfLoops ?? true;
  const seen = new Set<string>();
  for (const e of file.edges) {
    if (!loops && e.source === e.target) return `The graph allows no self-loops, but an edge joins ${e.source} to itself.`;
    const undirected = e.undirected === true;
    if (type === "directed" && undirected) return `Cannot add undirected edge ${e.key ?? `${e.source}--${e.target}`} to a directed graph (options.type is "directed").`;
    if (type === "undirected" && !undirected) return `Cannot add directed edge ${e.key ?? `${e.source}->${e.target}`} to an undirected graph (options.type is "undirected").`;
    if (!multi) {
      const pair = undirected ? (e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`) + "\u0000u" : `${e.source}\u0000${e.target}\u0000d`;
      if (seen.has(pair)) return `The graph is not a multi graph, but ${e.source} and ${e.target} are joined twice.`;
      seen.add(pair);
    }
  }
  return null;
}

/** graphology's serialized form read like a Graph (the writer's input), without building one. */
export function serializedSource(file: GraphFile) {
  const undirectedDefault = file.options?.type === "undirected";
  return {
    type: file.options?.type ?? "mixed",
    multi: file.options?.multi ?? false,
    allowSelfLoops: file.options?.allowSelfLoops ?? true,
    getAttributes: () => file.attributes,
    forEachNode: (cb: (key: string, a: Record<string, unknown>) => void) => {
      for (const n of file.nodes) cb(n.key, (n.attributes ?? {}) as unknown as Record<string, unknown>);
    },
    forEachEdge: (cb: (key: string, a: Record<string, unknown>, s: string, t: string, sa: unknown, ta: unknown, undirected: boolean) => void) => {
      file.edges.forEach((e, i) => {
        const undirected = e.undirected ?? undirectedDefault;
        // graphology names a keyless edge itself; a stable name keeps the bytes deterministic.
        const key = e.key ?? `${e.attributes?.kind ?? "edge"}:${e.source}${undirected ? "--" : "->"}${e.target}#${i}`;
        cb(key, (e.attributes ?? {}) as unknown as Record<string, unknown>, e.source, e.target, undefined, undefined, undirected);
      });
    },
  };
}

/** Parse text as JSON, reporting the position of a syntax error instead of throwing. */
export function graphFromText(text: string, source: string): LoadResult {
  return fromConverted(convertText(text, source), source);
}

/** Turns graph-file text into a graph: inline by default; the browser passes the worker's. */
export type TextConverter = (text: string, source: string) => Promise<LoadResult>;
export const inlineConverter: TextConverter = async (text, source) => graphFromText(text, source);

const folderOf = (url: string) => url.replace(/[^/]*$/, "");

/** Reads a file of the explorer folder beside the graph file, by URL. */
export function urlFetcher(folder: string, fetchImpl: typeof fetch = fetch): ChunkFetcher {
  return async (name) => {
    const res = await fetchImpl(folder + name, { cache: "no-cache" });
    if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`.trim());
    return new Uint8Array(await res.arrayBuffer());
  };
}

const coreUrl = (url: string) => `${folderOf(url)}${EXPLORER_DIR}/${CORE_FILE}`;

/** A core.bin request started before the app has mounted (main.tsx), taken by the first fetchGraph that wants it. */
let early: { url: string; response: Promise<Response> } | null = null;

/** Starts fetching the default graph's core.bin at once, while the page boots (only the bytes: nothing is decoded). */
export function prefetchDefault(url: string = GRAPH_URL): void {
  if (typeof fetch !== "function") return;
  const at = coreUrl(url);
  const response = fetch(at, { cache: "no-cache" });
  response.catch(() => undefined);
  early = { url: at, response };
}

/**
 * The compact files beside `url`, or null (with the reason, when there is one worth telling) when there are none:
 * absent, a dev server's index.html in their place, or damaged.
 */
async function fetchCompact(url: string, fetchImpl: typeof fetch): Promise<{ graph: PaperGraph } | { warning: string | null }> {
  const folder = `${folderOf(url)}${EXPLORER_DIR}/`;
  const name = `${folder.replace(/^\.\//, "")}${CORE_FILE}`;
  let res: Response;
  try {
    const prefetched = early && early.url === coreUrl(url) && fetchImpl === globalThis.fetch ? early.response : null;
    early = null;
    res = await (prefetched ?? fetchImpl(folder + CORE_FILE, { cache: "no-cache" }));
  } catch {
    return { warning: null };
  }
  if (!res.ok) return { warning: null };
  markPhase("core-response");
  const bytes = new Uint8Array(await res.arrayBuffer());
  markPhase("core-bytes");
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== EXPLORER_MAGIC) return { warning: null };
  const r = CompactGraph.fromBytes(bytes, urlFetcher(folder, fetchImpl), name);
  markPhase("core-decoded");
  if (!r.ok) return { warning: `${r.errors[0]} (read graph.json instead)` };
  return { graph: r.value };
}

/** Fetch the built graph (same origin, relative to the page: works from any base path and offline). */
export async function fetchGraph(url: string = GRAPH_URL, fetchImpl: typeof fetch = fetch, convert: TextConverter = inlineConverter): Promise<LoadResult> {
  const source = url.replace(/^\.\//, "");
  const compact = await fetchCompact(url, fetchImpl);
  if ("graph" in compact) return { ok: true, graph: compact.graph, warnings: [], source, read: "compact" };
  const warnings = compact.warning ? [compact.warning] : [];
  let res: Response;
  try {
    res = await fetchImpl(url, { cache: "no-cache" });
  } catch (e) {
    return { ok: false, title: `Could not read ${source}`, errors: [e instanceof Error ? e.message : String(e)], source };
  }
  const text = res.ok ? await res.text() : "";
  // Dev servers answer a missing file with the app's index.html (status 200): that is "missing" too.
  if (res.status === 404 || (res.ok && /^\s*</.test(text))) {
    return {
      ok: false,
      title: `No graph file at ${source}`,
      errors: [`The explorer reads public/${source}, which has not been built yet (or the server does not serve it).`],
      source,
    };
  }
  if (!res.ok) return { ok: false, title: `Could not read ${source}`, errors: [`The server answered ${res.status} ${res.statusText}.`], source };
  const result = await convert(text, source);
  return result.ok ? { ...result, warnings: [...warnings, ...result.warnings] } : result;
}

/** How the session turns what it is given into a graph (inline here; graph-worker-client.ts for the browser). */
export interface GraphLoader {
  /** The built graph beside the page (data/explorer/, else data/graph.json). */
  fetchDefault(): Promise<LoadResult>;
  /** A graph file's text. */
  fromText(text: string, source: string): Promise<LoadResult>;
  /** A graph file already parsed. */
  fromJson(json: unknown, source: string): Promise<LoadResult>;
  /** The compact files a build produced. */
  fromFiles(files: readonly ExplorerFile[], source: string): Promise<LoadResult>;
}

export const inlineLoader: GraphLoader = {
  fetchDefault: () => fetchGraph(),
  fromText: async (text, source) => graphFromText(text, source),
  fromJson: async (json, source) => graphFromJson(json, source),
  fromFiles: async (files, source) => graphFromFiles(files, source),
};
