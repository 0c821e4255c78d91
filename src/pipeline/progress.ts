/**
 * Progress events of a build, for the CLI's stderr line and the explorer's Open dialog. The pipeline reports; it never
 * prints or reads a clock for output (timings are only ever reported, never written into the graph).
 */

export type BuildPhase = "read" | "identity" | "topics" | "clusters" | "graph" | "write";

export interface ProgressEvent {
  phase: BuildPhase;
  /** Units of work done in this phase so far (files, records, papers, nodes...). */
  done: number;
  /** Total units of the phase when known, else null. */
  total: number | null;
  /** What the units are ("files", "records", "papers", "nodes"), for display. */
  unit: string;
  /** True on the phase's last event. */
  finished?: boolean;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** A listener that ignores everything, so phases can report without checking for one. */
export const silentProgress: ProgressListener = () => {};
