/**
 * Runs the build pipeline in a browser worker, so files opened in the explorer become a graph without the CLI and
 * without blocking the page. The pipeline is the same pure code the CLI runs; the worker only moves data: progress
 * events (throttled) while it runs, then the graph (as the explorer's compact files, transferred) or the error.
 *
 * It also applies identity corrections to a built graph (pipeline/corrections), for the prebuilt graph whose inputs
 * are not in the browser: it reads the graph as built once (its compact files, every chunk) and keeps it for the next
 * request of the same graph, so each Split, Merge, Rename or Undo costs the corrections and the writing, not a reload.
 */
import { writeExplorerFiles } from "../../exporters/explorer-files";
import { CompactGraph } from "../../model/compact-graph";
import { CORE_FILE } from "../../model/explorer-format";
import { applyIdentityCorrections, prepareCorrections, type PreparedGraph } from "../../pipeline/corrections";
import { resolveOptions } from "../../pipeline/options";
import { runPipeline } from "../../pipeline/run";
import type { BuildRequest, CorrectRequest, CorrectResponse, GraphSource, WorkerMessage } from "./build-protocol";
import { memoryFetcher, urlFetcher } from "./load-graph";
import { throttleProgress } from "./progress-view";

/** At most this many progress messages a second reach the page. */
const PROGRESS_INTERVAL_MS = 100;

const post = (message: WorkerMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

function build(request: BuildRequest): void {
  try {
    const { documents, thesaurus } = request;
    const onProgress = throttleProgress((e) => post({ kind: "progress", event: e }), PROGRESS_INTERVAL_MS, () => performance.now());
    const result = runPipeline({ documents, thesaurus }, resolveOptions({}), { onProgress, releaseInput: true });
    const files = writeExplorerFiles(result.view);
    post({ kind: "result", response: { ok: true, files, summaries: result.summaries } }, files.map((f) => f.bytes.buffer));
  } catch (e) {
    post({ kind: "result", response: { ok: false, error: e instanceof Error ? e.message : String(e) } });
  }
}

/** The graph as built, read once per graph id (every chunk: the corrections read every attribute). */
let asBuilt: { graph: string; prepared: Promise<PreparedGraph> } | null = null;
let newest = 0;
let queue: Promise<void> = Promise.resolve();

async function readAsBuilt(source: GraphSource): Promise<PreparedGraph> {
  const fetcher = "folder" in source ? urlFetcher(source.folder) : memoryFetcher(source.files);
  const core = await fetcher(CORE_FILE);
  const r = CompactGraph.fromBytes(core, fetcher);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  await r.value.loadEverything();
  // What the corrections read of it, kept; the compact graph itself can go.
  return prepareCorrections(r.value);
}

async function correct(m: CorrectRequest): Promise<void> {
  const answer = (response: CorrectResponse, transfer: Transferable[] = []) => post({ kind: "corrected", response }, transfer);
  if (m.seq < newest) return answer({ ok: false, seq: m.seq, error: "superseded by a newer correction", superseded: true });
  try {
    if (!asBuilt || asBuilt.graph !== m.graph) {
      if (!m.source) throw new Error("the graph as built was not sent to the worker");
      asBuilt = { graph: m.graph, prepared: readAsBuilt(m.source) };
      asBuilt.prepared.catch(() => (asBuilt = null));
    }
    const prepared = await asBuilt.prepared;
    const onProgress = throttleProgress((event) => post({ kind: "progress", event, seq: m.seq }), PROGRESS_INTERVAL_MS, () => performance.now());
    const result = applyIdentityCorrections(prepared, m.corrections, (step, done, total, unit) => onProgress({ phase: "graph", step, done, total, unit }));
    onProgress({ phase: "write", done: 0, total: null, unit: "files" });
    const files = writeExplorerFiles(result.graph);
    answer({ ok: true, seq: m.seq, files, notes: result.notes, renamedKeys: result.renamedKeys, touched: result.touched, origins: result.origins }, files.map((f) => f.bytes.buffer));
  } catch (e) {
    answer({ ok: false, seq: m.seq, error: e instanceof Error ? e.message : String(e) });
  }
}

self.onmessage = (event: MessageEvent<BuildRequest | CorrectRequest>) => {
  const m = event.data;
  if ("kind" in m && m.kind === "correct") {
    newest = Math.max(newest, m.seq);
    // One at a time, in order: a request waiting behind a newer one is answered "superseded" without being computed.
    queue = queue.then(() => correct(m));
    return;
  }
  build(m as BuildRequest);
};
