/**
 * One search over authors (name + every spelling), papers (title, arXiv id, DOI, PMID) and topics (term + variants).
 * Accent- and case-insensitive (normalizeText on both sides), prefix and typo tolerant (MiniSearch), and ranked in
 * tiers so an exact match always beats a prefix match, which beats a fuzzy one; inside a tier MiniSearch's score,
 * boosted by kind and pagerank, decides, then the label and key (stable order).
 */
import MiniSearch, { type SearchOptions } from "minisearch";
import type { NodeKind } from "../../model/graph-file";
import type { PaperGraph } from "../data/types";
import { normalizeText, words } from "./normalize";
import { displayName } from "./selectors";
import { compareStrings } from "../../model/compare";

export interface SearchHit {
  key: string;
  kind: NodeKind;
  label: string;
  /** Short second line: paper year and first author, author paper count, topic paper count. */
  detail: string;
  /** 0 exact, 1 whole-field prefix, 2 every word exact, 3 every word a prefix, 4 fuzzy. */
  tier: number;
}

interface Doc {
  id: string;
  kind: NodeKind;
  label: string;
  detail: string;
  primary: string;
  alternates: string;
  pagerank: number;
  /** Folded searchable strings, for tiering. */
  folded: string[];
}

interface Built {
  mini: MiniSearch<Doc>;
  docs: Map<string, Doc>;
}

/**
 * Built lazily so it stays off the first render (a 10k-paper graph has ~24k nodes: over a second of work). In a
 * browser it is filled in idle slices right after creation; a search before it is done finishes it at once.
 */
export interface SearchIndex {
  /** The finished index (completes any remaining work synchronously). */
  get(): Built;
  /** Whether every document has been added (for tests and diagnostics). */
  ready(): boolean;
}

const KIND_BOOST: Record<NodeKind, number> = { author: 1.3, topic: 1.15, paper: 1 };

function docFor(graph: PaperGraph, key: string): Doc {
  const a = graph.getNodeAttributes(key);
  const label = displayName(a);
  let alternates: string[] = [];
  let detail: string;
  if (a.kind === "author") {
    alternates = (a.aliases ?? []).filter((s) => s !== label);
    detail = `${a.paperCount} paper${a.paperCount === 1 ? "" : "s"}`;
  } else if (a.kind === "topic") {
    alternates = (a.variants ?? []).filter((s) => s !== label);
    detail = `${a.paperCount} paper${a.paperCount === 1 ? "" : "s"}`;
  } else {
    if (a.arxivId) alternates = [a.arxivId, `arXiv:${a.arxivId}`];
    // A DOI or PMID pasted from a reference list finds its paper.
    if (typeof a.doi === "string" && a.doi) alternates.push(a.doi);
    if (typeof a.pmid === "string" && a.pmid) alternates.push(a.pmid);
    const first = a.authors[0] !== undefined && graph.hasNode(a.authors[0]) ? displayName(graph.getNodeAttributes(a.authors[0])) : null;
    detail = [a.year ?? "undated", first ? (a.authors.length > 1 || !a.authorsComplete ? `${first} et al.` : first) : null]
      .filter((x) => x !== null)
      .join(" · ");
  }
  return {
    id: key,
    kind: a.kind,
    label,
    detail,
    primary: label,
    alternates: alternates.join(" \u2022 "),
    pagerank: Number.isFinite(a.pagerank) ? a.pagerank : 0,
    folded: [label, ...alternates].map((s) => normalizeText(s).trim()),
  };
}

/** Documents added per idle batch before checking the slice's remaining time again (~10 ms on a laptop). */
const SLICE_DOCS = 200;

type IdleScheduler = (work: (deadline: { timeRemaining(): number }) => void) => void;

function browserIdle(): IdleScheduler | null {
  const g = globalThis as { requestIdleCallback?: (cb: (d: { timeRemaining(): number }) => void, o?: { timeout: number }) => number };
  return typeof g.requestIdleCallback === "function" ? (work) => g.requestIdleCallback!(work, { timeout: 2000 }) : null;
}

/**
 * `idle` schedules background slices (default: requestIdleCallback where there is one; without it nothing runs until
 * the first search); `batch` is how many documents a slice adds between deadline checks. Documents are added in key order either way, so the index is the same however it was built.
 */
export function buildSearchIndex(graph: PaperGraph, idle: IdleScheduler | null = browserIdle(), batch = SLICE_DOCS): SearchIndex {
  const mini = new MiniSearch<Doc>({
    idField: "id",
    fields: ["primary", "alternates"],
    storeFields: ["kind"],
    tokenize: (text) => words(text),
    processTerm: (term) => normalizeText(term),
  });
  const docs = new Map<string, Doc>();
  const total = graph.order;
  // Dropped once every document is in: the index then holds no reference to the graph (a worker frees its copy).
  let source: PaperGraph | null = graph;
  let keys: string[] | null = graph.nodes().sort();
  let next = 0;
  const addOne = () => {
    const doc = docFor(source!, keys![next++]!);
    docs.set(doc.id, doc);
    mini.add(doc);
    // The searchable text is in the index now; the document keeps what ranking and display read.
    doc.primary = "";
    doc.alternates = "";
    if (next >= total) source = keys = null;
  };
  const built: Built = { mini, docs };
  const slice = (deadline: { timeRemaining(): number }) => {
    // At least one batch per slice: a callback run for its timeout has no time remaining, and must still progress.
    do {
      const end = Math.min(total, next + batch);
      while (next < end) addOne();
    } while (next < total && deadline.timeRemaining() > 1);
    if (next < total) idle?.(slice);
  };
  if (idle && total > 0) idle(slice);
  return {
    get: () => {
      while (next < total) addOne();
      return built;
    },
    ready: () => next >= total,
  };
}

function tierOf(doc: Doc, q: string, qWords: string[]): number {
  const qNoPrefix = q.startsWith("arxiv:") ? q.slice(6).trim() : q;
  if (doc.folded.some((f) => f === q || f === qNoPrefix)) return 0;
  if (doc.folded.some((f) => f.startsWith(q))) return 1;
  const fieldWords = new Set(doc.folded.flatMap((f) => words(f)));
  if (qWords.every((w) => fieldWords.has(w))) return 2;
  if (qWords.every((w) => [...fieldWords].some((fw) => fw.startsWith(w)))) return 3;
  return 4;
}

/** Ranked hits for a query (empty or blank query -> none). `kinds` limits the kinds returned. */
export function searchNodes(index: SearchIndex, query: string, opts: { limit?: number; kinds?: NodeKind[] } = {}): SearchHit[] {
  const limit = opts.limit ?? 12;
  const q = normalizeText(query).replace(/\s+/g, " ").trim();
  const qWords = words(q);
  if (qWords.length === 0) return [];
  const kinds = opts.kinds ? new Set(opts.kinds) : null;
  const { mini, docs } = index.get();
  const searchOpts: SearchOptions = {
    prefix: true,
    // Typos: one edit from 4 letters, two from 7 ("Lekadri" -> "lekadir" is two edits).
    fuzzy: (term: string) => (term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0),
    boost: { primary: 2, alternates: 1 },
    boostDocument: (id: unknown) => {
      const d = docs.get(id as string);
      return d ? KIND_BOOST[d.kind] * (1 + Math.sqrt(d.pagerank)) : 1;
    },
    filter: kinds ? (r) => kinds.has(r.kind as NodeKind) : undefined,
  };
  let results = mini.search(q, { ...searchOpts, combineWith: "AND" });
  if (results.length === 0 && qWords.length > 1) results = mini.search(q, { ...searchOpts, combineWith: "OR" });
  const hits = results.map((r) => {
    const d = docs.get(r.id as string)!;
    return { hit: { key: d.id, kind: d.kind, label: d.label, detail: d.detail, tier: tierOf(d, q, qWords) }, score: r.score };
  });
  hits.sort(
    (a, b) =>
      a.hit.tier - b.hit.tier ||
      b.score - a.score ||
      compareStrings(a.hit.label, b.hit.label) ||
      (a.hit.key < b.hit.key ? -1 : 1),
  );
  return hits.slice(0, limit).map((h) => h.hit);
}
