/**
 * Build progress on stderr. On a terminal: one live line (phase, step, done of total, rate, time left) redrawn in place,
 * and one line per finished phase. Elsewhere (CI logs, pipes): plain lines at each phase's start and end, and between
 * them at most every few seconds. `--quiet`: nothing. The pipeline reports by count and never reads a clock; the clock
 * and the throttling live here.
 */
import type { BuildPhase, ProgressEvent, ProgressListener } from "../pipeline/progress";
import type { CliIO } from "./io";

export type ProgressMode = "tty" | "lines" | "off";

export interface ProgressDisplayOptions {
  mode: ProgressMode;
  write: (s: string) => void;
  /** Terminal width: the live line is cut to fit, so it never wraps (a wrapped line cannot be redrawn in place). */
  columns?: number;
  /** Milliseconds; injected by tests. */
  now?: () => number;
  /** Least time between two plain lines between a phase's start and end (lines mode). */
  lineIntervalMs?: number;
  /** Least time between two redraws of the live line (tty mode). */
  redrawMs?: number;
}

export interface ProgressDisplay {
  listener: ProgressListener;
  /** Removes the live line, if one is showing (before other output, and at the end). */
  clear(): void;
}

export const LINE_INTERVAL_MS = 3000;
export const REDRAW_MS = 100;
/** Rates and estimates need this much of a step behind them before they mean anything. */
const MIN_RATE_MS = 1000;

/** The mode for a command: `--quiet` silences; PAPERGRAPH_PROGRESS=tty|lines|off overrides the terminal test. */
export function progressMode(io: Pick<CliIO, "stderrIsTTY" | "env">, quiet: boolean): ProgressMode {
  if (quiet) return "off";
  const forced = io.env?.PAPERGRAPH_PROGRESS;
  if (forced === "tty" || forced === "lines" || forced === "off") return forced;
  return io.stderrIsTTY && io.env?.TERM !== "dumb" ? "tty" : "lines";
}

export function progressDisplayFor(io: CliIO, quiet: boolean): ProgressDisplay {
  return createProgressDisplay({ mode: progressMode(io, quiet), write: io.stderr, columns: io.stderrColumns });
}

const count = (n: number) => Math.round(n).toLocaleString("en-US");

export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

function formatRate(perSecond: number, unit: string): string {
  const value = perSecond >= 10 ? count(perSecond) : perSecond.toFixed(1);
  return `${value} ${unit}/s`;
}

/** One progress line: `[identity] comparing names 45,000 of 112,500 pairs (40%), 12,300 pairs/s, about 5 s left`. */
export function formatProgress(e: ProgressEvent, rate: number | null, remainingMs: number | null): string {
  const parts = [`[${e.phase}]`];
  if (e.step) parts.push(e.step);
  let amount = e.total !== null ? `${count(e.done)} of ${count(e.total)} ${e.unit}` : `${count(e.done)} ${e.unit}`;
  if (e.total !== null && e.total > 0) amount += ` (${Math.floor((100 * e.done) / e.total)}%)`;
  parts.push(amount);
  let line = parts.join(" ");
  if (rate !== null) line += `, ${formatRate(rate, e.unit)}`;
  if (remainingMs !== null) line += `, about ${formatDuration(remainingMs)} left`;
  return line;
}

export function createProgressDisplay(options: ProgressDisplayOptions): ProgressDisplay {
  const { mode, write } = options;
  if (mode === "off") return { listener: () => {}, clear: () => {} };
  const now = options.now ?? (() => performance.now());
  const lineInterval = options.lineIntervalMs ?? LINE_INTERVAL_MS;
  const redraw = options.redrawMs ?? REDRAW_MS;
  const width = Math.max(20, (options.columns ?? 80) - 1);

  let phase: BuildPhase | null = null;
  let phaseStart = 0;
  let phaseTotal: { total: number | null; unit: string } = { total: null, unit: "" };
  // The current step (or the phase itself): where rates are measured from.
  let segment = "";
  let segmentStart = 0;
  let segmentDone = 0;
  let lastOutput = -Infinity;
  let live = false;

  const clear = () => {
    if (live) write("\r\x1b[K");
    live = false;
  };
  const emit = (line: string, permanent: boolean) => {
    if (mode === "tty") {
      const cut = line.length > width ? line.slice(0, width - 1) + "…" : line;
      write(`\r${cut}\x1b[K${permanent ? "\n" : ""}`);
      live = !permanent;
    } else {
      write(line + "\n");
    }
  };

  const listener: ProgressListener = (e) => {
    const t = now();
    if (e.phase !== phase) {
      clear();
      phase = e.phase;
      phaseStart = t;
      phaseTotal = { total: e.total, unit: e.unit };
      segment = "";
      segmentStart = t;
      segmentDone = e.done;
      lastOutput = t;
      const of = phaseTotal.total !== null ? `: ${count(phaseTotal.total)} ${phaseTotal.unit}` : "";
      emit(`[${e.phase}] started${of}`, mode === "lines");
      return;
    }
    if (e.finished) {
      const what = e.total !== null && phaseTotal.total !== null ? ` ${count(phaseTotal.total)} ${phaseTotal.unit}` : "";
      emit(`[${e.phase}] done:${what} in ${formatDuration(t - phaseStart)}`, true);
      phase = null;
      lastOutput = t;
      return;
    }
    const key = `${e.step ?? ""}\u0000${e.unit}\u0000${e.total}`;
    if (key !== segment) {
      segment = key;
      segmentStart = t;
      segmentDone = e.done;
    }
    if (t - lastOutput < (mode === "tty" ? redraw : lineInterval)) return;
    lastOutput = t;
    const elapsed = t - segmentStart;
    const rate = elapsed >= MIN_RATE_MS && e.done > segmentDone ? ((e.done - segmentDone) * 1000) / elapsed : null;
    const remaining = rate !== null && e.total !== null && e.done < e.total ? ((e.total - e.done) * 1000) / rate : null;
    emit(formatProgress(e, rate, remaining), mode === "lines");
  };
  return { listener, clear };
}
