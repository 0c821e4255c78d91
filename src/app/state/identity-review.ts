/**
 * The identity review panel's logic, pure (no DOM): which decisions a search shows, in what order; the pending
 * corrections (add, undo, clear) as a reducer; and what those corrections make of the build's thesaurus
 * (model/identity-corrections.ts) for "Export thesaurus" and "Apply".
 */
import type { IdentityDecision, IdentityReview } from "../../model/graph-file";
import { applyCorrections, foldName, thesaurusCsv, vosviewerThesaurus, type Correction, type PersonNames, type ThesaurusLine } from "../../model/identity-corrections";

export type DecisionList = "merge" | "keptApart";

export interface ReviewRow {
  list: DecisionList;
  /** Index in its list of the review (a stable id for the row). */
  index: number;
  decision: IdentityDecision;
}

/** How each basis reads in the panel. */
export const BASIS_LABEL: Record<IdentityDecision["basis"], string> = {
  variant: "same name up to case, accents, hyphens and dots",
  profile: "a profile page's person",
  "author-id": "same ORCID or author id",
  name: "names alone",
  context: "context weighed against the name difference",
  thesaurus: "thesaurus line",
  conflict: "a rule forbade it",
};

/** Whether an id (ORCID or a source's author id) decided the merge, not names or context. */
export function byAuthorId(d: IdentityDecision): boolean {
  return d.basis === "author-id";
}

/** The ORCID named in the evidence, when the id was an ORCID ("ORCID" or an ORCID-shaped id in the text). */
export function idKind(d: IdentityDecision): "ORCID" | "author id" | null {
  if (!byAuthorId(d)) return null;
  return d.evidence.some((e) => /orcid|\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b/i.test(e.text)) ? "ORCID" : "author id";
}

/** foldName, without the Unicode normalisation for plain ASCII text (most evidence), which costs most of a search. */
function fold(s: string): string {
  return /[^ -~\s]/.test(s) ? foldName(s) : s.toLowerCase().replace(/[\s.-]+/g, " ").trim();
}

/** Each decision's folded text (spellings, keys, evidence), made on its first search and kept with the decision. */
const haystacks = new WeakMap<IdentityDecision, string>();

function haystack(d: IdentityDecision): string {
  let h = haystacks.get(d);
  if (h === undefined) {
    h = fold([...d.sides.flat(), ...d.keys, ...d.evidence.map((e) => e.text)].join(" "));
    haystacks.set(d, h);
  }
  return h;
}

/**
 * The rows a search shows: every decision whose spellings, keys or evidence contain each word of the query (folded as
 * the thesaurus folds names), most doubtful first (ties: merges before near misses, then the review's own order).
 */
export function reviewRows(review: IdentityReview, query: string): ReviewRow[] {
  const words = foldName(query).split(" ").filter(Boolean);
  const rows: ReviewRow[] = [
    ...review.merges.map((decision, index) => ({ list: "merge" as const, index, decision })),
    ...review.keptApart.map((decision, index) => ({ list: "keptApart" as const, index, decision })),
  ];
  const matches = (d: IdentityDecision) => {
    if (!words.length) return true;
    const hay = haystack(d);
    return words.every((w) => hay.includes(w));
  };
  return rows
    .filter((r) => matches(r.decision))
    .sort((a, b) => b.decision.doubt - a.decision.doubt || (a.list === b.list ? a.index - b.index : a.list === "merge" ? -1 : 1));
}

export interface PendingCorrection {
  id: number;
  correction: Correction;
  /** What it does, in words ("Split Nick Byrne from Nicholas Byrne"). */
  label: string;
  /** The review row it came from, so the row can say it has a pending correction. */
  row?: { list: DecisionList; index: number };
}

export interface PendingState {
  items: PendingCorrection[];
  nextId: number;
}

export const NO_PENDING: PendingState = { items: [], nextId: 1 };

export type PendingAction =
  | { type: "add"; correction: Correction; label: string; row?: { list: DecisionList; index: number } }
  | { type: "undo"; id: number }
  | { type: "clear" };

export function pendingReducer(state: PendingState, action: PendingAction): PendingState {
  switch (action.type) {
    case "add": {
      // One pending correction per review row: a second action on the row replaces the first.
      const row = action.row;
      const kept = row ? state.items.filter((i) => !(i.row && i.row.list === row.list && i.row.index === row.index)) : state.items;
      const item: PendingCorrection = { id: state.nextId, correction: action.correction, label: action.label, ...(row ? { row } : {}) };
      return { items: [...kept, item], nextId: state.nextId + 1 };
    }
    case "undo":
      return state.items.some((i) => i.id === action.id) ? { ...state, items: state.items.filter((i) => i.id !== action.id) } : state;
    case "clear":
      return state.items.length ? { ...state, items: [] } : state;
  }
}

/** Words for a correction, as the pending list shows it. */
export function describeCorrection(c: Correction): string {
  if (c.kind === "split") return `Split ${c.sides.map((s) => s.join(" / ")).join(" from ")}`;
  if (c.kind === "merge") return `Merge ${c.names.join(" and ")}`;
  return `Rename ${c.spelling} to ${c.name}`;
}

export interface CorrectedThesaurus {
  lines: ThesaurusLine[];
  notes: string[];
  /** thesaurus.csv as the CLI reads it: the build's person lines corrected, then its topic lines. */
  csv: string;
}

/** The build's thesaurus with the pending corrections applied, as thesaurus.csv. */
export function correctedThesaurus(review: IdentityReview, pending: readonly PendingCorrection[]): CorrectedThesaurus {
  const { lines, notes } = applyCorrections(review.thesaurus, pending.map((p) => p.correction));
  return { lines, notes, csv: thesaurusCsv(lines, review.topicThesaurus) };
}

/** The same corrections in VOSviewer's thesaurus format (which cannot keep people apart: splits are counted, not written). */
export function vosviewerFile(review: IdentityReview, pending: readonly PendingCorrection[], people: readonly PersonNames[]): { text: string; leftOut: number } {
  return vosviewerThesaurus(correctedThesaurus(review, pending).lines, people);
}
