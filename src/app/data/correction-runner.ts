/**
 * Runs identity corrections on the graph as built (pipeline/corrections) off the page: in the browser, one pipeline
 * worker per graph shown (pipeline.worker.ts), which keeps the graph as built between requests; in tests, inline. Only
 * the newest request's answer counts: an older one still running or waiting is answered `superseded`, so a quick
 * Split-Undo-Split never shows the graph of the middle step.
 */
import { writeExplorerFiles } from "../../exporters/explorer-files";
import type { ExplorerFile } from "../../model/explorer-format";
import type { Correction } from "../../model/identity-corrections";
import { applyIdentityCorrections } from "../../pipeline/corrections";
import type { ProgressEvent } from "../../pipeline/progress";
import type { CorrectRequest, CorrectResponse, GraphSource, WorkerMessage } from "./build-protocol";
import { explorerFolder } from "./graph-worker-client";
import type { PaperGraph } from "./types";
import type { Loaded } from "./use-session";

export type CorrectOutcome =
  | { ok: true; files: ExplorerFile[]; notes: string[]; renamedKeys: Record<string, string>; touched: string[]; origins: Record<string, string[]> }
  | { ok: false; error: string; superseded?: boolean };

export interface CorrectionRunner {
  apply(corrections: readonly Correction[], onProgress?: (event: ProgressEvent) => void): Promise<CorrectOutcome>;
  dispose(): void;
}

/** Makes the runner for one graph as built (`id` names it to the worker). */
export type CorrectionRunnerFactory = (id: string, source: GraphSource | (() => PaperGraph)) => CorrectionRunner;

/** In the browser: a pipeline worker, started on the first request, kept until the graph is replaced. */
export const workerCorrections: CorrectionRunnerFactory = (id, source) => {
  let worker: Worker | null = null;
  let seq = 0;
  let sentSource = false;
  let disposed = false;
  const waiting = new Map<number, { resolve: (o: CorrectOutcome) => void; onProgress?: (e: ProgressEvent) => void }>();
  const failAll = (error: string) => {
    for (const w of waiting.values()) w.resolve({ ok: false, error });
    waiting.clear();
    worker?.terminate();
    worker = null;
    sentSource = false;
  };
  const start = () => {
    const w = new Worker(new URL("./pipeline.worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.kind === "progress" && m.seq !== undefined) waiting.get(m.seq)?.onProgress?.(m.event);
      else if (m.kind === "corrected") {
        const r: CorrectResponse = m.response;
        waiting.get(r.seq)?.resolve(r.ok ? { ok: true, files: r.files, notes: r.notes, renamedKeys: r.renamedKeys, touched: r.touched, origins: r.origins } : { ok: false, error: r.error, ...(r.superseded ? { superseded: true } : {}) });
        waiting.delete(r.seq);
      }
    };
    w.onerror = (e) => {
      e.preventDefault(); // said in the review panel, not as an uncaught error on the page
      failAll(e.message || "the corrections worker failed");
    };
    return w;
  };
  return {
    apply: (corrections, onProgress) =>
      new Promise<CorrectOutcome>((resolve) => {
        if (disposed) return resolve({ ok: false, error: "the graph was replaced", superseded: true });
        if (typeof source === "function") return resolve({ ok: false, error: "no graph source for the worker" });
        worker ??= start();
        const my = ++seq;
        // Older requests still waiting are answered by the worker (superseded); their progress is no longer shown.
        for (const w of waiting.values()) w.onProgress = undefined;
        waiting.set(my, { resolve, onProgress });
        const request: CorrectRequest = { kind: "correct", seq: my, graph: id, corrections: corrections.map((c) => structuredClone(c)) };
        if (!sentSource) {
          // In-memory files are copied: the page keeps its own for the panels.
          request.source = "files" in source ? { files: source.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() })) } : source;
          sentSource = true;
        }
        worker.postMessage(request, request.source && "files" in request.source ? request.source.files.map((f) => f.bytes.buffer) : []);
      }),
    dispose: () => {
      disposed = true;
      failAll("the graph was replaced");
    },
  };
};

/** Inline, on the page's thread: tests (no Worker in Node) and graphs given as a CompactGraph with everything loaded. */
export const inlineCorrections: CorrectionRunnerFactory = (_id, source) => {
  let seq = 0;
  return {
    apply: async (corrections) => {
      const my = ++seq;
      if (typeof source !== "function") return { ok: false, error: "inline corrections need the graph itself" };
      const graph = source();
      await graph.loadEverything();
      if (my !== seq) return { ok: false, error: "superseded by a newer correction", superseded: true };
      try {
        const result = applyIdentityCorrections(graph, corrections);
        return { ok: true, files: writeExplorerFiles(result.graph), notes: result.notes, renamedKeys: result.renamedKeys, touched: result.touched, origins: result.origins };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    dispose: () => undefined,
  };
};

/** In the browser: the pipeline worker where it can read the graph as built, else on the page. */
export const browserCorrections: CorrectionRunnerFactory = (id, source) => (typeof source === "function" ? inlineCorrections(id, source) : workerCorrections(id, source));

/**
 * Where the worker reads the graph as built: the files in memory (a graph opened or built here, graph.json converted),
 * else the default graph's compact files' folder on the server; null when neither (the page then hands the graph over).
 */
export function browserGraphSource(loaded: Loaded): GraphSource | null {
  const r = loaded.result;
  if (!r.ok) return null;
  if (r.files) return { files: [...r.files] };
  if (loaded.shown.kind === "default" && r.read === "compact") return { folder: explorerFolder(loaded.shown.url) };
  return null;
}
