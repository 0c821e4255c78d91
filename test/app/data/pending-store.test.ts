/**
 * The pending identity corrections kept across reloads (src/app/data/pending-store.ts), over the in-memory key-value
 * backend (the IndexedDB one runs in the browser tests): which graph a list belongs to, the round trip, what is refused
 * on the way back (constructed: a damaged record, items of another shape), the cap on kept graphs, and that no failure
 * ever rejects. The graph identity is read from the seeds build's real compact files.
 */
import { describe, expect, it } from "vitest";
import { graphIdentity, MAX_GRAPHS, parseCorrection, parsePendingItems, pendingStore, PENDING_VERSION } from "../../../src/app/data/pending-store";
import { memoryBackend, type KeyValueBackend } from "../../../src/app/data/stored-inputs";
import type { PendingCorrection } from "../../../src/app/state/identity-review";
import { writeExplorerFiles } from "../../../src/exporters/explorer-files";
import { CompactGraph } from "../../../src/model/compact-graph";
import { seedsBuild } from "../../fixtures/seeds-build";

const split: PendingCorrection = { id: 1, correction: { kind: "split", sides: [["Nick Byrne"], ["Nicholas Byrne"]] }, label: "Split Nick Byrne from Nicholas Byrne", row: { list: "merge", index: 3 } };
const rename: PendingCorrection = { id: 2, correction: { kind: "rename", spelling: "Ilkay Oksuz", name: "İlkay Öksüz" }, label: "Rename Ilkay Oksuz to İlkay Öksüz" };

const compactOf = (files: ReturnType<typeof writeExplorerFiles>) => {
  const r = CompactGraph.fromBytes(files[0]!.bytes, () => new Uint8Array());
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.value;
};

describe("graphIdentity", () => {
  it("names a graph by its identity review and sources: the same build twice is one graph, another review another", () => {
    const graph = seedsBuild().graph;
    const a = graphIdentity(compactOf(writeExplorerFiles(graph)));
    expect(a).toMatch(/^review:[0-9a-f]{8}:\d+\|sources:[0-9a-f]{8}$/);
    expect(graphIdentity(compactOf(writeExplorerFiles(graph)))).toBe(a);
    const copy = graph.copy();
    const review = structuredClone(copy.getAttribute("identityReview"));
    review.thesaurus.push({ action: "split", names: ["Nick Byrne", "Nicholas Byrne"] });
    copy.setAttribute("identityReview", review);
    expect(graphIdentity(compactOf(writeExplorerFiles(copy)))).not.toBe(a);
    // No identity review (an older build): nothing to correct, nothing kept.
    copy.removeAttribute("identityReview");
    expect(graphIdentity(compactOf(writeExplorerFiles(copy)))).toBeNull();
  });
});

describe("parsing what was kept", () => {
  it("reads back the three kinds of correction and refuses anything else", () => {
    expect(parseCorrection(split.correction)).toEqual(split.correction);
    expect(parseCorrection({ kind: "merge", names: ["A B", "C D"] })).toEqual({ kind: "merge", names: ["A B", "C D"] });
    expect(parseCorrection(rename.correction)).toEqual(rename.correction);
    for (const bad of [null, 3, "split", { kind: "split", sides: [["A"]] }, { kind: "split", sides: [["A"], []] }, { kind: "merge", names: ["A"] }, { kind: "merge", names: ["A", 2] }, { kind: "rename", spelling: "A", name: "" }, { kind: "drop" }]) {
      expect(parseCorrection(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it("numbers the items read back from 1, keeps their rows, and counts the ones it drops", () => {
    const { state, dropped } = parsePendingItems([{ correction: split.correction, label: split.label, row: split.row }, { correction: { kind: "merge", names: ["A"] }, label: "x" }, "junk", { correction: rename.correction, label: rename.label, row: { list: "nope", index: 1 } }]);
    expect(dropped).toBe(2);
    expect(state).toEqual({ items: [{ id: 1, correction: split.correction, label: split.label, row: split.row }, { id: 2, correction: rename.correction, label: rename.label }], nextId: 3 });
    expect(parsePendingItems(undefined)).toEqual({ state: { items: [], nextId: 1 }, dropped: 0 });
  });
});

describe("pendingStore", () => {
  it("keeps a list per graph and gives it back; an empty list forgets the graph", async () => {
    const backend = memoryBackend();
    const store = pendingStore(backend);
    expect(await store.load("g1")).toEqual({ ok: true, state: { items: [], nextId: 1 }, dropped: 0 });
    expect(await store.save("g1", [split, rename])).toEqual({ ok: true });
    expect(await store.save("g2", [rename])).toEqual({ ok: true });
    const back = await store.load("g1");
    expect(back.ok && back.state.items.map((i) => i.correction)).toEqual([split.correction, rename.correction]);
    expect(back.ok && back.state.items[0]!.row).toEqual(split.row);
    await store.save("g1", []);
    expect(await store.load("g1")).toEqual({ ok: true, state: { items: [], nextId: 1 }, dropped: 0 });
    const other = await store.load("g2");
    expect(other.ok && other.state.items.length).toBe(1);
  });

  it("keeps the lists of the last MAX_GRAPHS graphs saved, most recent first", async () => {
    const backend = memoryBackend();
    const store = pendingStore(backend);
    // Saved at once, as quick clicks do: the store writes one at a time, so none is lost.
    await Promise.all(Array.from({ length: MAX_GRAPHS + 3 }, (_, i) => store.save(`g${i}`, [rename])));
    const record = backend.data.get("pending-corrections") as { version: number; graphs: { graph: string }[] };
    expect(record.version).toBe(PENDING_VERSION);
    expect(record.graphs).toHaveLength(MAX_GRAPHS);
    expect(record.graphs[0]!.graph).toBe(`g${MAX_GRAPHS + 2}`);
    const oldest = await store.load("g0");
    expect(oldest.ok && oldest.state.items).toEqual([]);
  });

  it("drops a record of another version or shape instead of misreading it", async () => {
    for (const stored of [{ version: 99, graphs: [{ graph: "g", items: [{ correction: rename.correction, label: "x" }] }] }, { version: PENDING_VERSION, graphs: "no" }, "text", [1, 2]]) {
      const store = pendingStore(memoryBackend({ "pending-corrections": stored }));
      expect(await store.load("g"), JSON.stringify(stored)).toEqual({ ok: true, state: { items: [], nextId: 1 }, dropped: 0 });
    }
  });

  it("never rejects: a storage that fails says so in words, and a browser without storage keeps nothing", async () => {
    const failing: KeyValueBackend = {
      get: () => Promise.reject(new DOMException("blocked", "SecurityError")),
      set: () => Promise.reject(new DOMException("full", "QuotaExceededError")),
      delete: () => Promise.reject(new Error("no")),
    };
    const store = pendingStore(failing);
    expect(await store.load("g")).toEqual({ ok: false, message: "the pending corrections kept in this browser could not be read (blocked)" });
    expect(await store.save("g", [split])).toEqual({ ok: false, message: "the pending corrections could not be kept in this browser (blocked); they are lost on reload" });
    const none = pendingStore(null);
    expect(await none.save("g", [split])).toEqual({ ok: true });
    expect(await none.load("g")).toEqual({ ok: true, state: { items: [], nextId: 1 }, dropped: 0 });
  });
});
