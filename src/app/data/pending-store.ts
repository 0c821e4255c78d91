/**
 * Keeps the identity review's pending corrections in the browser's own storage (the IndexedDB of stored-inputs.ts,
 * another key), per graph, so a reload finds them again. A graph is told apart by its identity review and its sources
 * (graphIdentity): the same build served again gets its corrections back, a rebuild that changed who is who starts
 * with none. One record holds the lists of the last MAX_GRAPHS graphs, most recently saved first. What comes back is
 * checked correction by correction; a damaged one is dropped and counted, never applied half-read.
 */
import { fnv1a } from "../../model/explorer-format";
import type { Correction } from "../../model/identity-corrections";
import type { PendingCorrection, PendingState } from "../state/identity-review";
import { indexedDbBackend, type KeyValueBackend } from "./stored-inputs";
import type { PaperGraph } from "./types";

const KEY = "pending-corrections";
/** Bump when the stored shape changes; older records are then dropped instead of misread. */
export const PENDING_VERSION = 1;
/** Graphs whose pending corrections are kept (an older graph's are dropped when a new one is saved). */
export const MAX_GRAPHS = 20;

interface StoredGraph {
  graph: string;
  items: unknown[];
}

interface StoredPending {
  version: number;
  graphs: StoredGraph[];
}

/**
 * What identifies a graph for its corrections: the fingerprint of its identity review file (core.bin lists it) and of
 * its sources (files, formats, records). Null when the graph has no identity review (nothing to correct).
 */
export function graphIdentity(graph: Pick<PaperGraph, "header" | "getAttributes">): string | null {
  const review = graph.header.graphFiles?.find((f) => f.attribute === "identityReview");
  if (!review) return null;
  const sources = (graph.getAttributes().sources ?? []).map((s) => [s.file, s.format, s.records]);
  return `review:${review.fnv1a}:${review.bytes}|sources:${fnv1a(new TextEncoder().encode(JSON.stringify(sources)))}`;
}

const isStrings = (v: unknown, min: number): v is string[] => Array.isArray(v) && v.length >= min && v.every((s) => typeof s === "string");

/** A correction as the panel makes them, or null. */
export function parseCorrection(v: unknown): Correction | null {
  if (typeof v !== "object" || v === null) return null;
  const c = v as Record<string, unknown>;
  if (c.kind === "split" && Array.isArray(c.sides) && c.sides.length >= 2 && c.sides.every((s) => isStrings(s, 1))) {
    return { kind: "split", sides: (c.sides as string[][]).map((s) => [...s]) };
  }
  if (c.kind === "merge" && isStrings(c.names, 2)) return { kind: "merge", names: [...c.names] };
  if (c.kind === "rename" && typeof c.spelling === "string" && typeof c.name === "string" && c.spelling && c.name) {
    return { kind: "rename", spelling: c.spelling, name: c.name };
  }
  return null;
}

/** One stored pending correction, or null when it is not one. */
function parseItem(v: unknown): Omit<PendingCorrection, "id"> | null {
  if (typeof v !== "object" || v === null) return null;
  const item = v as Record<string, unknown>;
  const correction = parseCorrection(item.correction);
  if (!correction || typeof item.label !== "string") return null;
  const row = item.row as Record<string, unknown> | undefined;
  const rowOk = row && (row.list === "merge" || row.list === "keptApart") && Number.isInteger(row.index) && (row.index as number) >= 0;
  return { correction, label: item.label, ...(rowOk ? { row: { list: row.list as "merge" | "keptApart", index: row.index as number } } : {}) };
}

/** The stored list as pending state (ids from 1), and how many stored items could not be read back. */
export function parsePendingItems(items: unknown): { state: PendingState; dropped: number } {
  const list = Array.isArray(items) ? items : [];
  const read = list.map(parseItem);
  const kept = read.filter((x): x is Omit<PendingCorrection, "id"> => x !== null).map((x, i) => ({ ...x, id: i + 1 }));
  return { state: { items: kept, nextId: kept.length + 1 }, dropped: list.length - kept.length };
}

function parseRecord(value: unknown): StoredGraph[] {
  const rec = value as Partial<StoredPending> | null | undefined;
  if (!rec || typeof rec !== "object" || rec.version !== PENDING_VERSION || !Array.isArray(rec.graphs)) return [];
  return rec.graphs.filter((g): g is StoredGraph => typeof g === "object" && g !== null && typeof g.graph === "string" && Array.isArray(g.items));
}

export type RestoredPending = { ok: true; state: PendingState; dropped: number } | { ok: false; message: string };

export interface PendingStore {
  /** The pending corrections kept for this graph (none: an empty list). Never rejects. */
  load(graph: string): Promise<RestoredPending>;
  /** Keep this graph's list (an empty list removes it). Never rejects; false with a message when it could not be kept. */
  save(graph: string, items: readonly PendingCorrection[]): Promise<{ ok: true } | { ok: false; message: string }>;
}

const reason = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e));

export function pendingStore(backend: KeyValueBackend | null): PendingStore {
  // One write at a time: a save reads the record, so two saves started together must not both read the old one.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    load: (graph) =>
      serial(async () => {
        if (!backend) return { ok: true as const, state: { items: [], nextId: 1 }, dropped: 0 };
        try {
          const found = parseRecord(await backend.get(KEY)).find((g) => g.graph === graph);
          return { ok: true as const, ...parsePendingItems(found?.items ?? []) };
        } catch (e) {
          return { ok: false as const, message: `the pending corrections kept in this browser could not be read (${reason(e)})` };
        }
      }),
    save: (graph, items) =>
      serial(async () => {
        if (!backend) return { ok: true as const };
        try {
          const others = parseRecord(await backend.get(KEY)).filter((g) => g.graph !== graph);
          const stored = items.map((i) => ({ correction: i.correction, label: i.label, ...(i.row ? { row: i.row } : {}) }));
          const graphs = (stored.length ? [{ graph, items: stored }, ...others] : others).slice(0, MAX_GRAPHS);
          const record: StoredPending = { version: PENDING_VERSION, graphs };
          await backend.set(KEY, record);
          return { ok: true as const };
        } catch (e) {
          return { ok: false as const, message: `the pending corrections could not be kept in this browser (${reason(e)}); they are lost on reload` };
        }
      }),
  };
}

/** The browser's store (the IndexedDB of the kept files), or one that keeps nothing where IndexedDB is missing. */
export function browserPendingStore(): PendingStore {
  const factory = typeof indexedDB === "undefined" ? null : indexedDB;
  return pendingStore(factory ? indexedDbBackend(factory) : null);
}
