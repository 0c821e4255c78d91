/**
 * The explorer's graph worker: converts graph JSON to the compact files off the page's thread (JSON.parse and
 * validation of tens of megabytes), then holds the graph's search index: the "search" chunks are loaded and every node
 * indexed when the page asks (after its first frame), and queries are answered here, so typing never waits for an
 * index being built on the page. Only moves data: the conversion and the search are the pure modules the page uses.
 */
import { CompactGraph } from "../../model/compact-graph";
import { CORE_FILE, type ExplorerFile } from "../../model/explorer-format";
import { buildSearchIndex, searchNodes, type SearchIndex } from "../state/search";
import { convertText, memoryFetcher, urlFetcher } from "./load-graph";
import type { GraphWorkerReply, GraphWorkerRequest } from "./worker-protocol";

const post = (message: GraphWorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

let graph: Promise<CompactGraph> | null = null;
let index: Promise<SearchIndex> | null = null;

function adopt(files: ExplorerFile[]): void {
  const core = files.find((f) => f.name === CORE_FILE);
  const r = core ? CompactGraph.fromBytes(core.bytes, memoryFetcher(files)) : null;
  graph = r?.ok ? Promise.resolve(r.value) : Promise.reject(new Error(r ? r.errors.join("\n") : `${CORE_FILE} is missing`));
}

async function fromFolder(folder: string): Promise<CompactGraph> {
  const bytes = await urlFetcher(folder)(CORE_FILE);
  const r = CompactGraph.fromBytes(bytes, urlFetcher(folder));
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.value;
}

function ensureIndex(): Promise<SearchIndex> {
  if (index) return index;
  if (!graph) return Promise.reject(new Error("no graph to search"));
  return (index ??= graph.then(async (g) => {
    await g.loadGroup("search");
    const built = buildSearchIndex(g, null);
    built.get();
    // The index holds what queries need; the graph (core.bin, chunks) can go.
    graph = null;
    post({ type: "indexed", documents: g.order });
    return built;
  }));
}

self.onmessage = (event: MessageEvent<GraphWorkerRequest>) => {
  const m = event.data;
  try {
    if (m.type === "convert") {
      const c = convertText(m.text, m.source);
      if (!c.ok) {
        post({ type: "converted", ok: false, title: c.title, errors: c.errors });
        return;
      }
      adopt(c.files);
      // The page gets copies (transferred); this worker keeps its own for the search index.
      const copies = c.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
      post({ type: "converted", ok: true, files: copies, warnings: c.warnings }, copies.map((f) => f.bytes.buffer));
    } else if (m.type === "init") {
      if ("files" in m) adopt(m.files);
      else graph = fromFolder(m.folder);
      // A failure is reported when the index is asked for, not as an unhandled rejection now.
      graph?.catch(() => undefined);
    } else if (m.type === "index") {
      ensureIndex().catch((e: unknown) => post({ type: "failed", message: e instanceof Error ? e.message : String(e) }));
    } else if (m.type === "search") {
      ensureIndex()
        .then((built) => post({ type: "hits", id: m.id, hits: searchNodes(built, m.query, m.opts) }))
        .catch((e: unknown) => post({ type: "failed", message: e instanceof Error ? e.message : String(e) }));
    }
  } catch (e) {
    post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
  }
};
