/**
 * "Review identities" (issue 15): the build's decisions about who is who (graph attribute `identityReview`, fetched
 * when the panel first opens), every automatic merge and every near miss kept apart, most doubtful first, with search;
 * Split / Merge / Rename add pending corrections (undoable), which "Export thesaurus" writes as thesaurus.csv (or
 * VOSviewer's format) and "Apply" rebuilds from, when the graph was built here from opened files. Text is rendered by
 * React only (escaped).
 */
import { startTransition, useCallback, useDeferredValue, useEffect, useId, useMemo, useReducer, useRef, useState } from "react";
import type { AuthorNodeAttributes, IdentityDecision, IdentityReview } from "../../model/graph-file";
import { mergeDecision, mergePeople, renamePerson, splitDecision, type PersonNames } from "../../model/identity-corrections";
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
}

/** The toolbar's "Review identities" button and its dialog. */
export function ReviewMenu(props: ReviewMenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  // Pending corrections live here, so closing and reopening the dialog keeps them.
  const [pending, dispatch] = useReducer(pendingReducer, NO_PENDING);
  // The first of two people picked from the graph for a merge (the second is the selection then).
  const [picked, setPicked] = useState<string | null>(null);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault(); // before the explorer's Escape-clears-selection listener (capture phase)
        close();
      }
    };
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, [open, close]);
  return (
    <div className="open-menu">
      <DialogButton ref={buttonRef} open={open} dialogId={`${id}-dialog`} title="List who the build decided is who, and correct it" onClick={() => setOpen((o) => !o)}>
        Review identities
        {pending.items.length > 0 && <span className="small"> ({pending.items.length})</span>}
      </DialogButton>
      {open && (
        <div id={`${id}-dialog`} role="dialog" aria-label="Review identities" className="review-dialog panel" data-testid="review-panel">
          <ReviewPanel {...props} pending={pending} dispatch={dispatch} onClose={close} picked={picked} onPick={setPicked} />
        </div>
      )}
    </div>
  );
}

interface Picking {
  picked: string | null;
  onPick: (key: string | null) => void;
}

function ReviewPanel(props: ReviewMenuProps & Picking & { pending: typeof NO_PENDING; dispatch: React.Dispatch<Parameters<typeof pendingReducer>[1]>; onClose: () => void }) {
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

function ReviewBody(props: ReviewMenuProps & Picking & {
  review: IdentityReview;
  searchRef: React.RefObject<HTMLInputElement | null>;
  pending: typeof NO_PENDING;
  dispatch: React.Dispatch<Parameters<typeof pendingReducer>[1]>;
}) {
  const { graph, review, pending, dispatch } = props;
  const [query, setQuery] = useState("");
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
        <SelectedActions graph={graph} review={review} selected={props.selected!} person={selectedPerson} picked={props.picked} onPick={props.onPick} dispatch={dispatch} />
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
        {props.onApply ? (
          <p>
            <button type="button" className="button" disabled={pending.items.length === 0} onClick={() => props.onApply!(corrected.csv)}>
              Apply
            </button>{" "}
            <span className="small muted">Rebuilds the graph from the opened files with this thesaurus.</span>
          </p>
        ) : (
          <p className="small" data-testid="review-prebuilt-note">
            This graph was built before it was opened here, so the corrections cannot be applied in the browser: they
            apply at the next <code>npm run graph</code> with the exported thesaurus (save it as <code>thesaurus.csv</code> in
            the input folder, or pass <code>--thesaurus FILE</code>).
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

function DecisionRow(props: { row: ReviewRow; graph: PaperGraph; review: IdentityReview; pendingHere: boolean; dispatch: React.Dispatch<Parameters<typeof pendingReducer>[1]> }) {
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
          <RenameControl key={k} graph={graph} review={review} personKey={k} dispatch={dispatch} />
        ))}
        {props.pendingHere && <span className="small muted">correction pending</span>}
      </div>
    </li>
  );
}

function RenameControl(props: { graph: PaperGraph; review: IdentityReview; personKey: string; dispatch: React.Dispatch<Parameters<typeof pendingReducer>[1]> }) {
  const person = personOf(props.graph, props.personKey);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);
  if (!person) return null;
  if (!editing) {
    return (
      <button
        type="button"
        className="button"
        aria-label={`Rename ${person.name}`}
        onClick={() => {
          setText(person.name);
          setEditing(true);
        }}
      >
        Rename
      </button>
    );
  }
  return (
    <form
      className="review-rename"
      onSubmit={(e) => {
        e.preventDefault();
        const name = text.trim();
        if (name && name !== person.name) {
          const c = renamePerson(person, name, props.review.thesaurus);
          props.dispatch({ type: "add", correction: c, label: describeCorrection(c) });
        }
        setEditing(false);
      }}
    >
      <label>
        <span>New name for {person.name}</span>
        <input ref={inputRef} type="text" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="button">
        Save name
      </button>
      <button type="button" className="link" onClick={() => setEditing(false)}>
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
  dispatch: React.Dispatch<Parameters<typeof pendingReducer>[1]>;
}) {
  const { graph, picked } = props;
  const first = picked !== null && picked !== props.selected ? personOf(graph, picked) : null;
  return (
    <div className="review-selected" aria-label="Selected person">
      <p className="small">
        Selected in the graph: <strong>{props.person.name}</strong>
      </p>
      <div className="review-actions">
        <RenameControl graph={graph} review={props.review} personKey={props.selected} dispatch={props.dispatch} />
        {first ? (
          <>
            <button
              type="button"
              className="button"
              onClick={() => {
                const c = mergePeople([first, props.person], props.review.thesaurus);
                props.dispatch({ type: "add", correction: c, label: describeCorrection(c) });
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
