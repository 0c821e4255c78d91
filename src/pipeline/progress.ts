/**
 * Progress events of a build, for the CLI's stderr line and the explorer's Open dialog. The pipeline reports; it never
 * prints or reads a clock (timings are only ever reported, never written into the graph). Listeners decide how often
 * to show anything: the stages report by count, the CLI throttles by time.
 */

export type BuildPhase = "read" | "identity" | "topics" | "clusters" | "graph" | "write";

export interface ProgressEvent {
  phase: BuildPhase;
  /** Units of work done in this phase (or in its current step) so far (files, records, papers, nodes...). */
  done: number;
  /** Total units of the phase (or step) when known, else null. */
  total: number | null;
  /** What the units are ("files", "records", "papers", "nodes"), for display. */
  unit: string;
  /** The sub-step inside a long phase ("comparing names", "layout"), when the phase reports one. */
  step?: string;
  /** True on the phase's last event. */
  finished?: boolean;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** A listener that ignores everything, so phases can report without checking for one. */
export const silentProgress: ProgressListener = () => {};

/**
 * What a stage receives to report its sub-steps: runPipeline binds it to the stage's phase, so stages (identity,
 * topics, graph) need not know the phase names and stay usable on their own.
 */
export type StepReporter = (step: string, done: number, total: number | null, unit: string) => void;

export const silentSteps: StepReporter = () => {};

/** A StepReporter that forwards to a ProgressListener as events of `phase`. */
export function stepsOf(phase: BuildPhase, listener: ProgressListener): StepReporter {
  if (listener === silentProgress) return silentSteps;
  return (step, done, total, unit) => listener({ phase, step, done, total, unit });
}

/**
 * A counter for a loop over `total` items of one step: reports at the start, about every `total / reports` items and
 * at the end, so a loop over millions of pairs costs one comparison per item, not one event. Returns tick(done).
 */
export function stepCounter(report: StepReporter, step: string, total: number, unit: string, reports = 100): (done: number) => void {
  if (report === silentSteps) return () => {};
  const every = Math.max(1, Math.ceil(total / reports));
  let next = every;
  report(step, 0, total, unit);
  return (done) => {
    if (done < next && done !== total) return;
    next = done + every;
    report(step, done, total, unit);
  };
}
