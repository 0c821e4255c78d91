/**
 * Runs the build pipeline in a browser worker, so listings dropped on the explorer become a graph without the CLI and
 * without blocking the page. The pipeline is the same pure code the CLI runs; the worker only moves data.
 */
import { resolveOptions } from "../../pipeline/options";
import { runPipeline } from "../../pipeline/run";
import type { BuildRequest, BuildResponse } from "./build-protocol";

const post = (message: BuildResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<BuildRequest>) => {
  try {
    const { documents, thesaurus } = event.data;
    const result = runPipeline({ documents, thesaurus }, resolveOptions({}));
    post({ ok: true, json: result.graph.export(), summaries: result.summaries });
  } catch (e) {
    post({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
