/**
 * Progress of a build as the Open dialog shows it: a throttle for the worker (a phase's first and last events always
 * pass, the ones between at most every `intervalMs`), and the words and fraction of the progress bar. Pure: the clock
 * is injected.
 */
import type { BuildPhase, ProgressEvent, ProgressListener } from "../../pipeline/progress";

/**
 * Passes on a phase's start (a new phase, or done 0) and end (finished) at once, and the events between at most every
 * `intervalMs`, so a 50,000-record read does not post 50,000 messages to the page.
 */
export function throttleProgress(listener: ProgressListener, intervalMs: number, now: () => number): ProgressListener {
  let lastAt = -Infinity;
  let lastPhase: BuildPhase | null = null;
  return (event) => {
    const t = now();
    const boundary = event.phase !== lastPhase || event.done === 0 || event.finished === true;
    if (!boundary && t - lastAt < intervalMs) return;
    lastAt = t;
    lastPhase = event.phase;
    listener(event);
  };
}

const PHASE_LABEL: Record<BuildPhase, string> = {
  read: "Reading the files",
  identity: "Working out who is who",
  topics: "Finding topics",
  clusters: "Grouping research clusters",
  graph: "Building the graph (communities, centrality, layout)",
  write: "Writing the graph",
};

/** Where each phase starts in the whole bar and how much of it it takes (measured shares of a seeds build, rounded). */
const PHASE_SPAN: Record<BuildPhase, [number, number]> = {
  read: [0, 0.15],
  identity: [0.15, 0.2],
  topics: [0.35, 0.15],
  clusters: [0.5, 0.1],
  graph: [0.6, 0.38],
  write: [0.98, 0.02],
};

/** A build under way, as the Open dialog and the loading screen show it. */
export interface BuildState {
  /** "Reading library.bib, savedrecs.txt", "Restoring 3 files kept in this browser". */
  label: string;
  /** The latest event from the worker, null before the first. */
  progress: ProgressEvent | null;
}

export interface ProgressView {
  /** "Reading the files: 2 of 3 files", "Working out who is who (1,234 records)". */
  text: string;
  /** 0..1 over the whole build. */
  fraction: number;
}

/**
 * The bar's words and position for one event. Long phases report sub-steps ("comparing names", "layout"), each
 * counting from 0 to its own total, so a step's count cannot place the bar by itself: `floor` (the fraction shown
 * before) keeps the bar from moving back, and a step moves it through at most 90% of its phase's span.
 */
export function progressView(event: ProgressEvent, floor = 0): ProgressView {
  const label = PHASE_LABEL[event.phase] ?? event.phase;
  const n = (x: number) => x.toLocaleString("en");
  const total = event.total !== null && event.total > 0 ? event.total : null;
  const what = event.step ? `${label}, ${event.step}` : label;
  let text = what;
  if (total !== null && event.done > 0 && !event.finished) text = `${what}: ${n(event.done)} of ${n(total)} ${event.unit}`;
  else if (total !== null) text = `${what} (${n(total)} ${event.unit})`;
  const [start, span] = PHASE_SPAN[event.phase] ?? [0, 0];
  const share = total !== null ? Math.min(1, Math.max(0, event.done / total)) : 0;
  const within = event.finished ? 1 : event.step ? 0.9 * share : share;
  return { text, fraction: Math.max(floor, Math.min(1, start + span * within)) };
}
