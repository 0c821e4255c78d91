/**
 * What the explorer shows and where it came from, across opens, adds, reloads and Forget:
 * - on load, files kept in this browser are rebuilt (with progress); otherwise the default graph is fetched;
 * - "Open" builds a new set, "Add" rebuilds the shown set plus the new files; the previous graph stays until the new
 *   one is ready, and stays when the new one fails;
 * - every graph shown from opened files is kept in the browser's storage; Forget clears it and shows the default graph.
 * The store, the build and the default graph are injected (tests, benchmarks).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SourceSummary } from "../../model/graph-file";
import type { ProgressEvent } from "../../pipeline/progress";
import { addFiles, describeFiles, pickedSet, type OpenedFile, type OpenMode, type Shown } from "./input-set";
import { inlineLoader, type GraphLoader, type LoadResult } from "./load-graph";
import { openInputs, readPicked, type BuildRunner, type OpenOutcome, type PickedFile } from "./open-files";
import type { BuildState } from "./progress-view";
import type { InputStore } from "./stored-inputs";
import { markPhase } from "../phase-marks";

export interface Loaded {
  result: LoadResult;
  shown: Shown;
  /**
   * Increments per graph opened, so the explorer (and its renderer) start fresh; not per correction of it (a corrected
   * graph is swapped into the mounted explorer: showCorrected).
   */
  generation: number;
  /** Set while identity corrections are shown: the graph as built, which `result` corrects (use-corrections.ts). */
  asBuilt?: LoadResult & { ok: true };
}

export interface SessionDeps {
  store: InputStore;
  build: BuildRunner;
  fetchDefault: () => Promise<LoadResult>;
  defaultUrl: string;
  /** How graph files and built graphs become a graph (default: inline; the browser converts in a worker). */
  loader?: GraphLoader;
}

export interface Session {
  loaded: Loaded | null;
  building: BuildState | null;
  summaries: SourceSummary[] | null;
  notes: string[];
  error: { title: string; errors: string[] } | null;
  kept: boolean;
  storageNote: string | null;
  dialogOpen: boolean;
  setDialogOpen: (open: boolean) => void;
  open: (files: PickedFile[], mode: OpenMode) => void;
  openJson: (json: unknown, fileName: string) => void;
  forget: () => void;
  cancel: () => void;
  dismissError: () => void;
  /**
   * Shows a corrected version of the graph as built (or the graph as built again, with `asBuilt` null), keeping what is
   * shown, the generation (the explorer stays mounted and takes the new graph), the URL hash (selection, camera) and
   * the graph as built's search worker.
   */
  showCorrected: (result: LoadResult & { ok: true }, asBuilt: (LoadResult & { ok: true }) | null) => void;
}

/** The search services a loaded graph holds (the graph shown, and the graph as built behind corrections). */
function searchesOf(l: Loaded | null) {
  return [l?.result.ok ? l.result.search : undefined, l?.asBuilt?.search].filter((s) => s !== undefined);
}

/** A link into the previous graph means nothing in a new one. */
const clearHash = () => window.history.replaceState(null, "", window.location.pathname + window.location.search);

export function useSession({ store, build, fetchDefault, defaultUrl, loader = inlineLoader }: SessionDeps): Session {
  const [loaded, setLoadedState] = useState<Loaded | null>(null);
  // The graph shown; the one it replaces gives its search worker back (done here, in event and async code, not in a
  // state updater or an effect cleanup: React may run those twice).
  const current = useRef<Loaded | null>(null);
  const setLoaded = useCallback((next: Loaded | null | ((prev: Loaded | null) => Loaded | null)) => {
    const prev = current.current;
    const value = typeof next === "function" ? next(prev) : next;
    if (value === prev) return;
    current.current = value;
    setLoadedState(value);
    const kept = searchesOf(value);
    for (const s of searchesOf(prev)) if (!kept.includes(s)) s.dispose();
  }, []);
  const [building, setBuilding] = useState<BuildState | null>(null);
  const [summaries, setSummaries] = useState<SourceSummary[] | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [error, setError] = useState<Session["error"]>(null);
  const [kept, setKept] = useState(false);
  const [storageNote, setStorageNote] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  // Only the latest build may change what is shown; an older one finishing late is ignored.
  const seq = useRef(0);
  const abort = useRef<AbortController | null>(null);
  const shownRef = useRef<Shown | null>(null);
  useEffect(() => {
    shownRef.current = loaded?.shown ?? null;
  }, [loaded]);

  const show = useCallback(
    (result: LoadResult, shown: Shown) => {
      setLoaded((prev) => ({ result, shown, generation: (prev?.generation ?? 0) + 1 }));
    },
    [setLoaded],
  );

  /** Runs one build with progress; null when a newer build or a cancel superseded it. */
  const runBuild = useCallback(
    async (files: OpenedFile[], label: string): Promise<OpenOutcome | null> => {
      const my = ++seq.current;
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setBuilding({ label, progress: null });
      const onProgress = (progress: ProgressEvent) => {
        if (my === seq.current) setBuilding({ label, progress });
      };
      const outcome = await openInputs(files, build, { onProgress, signal: controller.signal }, loader);
      if (my !== seq.current) return null;
      abort.current = null;
      setBuilding(null);
      return outcome;
    },
    [build, loader],
  );

  const keep = useCallback(
    async (files: OpenedFile[]) => {
      const saved = await store.save(files);
      setKept(saved.ok);
      setStorageNote(saved.ok ? null : saved.message);
    },
    [store],
  );

  // First load: files kept in this browser, else the default graph.
  useEffect(() => {
    let live = true;
    const showDefault = async () => {
      const result = await fetchDefault();
      markPhase("graph-loaded");
      if (live) setLoaded((prev) => prev ?? { result, shown: { kind: "default", url: defaultUrl }, generation: 0 });
    };
    (async () => {
      const stored = await store.load();
      markPhase("stored-checked");
      if (!live) return;
      if (!stored.ok) {
        // A browser without storage is normal (nothing to say); a record we could not read back is worth a line.
        if (!/unavailable/.test(stored.message)) setStorageNote(stored.message);
        await showDefault();
        return;
      }
      if (!stored.files) {
        await showDefault();
        return;
      }
      const files = stored.files;
      setKept(true);
      const outcome = await runBuild(files, `Restoring ${describeFiles(files.map((f) => f.name))} kept in this browser`);
      if (!live) return;
      if (!outcome) {
        // Cancelled from the loading screen: the files stay kept (Forget removes them); show the default graph.
        setStorageNote(`${describeFiles(files.map((f) => f.name))} kept in this browser were not restored (cancelled); Forget removes them.`);
        await showDefault();
        return;
      }
      setSummaries(outcome.summaries);
      if (outcome.result.ok) {
        setLoaded({ result: outcome.result, shown: outcome.kind === "graph" ? { kind: "graph-file", name: files[0]!.name } : { kind: "inputs", files }, generation: 0 });
        setStorageNote(`Restored ${describeFiles(files.map((f) => f.name))} kept in this browser.`);
      } else {
        setError({ title: `Could not restore the files kept in this browser: ${outcome.result.title}`, errors: outcome.result.errors });
        setDialogOpen(true);
        await showDefault();
      }
    })();
    return () => {
      live = false;
      abort.current?.abort();
    };
  }, [store, fetchDefault, defaultUrl, runBuild, setLoaded]);

  const open = useCallback(
    (picked: PickedFile[], mode: OpenMode) => {
      if (picked.length === 0) return;
      setDialogOpen(true);
      setError(null);
      void (async () => {
        const read = await readPicked(picked);
        if (read.files.length === 0) {
          setError({ title: "Could not read the files", errors: read.problems });
          return;
        }
        const current = shownRef.current;
        const adding = mode === "add" && current?.kind === "inputs";
        const set = adding ? addFiles(current.files, read.files) : pickedSet(read.files);
        const label = adding ? `Adding ${read.files.map((f) => f.name).join(", ")}` : `Reading ${read.files.map((f) => f.name).join(", ")}`;
        const outcome = await runBuild(set.files, label);
        if (!outcome) return;
        setNotes([...read.problems, ...set.notes]);
        if (!outcome.result.ok) {
          setSummaries(outcome.summaries);
          setError({ title: outcome.result.title, errors: outcome.result.errors });
          return;
        }
        setSummaries(outcome.summaries);
        if (!adding) clearHash();
        show(outcome.result, outcome.kind === "graph" ? { kind: "graph-file", name: set.files[0]!.name } : { kind: "inputs", files: set.files });
        await keep(set.files);
      })();
    },
    [runBuild, show, keep],
  );

  const openJson = useCallback(
    (json: unknown, fileName: string) => {
      void (async () => {
        const result = await loader.fromJson(json, fileName);
        if (!result.ok) {
          setError({ title: result.title, errors: result.errors });
          setDialogOpen(true);
          return;
        }
        seq.current++; // a build still running must not replace this graph
        abort.current?.abort();
        setBuilding(null);
        setError(null);
        setSummaries(null);
        setNotes([]);
        clearHash();
        show(result, { kind: "graph-file", name: fileName });
        await keep([{ name: fileName, text: JSON.stringify(json) }]);
      })();
    },
    [show, keep, loader],
  );

  const forget = useCallback(() => {
    seq.current++;
    abort.current?.abort();
    setBuilding(null);
    void (async () => {
      const cleared = await store.clear();
      setKept(!cleared.ok);
      setSummaries(null);
      setNotes([]);
      setError(null);
      setStorageNote(cleared.ok ? "Forgotten: this browser keeps no opened files now." : cleared.message);
      const result = await fetchDefault();
      clearHash();
      show(result, { kind: "default", url: defaultUrl });
    })();
  }, [store, fetchDefault, defaultUrl, show]);

  const cancel = useCallback(() => {
    seq.current++;
    abort.current?.abort();
    abort.current = null;
    setBuilding(null);
    setNotes(["The build was cancelled; the graph shown is unchanged."]);
  }, []);

  const dismissError = useCallback(() => setError(null), []);

  const showCorrected = useCallback(
    (result: LoadResult & { ok: true }, asBuilt: (LoadResult & { ok: true }) | null) => {
      setLoaded((prev) => (prev ? { result, shown: prev.shown, generation: prev.generation, ...(asBuilt ? { asBuilt } : {}) } : prev));
    },
    [setLoaded],
  );

  return { loaded, building, summaries, notes, error, kept, storageNote, dialogOpen, setDialogOpen, open, openJson, forget, cancel, dismissError, showCorrected };
}
