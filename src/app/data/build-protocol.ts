/**
 * Messages between the explorer and its pipeline worker: a build (progress while it runs, then one result), or identity
 * corrections applied to a built graph (the same: progress, then one result per request).
 */
import type { ExplorerFile } from "../../model/explorer-format";
import type { SourceSummary } from "../../model/graph-file";
import type { Correction } from "../../model/identity-corrections";
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

/** Where the graph as built is: its compact files' folder (an absolute URL), or the files themselves. */
export type GraphSource = { folder: string } | { files: ExplorerFile[] };

/**
 * Apply these corrections to the graph as built (pipeline/corrections). The worker keeps the graph as built between
 * requests of one `graph` id (the files are sent with the first only), and answers only the newest request: an older
 * one still waiting is answered `superseded`.
 */
export interface CorrectRequest {
  kind: "correct";
  seq: number;
  graph: string;
  source?: GraphSource;
  corrections: Correction[];
}

export type CorrectResponse =
  | { ok: true; seq: number; files: ExplorerFile[]; notes: string[]; renamedKeys: Record<string, string>; touched: string[]; origins: Record<string, string[]> }
  | { ok: false; seq: number; error: string; superseded?: boolean };

/** What the worker posts: any number of progress messages, then the response. */
export type WorkerMessage =
  | { kind: "progress"; event: ProgressEvent; seq?: number }
  | { kind: "result"; response: BuildResponse }
  | { kind: "corrected"; response: CorrectResponse };
