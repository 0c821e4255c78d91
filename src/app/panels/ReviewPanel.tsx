/**
 * "Review identities" (issue 15): the build's decisions about who is who (graph attribute `identityReview`, fetched
 * when the panel first opens), every automatic merge and every near miss kept apart, most doubtful first, with search;
 * Split / Merge / Rename add pending corrections (undoable), which apply at once to the graph shown (in a worker:
 * state/use-corrections.ts, which also keeps them across reloads), which "Export thesaurus" writes as thesaurus.csv
 * (or VOSviewer's format) and "Apply and rebuild" rebuilds from, when the graph was built here from opened files.
 * Text is rendered by React only (escaped).
 */
import { startTransition, useCallback, useDeferredValue, useEffect, useId, useMemo, useReducer, useRef, useState } from "react";
import type { AuthorNodeAttributes, IdentityDecision, IdentityReview } from "../../model/graph-file";
import { mergeDecision, mergePeople, renamePerson, splitDecision, type PersonNames, type ThesaurusLine } from "../../model/identity-corrections";
import type { PaperGraph } from "../data/types";
import {
  BASIS_LABEL,
  correctedThesaurus,
  describeCorrection,
  idKind,
  NO_PENDING,
  pendingReducer,
  reviewRows,
  vosviewerFile,
  type ReviewRow,
} from "../state/identity-review";
import { downloadBlob } from "./ExportMenu";
import { DialogButton } from "./DialogButton";
import { useDialogDismiss } from "./use-dialog-dismiss";
import type { CorrectionStatus, ReviewCorrections, ReviewView } from "../state/use-corrections";

/** Rows drawn at first (the 10,000-paper graph has about 2,000 decisions); "Show more" adds as many again. */
const PAGE = 50;

type Loading = { state: "loading" } | { state: "ready"; review: IdentityReview } | { state: "none" } | { state: "error"; message: string };

function personOf(graph: PaperGraph, key: string): PersonNames | null {
  if (!graph.hasNode(key)) return null;
  const a = graph.getNodeAttributes(key);
  if (a.kind !== "author") return null;
  const p = a as AuthorNodeAttributes;
  return { name: p.name || p.label, aliases: p.aliases ?? [] };
}

function useReview(graph: PaperGraph): Loading {
  const [loading, setLoading] = useState<Loading>({ state: "loading" });
  useEffect(() => {
    let live = true;
    graph.loadGraphAttribute("identityReview").then(
      () => {
        if (!live) return;
        const review = graph.getAttributes().identityReview;
        // A transition: React renders the list in slices, yielding to the page between rows (no long task).
        startTransition(() => setLoading(review ? { state: "ready", review } : { state: "none" }));
      },
      (e: unknown) => live && setLoading({ state: "error", message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [graph]);
  return loading;
}

export interface ReviewMenuProps {
  graph: PaperGraph;
  /** The author selected in the graph, offered for Rename and Merge. */
  selected: string | null;
  /** Set when the graph was built here from opened files: rebuilds them with this thesaurus. */
  onApply?: (thesaurusCsv: string) => void;
  /**
   * The pending corrections, applied at once to the graph shown and kept across reloads (state/use-corrections.ts,
   * above the explorer). Without it the dialog keeps its own list, which only Export and Apply and rebuild use.
   */
  corrections?: ReviewCorrections;
}

/** The dialog's own list and state, when no corrections session is given (nothing is applied at once then). */
function useLocalCorrections(): ReviewCorrections {
  const [pending, dispatch] = useReducer(pendingReducer, NO_PENDING);
  const [view, setViewState] = useState<ReviewView>({ open: false, query: "", picked: null, rename: null });
  const setView = useCallback((patch: Partial<ReviewView>) => setViewState((v) => ({ ...v, ...patch })), []);
  const finish = useCallback(() => dispatch({ type: "clear" }), []);
  return { pending, dispatch, status: { state: "idle" }, restored: null, storageNote: null, view, setView, finish };
}

/** The toolbar's "Review identities" button and its dialog. */
export function ReviewMenu(props: ReviewMenuProps) {
  const local = useLocalCorrections();
  const corrections = props.corrections ?? local;
  const { pending, dispatch, view, setView } = corrections;
  const open = view.open;
  const setOpen = useCallback((next: boolean | ((o: boolean) => boolean)) => setView({ open: typeof next === "function" ? next(view.open) : next }), [setView, view.open]);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  // The first of two people picked from the graph for a merge (the second is the selection then).
  const picked = view.picked;
  const setPicked = useCallback((key: string | null) => setView({ picked: key }), [setView]);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, [setOpen]);
  // Escape only: the dialog stays open while people are picked from the graph for a merge.
  useDialogDismiss({ open, close });
  return (
    <div className="open-menu">
      <DialogButton ref={buttonRef} open={open} dialogId={`${id}-dialog`} title="List who the build decided is who, and correct it" onClick={() => setOpen((o) => !o)}>
        Review identities
        {pending.items.length > 0 && <span className="small"> ({pending.items.length})</span>}
      </DialogButton>
      {corrections.restored && !open && (
        <span className="small muted review-restored" role="status" data-testid="review-restored">
          {corrections.restored}
        </span>
      )}
      {open && (
        <div id={`${id}-dialog`} role="dialog" aria-label="Review identities" className="review-dialog panel" data-testid="review-panel">
          <ReviewPanel {...props} corrections={corrections} pending={pending} dispatch={dispatch} onClose={close} picked={picked} onPick={setPicked} />
        </div>
      )}
    </div>
  );
}

interface Picking {
  picked: string | null;
  onPick: (key: string | null) => void;
}

type PanelProps = ReviewMenuProps & Picking & { corrections: ReviewCorrections; pending: typeof NO_PENDING; dispatch: React.Dispatch<Parameters<typeof pendingReducer>[1]> };

function ReviewPanel(props: PanelProps & { onClose: () => void }) {
  const { graph, pending, dispatch } = props;
  const loading = useReview(graph);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => searchRef.current?.focus(), [loading.state]);
  return (
    <div className="review-panel">
      <div className="review-head">
        <h2>Review identities</h2>
        <button type="button" className="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      {loading.state === "loading" && <p role="status">Loading the build's identity decisions…</p>}
      {loading.state === "error" && <p role="alert">Could not load the identity review: {loading.message}</p>}
      {loading.state === "none" && <p>This graph holds no identity review (it was built by an older papergraph); rebuild it with `npm run graph`.</p>}
      {loading.state === "ready" && <ReviewBody {...props} review={loading.review} searchRef={searchRef} pending={pending} dispatch={dispatch} />}
    </div>
  );
}

function ReviewBody(props: PanelProps & { review: IdentityReview; searchRef: React.RefObject<HTMLInputElement | null> }) {
  const { graph, review, pending, dispatch, corrections } = props;
  // The search lives with the corrections, so it is still there when the corrected graph replaces the one shown.
  const query = corrections.view.query;
  const setQuery = (q: string) => corrections.setView({ query: q });
  const [shown, setShown] = useState(PAGE);
  // The list follows the search box in a deferred, interruptible render: typing never waits for it.
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => reviewRows(review, deferredQuery), [review, deferredQuery]);
  const corrected = useMemo(() => correctedThesaurus(review, pending.items), [review, pending.items]);
  const [format, setFormat] = useState<"papergraph" | "vosviewer">("papergraph");
  const [exportNote, setExportNote] = useState<string | null>(null);
  const selectedPerson = props.selected !== null ? personOf(graph, props.selected) : null;

  const exportThesaurus = async () => {
    if (format === "papergraph") {
      downloadBlob(new Blob([corrected.csv], { type: "text/csv;charset=utf-8" }), "thesaurus.csv");
      setExportNote(null);
      return;
    }
    // VOSviewer maps every spelling of a person: their aliases are in the search chunks.
    const keys = [...new Set([...review.merges, ...review.keptApart].flatMap((d) => d.keys))];
    await graph.loadDetails(keys);
    const people = keys.map((k) => personOf(graph, k)).filter((p): p is PersonNames => p !== null);
    const v = vosviewerFile(review, pending.items, people);
    downloadBlob(new Blob([v.text], { type: "text/plain;charset=utf-8" }), "thesaurus_authors.txt");
    setExportNote(v.leftOut ? `${v.leftOut} split line${v.leftOut === 1 ? "" : "s"} left out: VOSviewer's thesaurus cannot keep two names apart.` : null);
  };

  const merges = review.merges.length;
  const kept = review.keptApart.length;
  return (
    <>
      <p className="small muted">
        {merges} automatic merge{merges === 1 ? "" : "s"} and {kept} near miss{kept === 1 ? "" : "es"} kept apart, most doubtful first.
      </p>
      <input
        ref={props.searchRef}
        type="search"
        aria-label="Search identity decisions"
        placeholder="Search names or evidence"
        value={query}
        maxLength={200}
        onChange={(e) => {
          setQuery(e.target.value);
          setShown(PAGE);
        }}
      />
      {selectedPerson && (
        <SelectedActions graph={graph} review={review} selected={props.selected!} person={selectedPerson} picked={props.picked} onPick={props.onPick} corrections={corrections} />
      )}
      <ol className="review-list" aria-label="Identity decisions" data-testid="review-list">
        {rows.slice(0, shown).map((r) => (
          <DecisionRow
            key={`${r.list}:${r.index}`}
            row={r}
            graph={graph}
            review={review}
            pendingHere={pending.items.some((i) => i.row?.list === r.list && i.row.index === r.index)}
            dispatch={dispatch}
            corrections={corrections}
          />
        ))}
      </ol>
      {rows.length === 0 && <p className="small muted">No decision matches.</p>}
      {rows.length > shown && (
        <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({rows.length - shown} more)
        </button>
      )}
      <section className="review-pending" aria-labelledby="review-pending-title">
        <h3 id="review-pending-title">Pending corrections</h3>
        {pending.items.length === 0 ? (
          <p className="small muted">None yet: Split a merge, Merge a near miss or Rename a person.</p>
        ) : (
          <ol aria-label="Pending corrections" data-testid="pending-list">
            {pending.items.map((i) => (
              <li key={i.id}>
                {i.label}{" "}
                <button type="button" className="link" onClick={() => dispatch({ type: "undo", id: i.id })} aria-label={`Undo: ${i.label}`}>
                  Undo
                </button>
              </li>
            ))}
          </ol>
        )}
        {corrected.notes.map((n) => (
          <p key={n} className="small muted">
            {n}
          </p>
        ))}
        {props.corrections && <ApplyStatus status={corrections.status} />}
        {corrections.storageNote && <p className="small muted">{corrections.storageNote}</p>}
        {props.onApply ? (
          <p>
            <button
              type="button"
              className="button"
              disabled={pending.items.length === 0}
              onClick={() => {
                const csv = corrected.csv;
                corrections.finish();
                props.onApply!(csv);
              }}
            >
              Apply and rebuild
            </button>{" "}
            <span className="small muted">Rebuilds the graph from the opened files with this thesaurus (who is who is worked out again from the records).</span>
          </p>
        ) : (
          <p className="small" data-testid="review-prebuilt-note">
            {props.corrections ? "The corrections apply at once to the graph shown, as the next build would make them, and are kept in this browser; " : "This graph was built before it was opened here: the corrections "}
            they become part of the graph at the next <code>npm run graph</code> with the exported thesaurus (save it as{" "}
            <code>thesaurus.csv</code> in the input folder, or pass <code>--thesaurus FILE</code>).
          </p>
        )}
        <div className="review-export">
          <label className="select">
            <span>Format</span>
            <select aria-label="Thesaurus format" value={format} onChange={(e) => setFormat(e.target.value as "papergraph" | "vosviewer")}>
              <option value="papergraph">thesaurus.csv (papergraph)</option>
              <option value="vosviewer">VOSviewer thesaurus</option>
            </select>
          </label>
          <button type="button" className="button" onClick={() => void exportThesaurus()}>
            Export thesaurus
          </button>
        </div>
        {exportNote && <p className="small muted">{exportNote}</p>}
      </section>
    </>
  );
}

/** What the corrections did to the graph shown: being applied (with the worker's progress), applied, or failed. */
function ApplyStatus({ status }: { status: CorrectionStatus }) {
  const n = (k: number) => `${k} correction${k === 1 ? "" : "s"}`;
  if (status.state === "applying") {
    const p = status.progress;
    const step = p ? ` (${p.step ?? p.phase}${p.total ? `: ${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")} ${p.unit}` : ""})` : "";
    return (
      <p className="small" role="status" data-testid="review-applying">
        Applying {n(status.count)} to the graph shown…{step}
      </p>
    );
  }
  if (status.state === "failed") {
    return (
      <p className="small" role="alert">
        The corrections could not be applied to the graph shown: {status.message}
      </p>
    );
  }
  if (status.state !== "applied") return null;
  return (
    <div className="small" role="status" data-testid="review-applied">
      <p>
        {n(status.count)} applied to the graph shown ({status.touched.length} {status.touched.length === 1 ? "person" : "people"} changed). Recomputed: papers per
        person, co-author links and their years, degree, PageRank, sizes, communities and their levels, research clusters
        of people. Centrality as built: betweenness (a corrected person takes the value of the person they came from);
        positions as built (a person split off is drawn beside the other).
      </p>
      {status.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
    </div>
  );
}

function DecisionRow(props: { row: ReviewRow; graph: PaperGraph; review: IdentityReview; pendingHere: boolean; dispatch: React.Dispatch<Parameters<typeof pendingReducer>[1]>; corrections: ReviewCorrections }) {
  const { row, graph, review, dispatch } = props;
  const d: IdentityDecision = row.decision;
  const isMerge = row.list === "merge";
  const ids = idKind(d);
  const title = d.sides.map((s) => s.join(" / ")).join(isMerge ? " + " : " ≠ ");
  const rowRef = { list: row.list, index: row.index };
  const titleId = useId();
  return (
    <li className="review-row" data-testid="review-row" data-list={row.list} data-keys={d.keys.join(" ")}>
      <p className="review-title" id={titleId}>
        <strong>{title}</strong> <span className="small muted">{isMerge ? "merged" : "kept apart"}</span>
        {ids && <span className="review-badge">{ids}</span>}
      </p>
      <p className="small">
        Basis: {BASIS_LABEL[d.basis]} · doubt {d.doubt.toFixed(2)}
        {d.penalty !== null && d.context !== null ? ` · context ${d.context} found, ${d.penalty} needed` : ""}
      </p>
      {d.evidence.length > 0 && (
        <ul className="review-evidence small" aria-label="Evidence">
          {d.evidence.map((e, i) => (
            <li key={i}>
              {e.text}
              {e.weight ? <span className="muted"> (+{e.weight})</span> : null}
            </li>
          ))}
        </ul>
      )}
      <div className="review-actions">
        {isMerge ? (
          <button
            type="button"
            className="button"
            aria-describedby={titleId}
            disabled={!d.correctable}
            title={d.correctable ? undefined : "Spellings equal up to case, accents, hyphens and dots, or one profile page's person: the thesaurus cannot split them"}
            onClick={() => {
              const c = splitDecision(d);
              dispatch({ type: "add", correction: c, label: describeCorrection(c), row: rowRef });
            }}
          >
            Split
          </button>
        ) : (
          <button
            type="button"
            className="button"
            aria-describedby={titleId}
            disabled={!d.correctable}
            onClick={() => {
              const c = mergeDecision(d);
              dispatch({ type: "add", correction: c, label: describeCorrection(c), row: rowRef });
            }}
          >
            Merge
          </button>
        )}
        {d.keys.map((k) => (
          <RenameControl key={k} graph={graph} review={review} personKey={k} at={`${row.list}:${row.index}`} corrections={props.corrections} />
        ))}
        {props.pendingHere && <span className="small muted">correction pending</span>}
      </div>
    </li>
  );
}

/** What a rename and a merge look names up in: the build's thesaurus, then the pending renames (a renamed person's spelling). */
function namingLines(review: IdentityReview, pending: typeof NO_PENDING): ThesaurusLine[] {
  const renames = pending.items.flatMap((i) => (i.correction.kind === "rename" ? [{ action: "rename" as const, names: [i.correction.spelling, i.correction.name] }] : []));
  return [...review.thesaurus, ...renames];
}

interface RenameProps {
  graph: PaperGraph;
  review: IdentityReview;
  personKey: string;
  /** Which of the person's Rename controls this is (a person can be on a row and selected at once). */
  at: string;
  corrections: ReviewCorrections;
}

function RenameControl(props: RenameProps) {
  const { corrections, personKey, at } = props;
  const person = personOf(props.graph, personKey);
  // Kept with the corrections: a corrected graph replacing the one shown mid-edit leaves the text being typed.
  const edit = corrections.view.rename;
  const editing = edit !== null && edit.key === personKey && edit.at === at;
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);
  if (!person) return null;
  const stop = () => corrections.setView({ rename: null });
  if (!editing) {
    return (
      <button type="button" className="button" aria-label={`Rename ${person.name}`} onClick={() => corrections.setView({ rename: { key: personKey, at, text: person.name } })}>
        Rename
      </button>
    );
  }
  return (
    <form
      className="review-rename"
      onSubmit={(e) => {
        e.preventDefault();
        const name = edit.text.trim();
        if (name && name !== person.name) {
          const c = renamePerson(person, name, namingLines(props.review, corrections.pending));
          corrections.dispatch({ type: "add", correction: c, label: describeCorrection(c) });
        }
        stop();
      }}
    >
      <label>
        <span>New name for {person.name}</span>
        <input ref={inputRef} type="text" value={edit.text} maxLength={200} onChange={(e) => corrections.setView({ rename: { ...edit, text: e.target.value } })} />
      </label>
      <button type="submit" className="button">
        Save name
      </button>
      <button type="button" className="link" onClick={stop}>
        Cancel
      </button>
    </form>
  );
}

/**
 * The author selected in the graph: rename them, or merge two people picked from the graph (pick one, select the
 * other on the canvas or by search, then merge).
 */
function SelectedActions(props: {
  graph: PaperGraph;
  review: IdentityReview;
  selected: string;
  person: PersonNames;
  picked: string | null;
  onPick: (key: string | null) => void;
  corrections: ReviewCorrections;
}) {
  const { graph, picked, corrections } = props;
  const first = picked !== null && picked !== props.selected ? personOf(graph, picked) : null;
  return (
    <div className="review-selected" aria-label="Selected person">
      <p className="small">
        Selected in the graph: <strong>{props.person.name}</strong>
      </p>
      <div className="review-actions">
        <RenameControl graph={graph} review={props.review} personKey={props.selected} at="selected" corrections={corrections} />
        {first ? (
          <>
            <button
              type="button"
              className="button"
              onClick={() => {
                const c = mergePeople([first, props.person], namingLines(props.review, corrections.pending));
                corrections.dispatch({ type: "add", correction: c, label: describeCorrection(c) });
                props.onPick(null);
              }}
            >
              Merge {first.name} with {props.person.name}
            </button>
            <button type="button" className="link" onClick={() => props.onPick(null)}>
              Forget {first.name}
            </button>
          </>
        ) : (
          <button type="button" className="button" disabled={picked === props.selected} onClick={() => props.onPick(props.selected)}>
            {picked === props.selected ? "Picked: now select the other person" : "Pick for a merge"}
          </button>
        )}
      </div>
    </div>
  );
}
