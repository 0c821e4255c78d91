/** Messages between the explorer and its pipeline worker: progress while the build runs, then one result. */
import type { ExplorerFile } from "../../model/explorer-format";
import type { SourceSummary } from "../../model/graph-file";
import type { ProgressEvent } from "../../pipeline/progress";
import type { InputDocument } from "../../pipeline/records";

export interface BuildRequest {
  documents: InputDocument[];
  thesaurus: InputDocument | null;
}

export type BuildResponse =
  /** The built graph as the explorer's compact files (exporters/explorer-files.ts). */
  | { ok: true; files: ExplorerFile[]; summaries: SourceSummary[] }
  | { ok: false; error: string };

/** What the worker posts: any number of progress messages, then the response. */
export type WorkerMessage = { kind: "progress"; event: ProgressEvent } | { kind: "result"; response: BuildResponse };
