/** Messages between the explorer and its pipeline worker. */
import type { SourceSummary } from "../../model/graph-file";
import type { InputDocument } from "../../pipeline/records";

export interface BuildRequest {
  documents: InputDocument[];
  thesaurus: InputDocument | null;
}

export type BuildResponse =
  | { ok: true; json: unknown; summaries: SourceSummary[] }
  | { ok: false; error: string };
