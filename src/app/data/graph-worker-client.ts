/**
 * The browser's graph loader: graph JSON is converted in a worker (graph.worker.ts), and every graph shown gets a
 * worker that holds its search index. The page itself only maps the compact files' typed arrays.
 */
import { EXPLORER_DIR, type ExplorerFile } from "../../model/explorer-format";
import type { SearchHit } from "../state/search";
import { GRAPH_URL, fetchGraph, fromConverted, graphFromFiles, graphFromJson, type GraphLoader, type LoadResult, type TextConverter } from "./load-graph";
import type { SearchOptions, SearchService } from "./search-service";
import type { GraphWorkerReply, GraphWorkerRequest } from "./worker-protocol";

const newWorker = () => new Worker(new URL("./graph.worker.ts", import.meta.url), { type: "module" });

/** Search answered by a worker that holds (or will load) the graph. */
export function workerSearch(worker: Worker): SearchService {
  let next = 0;
  let indexed = false;
  let disposed = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const pending = new Map<number, (hits: SearchHit[]) => void>();
  const send = (m: GraphWorkerRequest) => {
    if (!disposed) worker.postMessage(m);
  };
  worker.addEventListener("message", (e: MessageEvent<GraphWorkerReply>) => {
    const m = e.data;
    if (m.type === "hits") {
      pending.get(m.id)?.(m.hits);
      pending.delete(m.id);
    } else if (m.type === "indexed") {
      indexed = true;
      markReady();
    }
    else if (m.type === "failed") {
      // A query cannot be answered: no suggestions rather than a spinner forever.
      for (const resolve of pending.values()) resolve([]);
      pending.clear();
    }
  });
  worker.addEventListener("error", (e) => {
    e.preventDefault();
    for (const resolve of pending.values()) resolve([]);
    pending.clear();
  });
  return {
    search: (query: string, opts: SearchOptions = {}) =>
      new Promise<SearchHit[]>((resolve) => {
        if (disposed) return resolve([]);
        const id = ++next;
        pending.set(id, resolve);
        send({ type: "search", id, query, opts });
      }),
    start: () => send({ type: "index" }),
    ready: () => indexed,
    whenReady: () => ready,
    dispose: () => {
      disposed = true;
      worker.terminate();
      for (const resolve of pending.values()) resolve([]);
      pending.clear();
    },
  };
}

/** graph.json text -> compact files in a worker; that worker then serves the graph's search. */
export const workerConverter: TextConverter = (text, source) =>
  new Promise<LoadResult>((resolve) => {
    const worker = newWorker();
    const done = (r: LoadResult) => {
      if (!r.ok) worker.terminate();
      resolve(r);
    };
    const onMessage = (e: MessageEvent<GraphWorkerReply>) => {
      const m = e.data;
      if (m.type !== "converted" && m.type !== "failed") return;
      worker.removeEventListener("message", onMessage);
      if (m.type === "failed") return done({ ok: false, title: `${source} could not be loaded as a graph`, errors: [m.message], source });
      const result = fromConverted(m.ok ? { ok: true, files: m.files, warnings: m.warnings } : m, source);
      done(result.ok ? { ...result, search: workerSearch(worker) } : result);
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      done({ ok: false, title: `${source} could not be loaded as a graph`, errors: [e.message || "the graph worker failed"], source });
    });
    worker.postMessage({ type: "convert", text, source } satisfies GraphWorkerRequest);
  });

/**
 * A search worker for a graph the page already holds, from the compact files' folder or from copies of its files.
 * Started on the first start() or search(), never before: the first frame has the machine to itself.
 */
function withSearch(result: LoadResult, folder: string | null): LoadResult {
  if (!result.ok || result.search) return result;
  const files = result.files;
  const fromFolder = folder !== null && result.read === "compact";
  if (!fromFolder && !files) return result;
  let service: SearchService | null = null;
  const started = () => {
    if (!service) {
      const worker = newWorker();
      if (fromFolder) worker.postMessage({ type: "init", folder } satisfies GraphWorkerRequest);
      else {
        // The worker gets copies (transferred): the page keeps its own for the panels.
        const copies: ExplorerFile[] = files!.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
        worker.postMessage({ type: "init", files: copies } satisfies GraphWorkerRequest, copies.map((f) => f.bytes.buffer));
      }
      service = workerSearch(worker);
    }
    return service;
  };
  let disposed = false;
  return {
    ...result,
    search: {
      search: (query, opts) => (disposed ? Promise.resolve([]) : started().search(query, opts)),
      start: () => void (!disposed && started().start()),
      ready: () => service?.ready() ?? false,
      whenReady: () => started().whenReady(),
      dispose: () => {
        disposed = true;
        service?.dispose();
      },
    },
  };
}

/** The explorer folder as an absolute URL: a worker resolves relative URLs against its own script, not the page. */
export const explorerFolder = (url: string) => new URL(`${url.replace(/[^/]*$/, "")}${EXPLORER_DIR}/`, document.baseURI).href;

export const browserLoader: GraphLoader = {
  fetchDefault: async () => withSearch(await fetchGraph(GRAPH_URL, fetch, workerConverter), explorerFolder(GRAPH_URL)),
  fromText: (text, source) => workerConverter(text, source),
  fromJson: async (json, source) => withSearch(graphFromJson(json, source), null),
  fromFiles: async (files, source) => withSearch(graphFromFiles(files, source), null),
};
