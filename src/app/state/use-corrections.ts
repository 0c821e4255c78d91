/**
 * The identity review's pending corrections for the graph shown, above the explorer (which stays mounted when a
 * corrected graph replaces the one shown: App.tsx), so the list, the dialog and its search are kept with it:
 * - every change of the list (Split, Merge, Rename, Undo) applies the whole list to the graph as built, off the page
 *   (correction-runner.ts: the pipeline worker), then the corrected graph is swapped into the explorer shown, the URL
 *   hash (so the selection and the camera) kept, a selected node that is gone followed to its one successor
 *   (successorOf: a person whose key changed, split, merged or undone), else unselected; an empty list shows the graph
 *   as built again. Undo is never an inverse: it is the remaining list applied to the graph as built;
 * - the list is kept in the browser per graph (pending-store.ts) and restored when the same graph is shown again,
 *   with a note ("3 pending corrections restored"), then applied at once;
 * - `finish` forgets it, after the graph was rebuilt from its inputs with the corrected thesaurus.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ExplorerFile } from "../../model/explorer-format";
import type { ProgressEvent } from "../../pipeline/progress";
import type { GraphSource } from "../data/build-protocol";
import type { CorrectionRunner, CorrectionRunnerFactory } from "../data/correction-runner";
import type { LoadResult } from "../data/load-graph";
import { graphIdentity, type PendingStore } from "../data/pending-store";
import type { PaperGraph } from "../data/types";
import type { Loaded, Session } from "../data/use-session";
import { NO_PENDING, pendingReducer, type PendingAction, type PendingState } from "./identity-review";

export type CorrectionStatus =
  | { state: "idle" }
  | { state: "applying"; count: number; progress: ProgressEvent | null }
  | { state: "applied"; count: number; notes: string[]; touched: string[] }
  | { state: "failed"; message: string };

/** The review dialog's own state, kept here so a corrected graph replacing the one shown leaves it as it was. */
export interface ReviewView {
  open: boolean;
  query: string;
  /** The first of two people picked from the graph for a merge. */
  picked: string | null;
  /** A Rename being typed: whose, in which of their controls, and the text so far. */
  rename: { key: string; at: string; text: string } | null;
}

export interface ReviewCorrections {
  pending: PendingState;
  dispatch: (action: PendingAction) => void;
  status: CorrectionStatus;
  /** "3 pending corrections restored" after a reload, until the list changes. */
  restored: string | null;
  /** Why the list could not be kept in (or read from) this browser, when it could not. */
  storageNote: string | null;
  view: ReviewView;
  setView: (patch: Partial<ReviewView>) => void;
  /** The list is done with (the graph was rebuilt from its inputs with the corrected thesaurus): forget it. */
  finish: () => void;
}

export interface CorrectionsDeps {
  store: PendingStore;
  runner: CorrectionRunnerFactory;
  /** The compact files of a corrected graph -> a graph to show (the session's loader). */
  fromFiles: (files: readonly ExplorerFile[], source: string) => Promise<LoadResult>;
  /** Where the worker finds the graph as built (its folder, or its files); null: hand it the graph itself (inline). */
  sourceOf: (loaded: Loaded) => GraphSource | null;
}

type Shown = LoadResult & { ok: true };

/**
 * Where a node key of the graph shown goes in the next graph shown (both corrections of one graph as built, or the
 * graph as built itself): to the node it still names, else to its one successor (a person whose key changed, the side
 * of a split that keeps the place, the person a merge made, the person a split or merge is undone to), else nowhere.
 * `shownOrigins` are the shown graph's people with the nodes as built they come from (none for the graph as built),
 * `renamedKeys` the next graph's moves of keys as built.
 */
export function successorOf(key: string, shownOrigins: Readonly<Record<string, readonly string[]>>, renamedKeys: Readonly<Record<string, string>>, hasNode: (key: string) => boolean): string | null {
  const candidates = [...new Set((shownOrigins[key] ?? [key]).map((o) => renamedKeys[o] ?? o))].filter(hasNode);
  if (candidates.includes(key)) return key;
  if (candidates.length === 1) return candidates[0]!;
  return hasNode(key) ? key : null;
}

/** The URL hash with the selection and the path's other end moved by `follow` (`#sel=a%3Ax&cam=...`), or dropped. */
export function followKeys(hash: string, follow: (key: string) => string | null): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  let changed = false;
  for (const name of ["sel", "path"]) {
    const key = params.get(name);
    if (key === null) continue;
    const to = follow(key);
    if (to === key) continue;
    if (to === null) params.delete(name);
    else params.set(name, to);
    changed = true;
  }
  return changed ? `#${params.toString()}` : hash;
}

/** "3 pending corrections restored" (and how many could not be read back). */
export function restoredNote(count: number, dropped: number): string | null {
  if (count === 0 && dropped === 0) return null;
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
  const parts = count ? [`${n(count, "pending correction")} restored`] : [];
  if (dropped) parts.push(`${n(dropped, "kept correction")} could not be read back and ${dropped === 1 ? "was" : "were"} dropped`);
  return parts.join("; ");
}

interface ForGraph {
  /** The graph as built the list belongs to. */
  base: PaperGraph | null;
  key: string | null;
  pending: PendingState;
  /** Bumped when the list changes (by the user or a restore): each bump applies the list once. */
  rev: number;
  /** Who changed it last: the user's changes are kept in the browser, a restore's came from there. */
  by: "user" | "restore" | "finish";
  restored: string | null;
}

const EMPTY: ForGraph = { base: null, key: null, pending: NO_PENDING, rev: 0, by: "restore", restored: null };
const CLOSED: ReviewView = { open: false, query: "", picked: null, rename: null };

export function useCorrections(session: Pick<Session, "loaded" | "showCorrected">, deps: CorrectionsDeps): ReviewCorrections {
  const { loaded, showCorrected } = session;
  const asBuilt: Shown | null = loaded?.asBuilt ?? (loaded?.result.ok ? loaded.result : null);
  const baseGraph = asBuilt?.graph ?? null;
  const [state, setState] = useState<ForGraph>(EMPTY);
  const [status, setStatus] = useState<CorrectionStatus>({ state: "idle" });
  const [storageNote, setStorageNote] = useState<string | null>(null);
  const [view, setViewState] = useState<ReviewView>(CLOSED);
  const setView = useCallback((patch: Partial<ReviewView>) => setViewState((v) => ({ ...v, ...patch })), []);
  const latest = useRef<{ loaded: Loaded | null; asBuilt: Shown | null }>({ loaded, asBuilt });
  latest.current = { loaded, asBuilt };
  const runner = useRef<{ base: PaperGraph; runner: CorrectionRunner } | null>(null);
  const applied = useRef<{ base: PaperGraph | null; rev: number }>({ base: null, rev: 0 });
  // The people of the graph shown with the nodes as built they come from (none while the graph as built is shown).
  const shownOrigins = useRef<Record<string, string[]>>({});
  const seq = useRef(0);
  const { store, runner: makeRunner, fromFiles, sourceOf } = deps;

  // Another graph as built: its own list (restored from the browser), its own worker.
  useEffect(() => {
    if (state.base === baseGraph) return;
    const key = baseGraph ? graphIdentity(baseGraph) : null;
    setState({ ...EMPTY, base: baseGraph, key });
    shownOrigins.current = {};
    setStatus({ state: "idle" });
    setViewState(CLOSED);
    runner.current?.runner.dispose();
    runner.current = null;
    if (!baseGraph || key === null) return;
    void store.load(key).then((r) => {
      if (!r.ok) return setStorageNote(r.message);
      if (!r.state.items.length && !r.dropped) return;
      // Only if the graph as built is still this one (another may have been opened meanwhile).
      setState((s) => (s.base === baseGraph ? { ...s, pending: r.state, rev: s.rev + 1, by: "restore", restored: restoredNote(r.state.items.length, r.dropped) } : s));
    });
  }, [baseGraph, state.base, store]);

  // The user's changes (and finish) are kept in the browser, per graph as built.
  const saved = useRef<{ base: PaperGraph | null; rev: number }>({ base: null, rev: 0 });
  useEffect(() => {
    if (state.by === "restore" || state.key === null || (saved.current.base === state.base && saved.current.rev === state.rev)) return;
    saved.current = { base: state.base, rev: state.rev };
    void store.save(state.key, state.pending.items).then((r) => setStorageNote(r.ok ? null : r.message));
  }, [state, store]);

  useEffect(() => () => runner.current?.runner.dispose(), []);

  // The next graph shown, the selection and the path's other end in the URL hash followed to it first (the mounted
  // explorer takes its view from the hash when its graph is swapped).
  const swapIn = useCallback(
    (next: Shown, asBuilt: Shown | null, renamedKeys: Record<string, string>, origins: Record<string, string[]>) => {
      const prevOrigins = shownOrigins.current;
      const hash = followKeys(window.location.hash, (key) => successorOf(key, prevOrigins, renamedKeys, (k) => next.graph.hasNode(k)));
      if (hash !== window.location.hash) window.history.replaceState(null, "", window.location.pathname + window.location.search + hash);
      shownOrigins.current = origins;
      showCorrected(next, asBuilt);
    },
    [showCorrected],
  );

  // Each change of the list: apply it to the graph as built (or show the graph as built again).
  useEffect(() => {
    const { base, rev, pending } = state;
    if (!base || base !== baseGraph || state.by === "finish" || (applied.current.base === base && applied.current.rev === rev) || rev === 0) return;
    applied.current = { base, rev };
    const my = ++seq.current;
    const { loaded: now, asBuilt: built } = latest.current;
    if (!now || !built) return;
    if (pending.items.length === 0) {
      setStatus({ state: "idle" });
      if (now.asBuilt) swapIn(built, null, {}, {});
      return;
    }
    if (!runner.current || runner.current.base !== base) {
      const source = sourceOf(now.asBuilt ? { ...now, result: built } : now);
      runner.current = { base, runner: makeRunner(state.key ?? "graph", source ?? (() => built.graph)) };
    }
    const count = pending.items.length;
    setStatus({ state: "applying", count, progress: null });
    void (async () => {
      const outcome = await runner.current!.runner.apply(
        pending.items.map((i) => i.correction),
        (progress) => my === seq.current && setStatus({ state: "applying", count, progress }),
      );
      if (my !== seq.current) return;
      if (!outcome.ok) {
        if (!outcome.superseded) setStatus({ state: "failed", message: outcome.error });
        return;
      }
      const result = await fromFiles(outcome.files, built.source);
      // A newer list, a rebuild (finish) or another graph opened meanwhile: this result is no longer wanted.
      if (my !== seq.current || latest.current.asBuilt !== built) return;
      if (!result.ok) return setStatus({ state: "failed", message: `${result.title}: ${result.errors.join("; ")}` });
      swapIn(result, built, outcome.renamedKeys, outcome.origins);
      setStatus({ state: "applied", count, notes: outcome.notes, touched: outcome.touched });
    })();
  }, [state, baseGraph, swapIn, makeRunner, fromFiles, sourceOf]);

  const dispatch = useCallback((action: PendingAction) => {
    setState((s) => {
      const pending = pendingReducer(s.pending, action);
      return pending === s.pending ? s : { ...s, pending, rev: s.rev + 1, by: "user", restored: null };
    });
  }, []);

  // Saved (as an empty list) but not applied: the rebuild that follows shows the corrected graph.
  const finish = useCallback(() => {
    seq.current++;
    setStatus({ state: "idle" });
    setState((s) => ({ ...s, pending: NO_PENDING, rev: s.rev + 1, by: "finish", restored: null }));
  }, []);

  return { pending: state.base === baseGraph ? state.pending : NO_PENDING, dispatch, status, restored: state.restored, storageNote, view, setView, finish };
}
