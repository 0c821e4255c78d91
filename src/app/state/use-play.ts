/**
 * Play in the Years filter (issue 15): the year shown, stepping about once a second (faster at a higher speed) through
 * the view's dated years, then back to everything. The authors' first years are counted once, on the first Play; each step is one
 * pass over the arrays (timeline.ts), and a new view (lens, filters) while paused at a year makes the step follow it.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { VisibleMask, ViewFilter } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";
import { hiddenAtStep, newAuthorsByYear, playYears, yearStep, type StepHidden, type YearStep } from "./timeline";

export interface PlayState {
  /** The year shown; null: not started (or finished), everything is shown. */
  year: number | null;
  playing: boolean;
  /** Years per second. */
  speed: number;
}

export interface Play {
  play: PlayState;
  /** The view as of the year shown; null when Play is not started. */
  step: YearStep | null;
  /** The drawn nodes and edges the step hides (they do not exist yet); null when Play is not started. */
  hidden: StepHidden | null;
  /** Play or pause (pausing keeps the year shown). */
  setPlaying: (on: boolean) => void;
  setSpeed: (speed: number) => void;
  /** Stop and show everything again (the user moved the year range). */
  reset: () => void;
}

export function usePlay(graph: PaperGraph, filter: ViewFilter, visible: VisibleMask, drawn: { nodes: readonly number[]; edges: readonly number[] }): Play {
  const [play, setPlay] = useState<PlayState>({ year: null, playing: false, speed: 1 });
  const started = play.year !== null;
  const newAuthors = useMemo(() => (started ? newAuthorsByYear(graph) : null), [graph, started]);
  const step = useMemo(() => (newAuthors && play.year !== null ? yearStep(graph, filter, visible, newAuthors, play.year) : null), [graph, filter, visible, newAuthors, play.year]);
  useEffect(() => {
    if (!play.playing) return;
    const all = playYears(graph, filter);
    if (!all.length) {
      setPlay((p) => ({ ...p, playing: false, year: null }));
      return;
    }
    const next = play.year === null ? all[0]! : all.find((y) => y > play.year!);
    const timer = setTimeout(
      () => setPlay((p) => (next === undefined ? { ...p, playing: false, year: null } : { ...p, year: next })),
      play.year === null ? 0 : 1000 / play.speed,
    );
    return () => clearTimeout(timer);
  }, [play, graph, filter]);
  const hidden = useMemo(() => (step ? hiddenAtStep(graph, drawn, step) : null), [graph, drawn, step]);
  const setPlaying = useCallback((on: boolean) => setPlay((p) => (on ? { ...p, playing: true } : { ...p, playing: false })), []);
  const setSpeed = useCallback((speed: number) => setPlay((p) => ({ ...p, speed })), []);
  const reset = useCallback(() => setPlay((p) => ({ ...p, playing: false, year: null })), []);
  return { play, step, hidden, setPlaying, setSpeed, reset };
}
