/**
 * What "open" means for the files a user picks or drops: their bytes are decoded here (never uploaded); one graph
 * file (graphology JSON, told apart by content) is loaded as is; every other file (an export in any format the
 * pipeline reads, a listing, a thesaurus) goes to the same pipeline the CLI runs, in a worker, with progress.
 */
import type { SourceSummary } from "../../model/graph-file";
import type { ProgressEvent } from "../../pipeline/progress";
import type { BuildRequest, BuildResponse, WorkerMessage } from "./build-protocol";
import { decodeInput } from "../../pipeline/formats/decode";
import { planInputs, type OpenedFile } from "./input-set";
import { inlineLoader, type GraphLoader, type LoadResult } from "./load-graph";

export interface OpenOutcome {
  result: LoadResult;
  /** "graph": a graph file was loaded; "built": the pipeline built the graph; null: nothing was opened. */
  kind: "graph" | "built" | null;
  /** Per-file summaries when the pipeline ran (formats, records, diagnostics). */
  summaries: SourceSummary[] | null;
}

export interface BuildHooks {
  onProgress?: (event: ProgressEvent) => void;
  /** Aborting stops the worker; the build then answers `{ ok: false, error: "cancelled" }`. */
  signal?: AbortSignal;
}

/** Start a worker and build; injected in tests. */
export type BuildRunner = (request: BuildRequest, hooks?: BuildHooks) => Promise<BuildResponse>;

export const CANCELLED = "The build was cancelled.";

export const workerBuild: BuildRunner = (request, hooks = {}) =>
  new Promise((resolve) => {
    if (hooks.signal?.aborted) {
      resolve({ ok: false, error: CANCELLED });
      return;
    }
    const worker = new Worker(new URL("./pipeline.worker.ts", import.meta.url), { type: "module" });
    const finish = (response: BuildResponse) => {
      hooks.signal?.removeEventListener("abort", onAbort);
      worker.terminate();
      resolve(response);
    };
    const onAbort = () => finish({ ok: false, error: CANCELLED });
    hooks.signal?.addEventListener("abort", onAbort);
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      if (e.data.kind === "progress") hooks.onProgress?.(e.data.event);
      else if (e.data.kind === "result") finish(e.data.response);
    };
    worker.onerror = (e) => {
      e.preventDefault(); // reported in the dialog, not as an uncaught error on the page
      finish({ ok: false, error: e.message || "the build worker failed" });
    };
    worker.postMessage(request);
  });

/** What the picker or a drop hands over (a File, or anything with a name and bytes). */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReadOutcome {
  files: OpenedFile[];
  /** Files whose bytes could not be read at all (a folder dropped, a file removed meanwhile), in words. */
  problems: string[];
}

/** Decodes every picked file (UTF-8, or UTF-16 with a byte-order mark); a file that cannot be read is named in `problems`. */
export async function readPicked(picked: readonly PickedFile[]): Promise<ReadOutcome> {
  const read = await Promise.all(
    picked.map(async (f) => {
      try {
        return { name: f.name, text: decodeInput(new Uint8Array(await f.arrayBuffer())) };
      } catch (e) {
        return `${f.name}: could not be read (${e instanceof Error ? e.message || e.name : String(e)}); folders cannot be opened, only the files in them`;
      }
    }),
  );
  return {
    files: read.filter((r): r is OpenedFile => typeof r !== "string"),
    problems: read.filter((r): r is string => typeof r === "string"),
  };
}

const failure = (title: string, errors: string[], source: string, summaries: SourceSummary[] | null = null): OpenOutcome => ({
  result: { ok: false, title, errors, source },
  kind: null,
  summaries,
});

/** Opens a set of decoded files: one graph file is loaded, anything else is built by `build`. Never throws. */
export async function openInputs(files: readonly OpenedFile[], build: BuildRunner = workerBuild, hooks: BuildHooks = {}, loader: GraphLoader = inlineLoader): Promise<OpenOutcome> {
  const names = files.map((f) => f.name).join(", ");
  if (files.length === 0) return failure("Nothing to open", ["No file was given."], names);
  const plan = planInputs(files);
  if (plan.kind === "refused") return failure(plan.title, plan.errors, names);
  if (plan.kind === "graph") return { result: await loader.fromText(plan.file.text.replace(/^\uFEFF/, ""), plan.file.name), kind: "graph", summaries: null };

  let response: BuildResponse;
  try {
    response = await build({ documents: plan.documents, thesaurus: plan.thesaurus }, hooks);
  } catch (e) {
    response = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (!response.ok) return failure(`Could not build a graph from ${names}`, [response.error], names);
  const records = response.summaries.reduce((n, s) => n + s.records, 0);
  if (records === 0) {
    const errors = response.summaries.flatMap((s) => s.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`));
    return failure(`No paper could be read from ${names}`, errors, names, response.summaries);
  }
  const source = plan.documents.length === 1 ? plan.documents[0]!.file : `${plan.documents.length} files`;
  return { result: await loader.fromFiles(response.files, source), kind: "built", summaries: response.summaries };
}
