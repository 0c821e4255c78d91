/**
 * Runs the build pipeline in a browser worker, so files opened in the explorer become a graph without the CLI and
 * without blocking the page. The pipeline is the same pure code the CLI runs; the worker only moves data: progress
 * events (throttled) while it runs, then the graph (as the explorer's compact files, transferred) or the error.
 */
import { writeExplorerFiles } from "../../exporters/explorer-files";
import { resolveOptions } from "../../pipeline/options";
import { runPipeline } from "../../pipeline/run";
import type { BuildRequest, WorkerMessage } from "./build-protocol";
import { throttleProgress } from "./progress-view";

/** At most this many progress messages a second reach the page. */
const PROGRESS_INTERVAL_MS = 100;

const post = (message: WorkerMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<BuildRequest>) => {
  try {
    const { documents, thesaurus } = event.data;
    const onProgress = throttleProgress((e) => post({ kind: "progress", event: e }), PROGRESS_INTERVAL_MS, () => performance.now());
    const result = runPipeline({ documents, thesaurus }, resolveOptions({}), { onProgress });
    const files = writeExplorerFiles(result.view);
    post({ kind: "result", response: { ok: true, files, summaries: result.summaries } }, files.map((f) => f.bytes.buffer));
  } catch (e) {
    post({ kind: "result", response: { ok: false, error: e instanceof Error ? e.message : String(e) } });
  }
};
