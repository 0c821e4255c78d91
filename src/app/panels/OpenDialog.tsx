/**
 * The Open dialog: open files (replacing the graph) or add files (rebuilding from everything opened so far), the
 * progress of a build, the per-file summary (detected format, records, diagnostics), and what this browser keeps
 * (with "Forget"). The toolbar shows it as a popover (OpenMenu); the error screen embeds the same panel.
 * Text from the inputs (file names, diagnostics) is rendered as text.
 */
import { useCallback, useId, useRef } from "react";
import type { SourceSummary } from "../../model/graph-file";
import { summaryHeadline, summaryLine } from "../data/format-names";
import type { OpenMode } from "../data/input-set";
import { progressView, type BuildState } from "../data/progress-view";
import { DialogButton } from "./DialogButton";
import { useDialogDismiss } from "./use-dialog-dismiss";

export type { BuildState, OpenMode };

export interface OpenPanelProps {
  /** What is shown now ("seeds graph", "3 files: a.bib, b.txt, c.nbib"). */
  shown: string;
  /** Whether "Add files" can extend the shown graph (only a graph built here from opened files can be rebuilt). */
  canAdd: boolean;
  /** Whether this browser keeps opened files now ("Forget" clears them). */
  kept: boolean;
  /** Whether the kept files are the ones shown (not so after a restore that failed or was cancelled). */
  shownKept: boolean;
  building: BuildState | null;
  summaries: SourceSummary[] | null;
  notes: string[];
  error: { title: string; errors: string[] } | null;
  /** A line about the browser's storage (restored, could not keep, forgotten). */
  storageNote: string | null;
  onOpen: (files: File[], mode: OpenMode) => void;
  onForget: () => void;
  onCancel: () => void;
}

const FORMATS_HINT =
  "BibTeX, RIS, Web of Science, Scopus CSV, PubMed (MEDLINE or XML), CSL-JSON, arXiv Atom, OpenAlex, Semantic Scholar, " +
  "profile pages and arXiv listings, with an optional thesaurus.csv; or one graph.json. Formats are recognised by content.";

const MAX_DIAGNOSTICS_SHOWN = 5;

export function BuildProgress({ building, onCancel }: { building: BuildState; onCancel?: () => void }) {
  // The furthest the bar has gone in this build, so sub-step events never move it back.
  const shown = useRef({ label: building.label, fraction: 0 });
  if (shown.current.label !== building.label) shown.current = { label: building.label, fraction: 0 };
  const view = building.progress ? progressView(building.progress, shown.current.fraction) : null;
  if (view) shown.current.fraction = view.fraction;
  return (
    <div className="build-progress" role="status" aria-live="polite" data-testid="build-progress">
      <strong>{building.label}…</strong>
      <progress max={1} value={view?.fraction ?? 0} aria-label="Build progress" />
      <span className="small muted" data-testid="build-phase">
        {view?.text ?? "Starting the build"}
      </span>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

export function BuildSummary({ summaries }: { summaries: SourceSummary[] }) {
  return (
    <div className="build-summary" data-testid="build-summary">
      <strong>{summaryHeadline(summaries)}</strong>
      <ul>
        {summaries.map((s) => (
          <li key={s.file} data-format={s.format ?? ""}>
            {summaryLine(s)}
            {s.diagnostics.slice(0, MAX_DIAGNOSTICS_SHOWN).map((d, i) => (
              <div key={i} className="diagnostic">
                line {d.line}: {d.severity}: {d.message}
              </div>
            ))}
            {s.diagnostics.length > MAX_DIAGNOSTICS_SHOWN && (
              <div className="diagnostic">… and {s.diagnostics.length - MAX_DIAGNOSTICS_SHOWN} more (all of them are in the graph file&apos;s sources)</div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function FilePicker(props: { label: string; aria: string; disabled: boolean; onFiles: (files: File[]) => void; testId: string }) {
  return (
    <label className={`button${props.disabled ? " disabled" : ""}`} aria-disabled={props.disabled || undefined}>
      {props.label}
      <input
        type="file"
        multiple
        className="visually-hidden"
        aria-label={props.aria}
        data-testid={props.testId}
        disabled={props.disabled}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ""; // picking the same files again fires change again
          if (files.length) props.onFiles(files);
        }}
      />
    </label>
  );
}

export function OpenPanel(p: OpenPanelProps) {
  const busy = p.building !== null;
  return (
    <div className="open-panel">
      <p className="small" data-testid="open-shown">
        <span className="muted">Showing </span>
        {p.shown}
        {p.shownKept && <span className="muted"> · kept in this browser</span>}
      </p>
      <div className="open-actions">
        <FilePicker label="Open files…" aria="Open files (replaces the graph)" testId="open-files" disabled={busy} onFiles={(f) => p.onOpen(f, "replace")} />
        <FilePicker label="Add files…" aria="Add files to this graph" testId="add-files" disabled={busy || !p.canAdd} onFiles={(f) => p.onOpen(f, "add")} />
        {p.kept && (
          <button type="button" className="button" onClick={p.onForget} disabled={busy} title="Remove the opened files from this browser and show the default graph">
            Forget
          </button>
        )}
      </div>
      {!p.canAdd && <p className="small muted">Add files extends a graph built here from opened files; open files first.</p>}
      <p className="small muted">{FORMATS_HINT} Files stay on this machine: they are read in this page and kept in this browser&apos;s storage until you press Forget; nothing is uploaded.</p>
      {p.building && <BuildProgress building={p.building} onCancel={p.onCancel} />}
      {p.error && (
        <div className="open-error" role="alert">
          <strong>{p.error.title}</strong>
          <ul>
            {p.error.errors.slice(0, 20).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
            {p.error.errors.length > 20 && <li>… and {p.error.errors.length - 20} more</li>}
          </ul>
        </div>
      )}
      {p.notes.length > 0 && (
        <ul className="small open-notes">
          {p.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {p.storageNote && (
        <p className="small muted" data-testid="storage-note">
          {p.storageNote}
        </p>
      )}
      {!busy && p.summaries && <BuildSummary summaries={p.summaries} />}
    </div>
  );
}

/** The toolbar's "Open…" button and its popover; open state is the app's, so it survives the explorer's remount. */
export function OpenMenu(props: OpenPanelProps & { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { open, onOpenChange } = props;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const close = useCallback(() => {
    onOpenChange(false);
    buttonRef.current?.focus();
  }, [onOpenChange]);

  const dismiss = useCallback(() => onOpenChange(false), [onOpenChange]);
  useDialogDismiss({ open, close, outside: { dialog: dialogRef, button: buttonRef, dismiss } });

  return (
    <div className="open-menu">
      <DialogButton
        ref={buttonRef}
        open={open}
        dialogId={`${id}-dialog`}
        title="Open exports, listings or a graph file (or drop them on the page)"
        onClick={() => onOpenChange(!open)}
      >
        Open…
        {props.building && <span className="busy-dot" aria-label="building" />}
      </DialogButton>
      {open && (
        <div ref={dialogRef} id={`${id}-dialog`} role="dialog" aria-label="Open files" className="open-dialog panel">
          <OpenPanel {...props} />
        </div>
      )}
    </div>
  );
}
