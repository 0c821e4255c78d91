/**
 * What "open" means for the files a user picks or drops: one graph file (JSON) is loaded as is; paper listings
 * (any other text files, plus an optional thesaurus.csv) are built into a graph by the pipeline in a worker.
 */
import type { SourceSummary } from "../../model/graph-file";
import type { BuildRequest, BuildResponse } from "./build-protocol";
import { graphFromJson, graphFromText, type LoadResult } from "./load-graph";

export interface OpenOutcome {
  result: LoadResult;
  /** Per-file summaries when the graph was built from listings (formats, records, diagnostics). */
  summaries: SourceSummary[] | null;
}

export function isGraphFile(name: string, text: string): boolean {
  return /\.json$/i.test(name) || /^\s*\{/.test(text);
}

/** Start a worker and build; injected in tests. */
export type BuildRunner = (request: BuildRequest) => Promise<BuildResponse>;

export const workerBuild: BuildRunner = (request) =>
  new Promise((resolve) => {
    const worker = new Worker(new URL("./pipeline.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<BuildResponse>) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      resolve({ ok: false, error: e.message || "the build worker failed" });
      worker.terminate();
    };
    worker.postMessage(request);
  });

export async function openFiles(files: { name: string; text: () => Promise<string> }[], build: BuildRunner = workerBuild): Promise<OpenOutcome> {
  const read = await Promise.all(files.map(async (f) => ({ file: f.name, text: await f.text() })));
  read.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const graphs = read.filter((d) => isGraphFile(d.file, d.text));
  if (graphs.length > 0) {
    if (read.length > 1) {
      const names = read.map((d) => d.file).join(", ");
      return { result: { ok: false, title: "Open one graph file, or listings only", errors: [`Got ${names}: a graph file (.json) is opened on its own; paper listings can be opened together.`], source: names }, summaries: null };
    }
    return { result: graphFromText(graphs[0]!.text, graphs[0]!.file), summaries: null };
  }
  const thesaurus = read.find((d) => /(^|\/)thesaurus\.csv$/i.test(d.file)) ?? null;
  const documents = read.filter((d) => d !== thesaurus);
  const names = documents.map((d) => d.file).join(", ");
  if (documents.length === 0) {
    return { result: { ok: false, title: "Nothing to build", errors: ["A thesaurus alone makes no graph: open it together with paper listings."], source: names }, summaries: null };
  }
  const response = await build({ documents, thesaurus });
  if (!response.ok) {
    return { result: { ok: false, title: `Could not build a graph from ${names}`, errors: [response.error], source: names }, summaries: null };
  }
  const records = response.summaries.reduce((n, s) => n + s.records, 0);
  if (records === 0) {
    const errors = response.summaries.flatMap((s) => s.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`));
    return { result: { ok: false, title: `No paper could be read from ${names}`, errors, source: names }, summaries: response.summaries };
  }
  const source = documents.length === 1 ? documents[0]!.file : `${documents.length} listings`;
  return { result: graphFromJson(response.json, source), summaries: response.summaries };
}
