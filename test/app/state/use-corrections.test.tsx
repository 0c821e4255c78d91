// @vitest-environment jsdom
/**
 * The pending corrections above the explorer (src/app/state/use-corrections.ts) on the real seeds graph read from its
 * compact files, with the corrections run inline (the worker's code, without a Worker) and an in-memory store: a list
 * kept from an earlier visit is restored with its note and applied at once; each Split, Rename or Undo applies the whole
 * list to the graph as built; the selection follows a person whose key changed; an empty list shows the graph as built
 * again, the selection followed back; every change is kept in the store. Also the two small pure helpers (the hash rewrite, the restored note).
 */
import { act, useCallback, useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { inlineCorrections } from "../../../src/app/data/correction-runner";
import { graphFromFiles, type LoadResult } from "../../../src/app/data/load-graph";
import { graphIdentity, pendingStore } from "../../../src/app/data/pending-store";
import { memoryBackend } from "../../../src/app/data/stored-inputs";
import type { Loaded } from "../../../src/app/data/use-session";
import { describeCorrection } from "../../../src/app/state/identity-review";
import { followKeys, restoredNote, successorOf, useCorrections, type CorrectionsDeps, type ReviewCorrections } from "../../../src/app/state/use-corrections";
import { writeExplorerFiles } from "../../../src/exporters/explorer-files";
import type { Correction } from "../../../src/model/identity-corrections";
import { seedsBuild } from "../../fixtures/seeds-build";
import { mount, type Mounted } from "../panels/render";

type Shown = LoadResult & { ok: true };
let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

/** The session's part the hook uses: what is loaded, and showCorrected (as use-session.ts does it). */
function Host({ initial, deps, out }: { initial: Loaded; deps: CorrectionsDeps; out: { current: { c: ReviewCorrections; loaded: Loaded } | null } }) {
  const [loaded, setLoaded] = useState<Loaded>(initial);
  const showCorrected = useCallback((result: Shown, asBuilt: Shown | null) => {
    setLoaded((prev) => ({ result, shown: prev.shown, generation: prev.generation, ...(asBuilt ? { asBuilt } : {}) }));
  }, []);
  const c = useCorrections({ loaded, showCorrected }, deps);
  out.current = { c, loaded };
  return null;
}

async function waitUntil(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 25));
    });
  }
}

const split: Correction = { kind: "split", sides: [["Nick Byrne"], ["Nicholas Byrne"]] };
const rename: Correction = { kind: "rename", spelling: "Ilkay Oksuz", name: "İlkay Öksüz" };

describe("useCorrections", () => {
  it("restores a kept list and applies it; each change applies the whole list to the graph as built; an empty list shows it again", async () => {
    const asBuilt = graphFromFiles(writeExplorerFiles(seedsBuild().graph), "seeds") as Shown;
    const key = graphIdentity(asBuilt.graph)!;
    const backend = memoryBackend();
    const store = pendingStore(backend);
    await store.save(key, [{ id: 1, correction: split, label: describeCorrection(split) }]);
    const deps: CorrectionsDeps = { store, runner: inlineCorrections, fromFiles: async (files, source) => graphFromFiles(files, source), sourceOf: () => null };
    window.history.replaceState(null, "", `/#sel=${encodeURIComponent("a:byrne|nicholas")}`);
    const out: { current: { c: ReviewCorrections; loaded: Loaded } | null } = { current: null };
    m = mount(<Host initial={{ result: asBuilt, shown: { kind: "default", url: "./data/graph.json" }, generation: 0 }} deps={deps} out={out} />);
    const now = () => out.current!;

    // Restored with its note, then applied: Nick and Nicholas Byrne are two nodes; the selection follows Nick.
    await waitUntil("the restored split to apply", () => now().c.status.state === "applied");
    expect(now().c.restored).toBe("1 pending correction restored");
    expect(now().c.pending.items.map((i) => i.label)).toEqual(["Split Nick Byrne from Nicholas Byrne"]);
    expect((now().loaded.result as Shown).graph.order).toBe(asBuilt.graph.order + 1);
    expect(now().loaded.asBuilt).toBe(asBuilt);
    expect(new URLSearchParams(window.location.hash.slice(1)).get("sel")).toBe("a:byrne|nick");

    // Rename: the list of two is applied to the graph as built.
    await act(async () => now().c.dispatch({ type: "add", correction: rename, label: describeCorrection(rename) }));
    expect(now().c.restored).toBeNull();
    await waitUntil("split and rename", () => now().c.status.state === "applied" && (now().c.status as { count: number }).count === 2);
    const shown = () => (now().loaded.result as Shown).graph;
    expect(shown().order).toBe(asBuilt.graph.order + 1);
    expect(shown().getNodeAttribute("a:oksuz|ilkay", "label")).toBe("İlkay Öksüz");
    const kept = await store.load(key);
    expect(kept.ok && kept.state.items.map((i) => i.correction)).toEqual([split, rename]);

    // Undo the split: the rename alone, applied to the graph as built (not an inverse of the split).
    await act(async () => now().c.dispatch({ type: "undo", id: now().c.pending.items[0]!.id }));
    await waitUntil("the rename alone", () => now().c.status.state === "applied" && shown().order === asBuilt.graph.order);
    expect(shown().hasNode("a:byrne|nick")).toBe(false);
    expect(shown().getNodeAttribute("a:oksuz|ilkay", "label")).toBe("İlkay Öksüz");
    // The selection (Nick, the split's side) went back to the one person as built.
    expect(new URLSearchParams(window.location.hash.slice(1)).get("sel")).toBe("a:byrne|nicholas");

    // Undo the rename: nothing pending, the graph as built is shown again (its own object), nothing kept.
    await act(async () => now().c.dispatch({ type: "undo", id: now().c.pending.items[0]!.id }));
    await waitUntil("the graph as built", () => now().loaded.result === asBuilt);
    expect(now().loaded.asBuilt).toBeUndefined();
    expect(now().c.status.state).toBe("idle");
    const none = await store.load(key);
    expect(none.ok && none.state.items).toEqual([]);
  }, 120_000);

  it("keeps the dialog's state (open, search, picked person, a rename being typed) in one place, above the explorer", () => {
    const asBuilt = graphFromFiles(writeExplorerFiles(seedsBuild().graph), "seeds") as Shown;
    const deps: CorrectionsDeps = { store: pendingStore(null), runner: inlineCorrections, fromFiles: async (files, source) => graphFromFiles(files, source), sourceOf: () => null };
    const out: { current: { c: ReviewCorrections; loaded: Loaded } | null } = { current: null };
    m = mount(<Host initial={{ result: asBuilt, shown: { kind: "default", url: "./data/graph.json" }, generation: 0 }} deps={deps} out={out} />);
    act(() => out.current!.c.setView({ open: true, query: "byrne" }));
    act(() => out.current!.c.setView({ picked: "a:king|andrew-p" }));
    act(() => out.current!.c.setView({ rename: { key: "a:oksuz|ilkay", at: "selected", text: "İlkay" } }));
    expect(out.current!.c.view).toEqual({ open: true, query: "byrne", picked: "a:king|andrew-p", rename: { key: "a:oksuz|ilkay", at: "selected", text: "İlkay" } });
  });
});

describe("followKeys", () => {
  it("moves the selection and the path's other end where `follow` says, drops them where it says nowhere, and leaves the rest of the hash", () => {
    const hash = `#sel=${encodeURIComponent("a:byrne|nicholas")}&lens=full&path=${encodeURIComponent("a:king|andrew-p")}&cam=1,2,0.5`;
    const moves: Record<string, string | null> = { "a:byrne|nicholas": "a:byrne|nick", "a:king|andrew-p": "a:clough|james-r" };
    const moved = new URLSearchParams(followKeys(hash, (k) => moves[k] ?? k).slice(1));
    expect([moved.get("sel"), moved.get("path"), moved.get("lens"), moved.get("cam")]).toEqual(["a:byrne|nick", "a:clough|james-r", "full", "1,2,0.5"]);
    const dropped = new URLSearchParams(followKeys(hash, (k) => (k === "a:byrne|nicholas" ? null : k)).slice(1));
    expect([dropped.has("sel"), dropped.get("path"), dropped.get("lens")]).toEqual([false, "a:king|andrew-p", "full"]);
    expect(followKeys(hash, (k) => k)).toBe(hash);
    expect(followKeys("", () => "a:y")).toBe("");
  });
});

describe("successorOf", () => {
  // The seeds' split of Nicholas Byrne (apply.test.ts): Nick keeps the node's place and takes its key's successor.
  const split = { renamedKeys: { "a:byrne|nicholas": "a:byrne|nick" }, origins: { "a:byrne|nicholas": ["a:byrne|nicholas"], "a:byrne|nick": ["a:byrne|nicholas"] } };
  const corrected = new Set(["a:byrne|nick", "a:byrne|nicholas", "a:clough|james-r", "p:1"]);
  const asBuilt = new Set(["a:byrne|nicholas", "a:clough|james-r", "a:king|andrew-p", "p:1"]);
  const has = (s: Set<string>) => (k: string) => s.has(k);

  it("follows a person whose key moved, keeps a node that is still there, drops one with no successor", () => {
    expect(successorOf("a:byrne|nicholas", {}, split.renamedKeys, has(corrected))).toBe("a:byrne|nick");
    expect(successorOf("p:1", {}, split.renamedKeys, has(corrected))).toBe("p:1");
    expect(successorOf("a:gone", {}, split.renamedKeys, has(corrected))).toBeNull();
  });

  it("takes either side of an undone split back to the one person as built, and keeps a merged person's own key on undo", () => {
    expect(successorOf("a:byrne|nick", split.origins, {}, has(asBuilt))).toBe("a:byrne|nicholas");
    expect(successorOf("a:byrne|nicholas", split.origins, {}, has(asBuilt))).toBe("a:byrne|nicholas");
    const merged = { "a:clough|james-r": ["a:clough|james-r", "a:king|andrew-p"] };
    expect(successorOf("a:clough|james-r", merged, {}, has(asBuilt))).toBe("a:clough|james-r");
    // Two people as built and neither under the merged key: no one successor.
    expect(successorOf("a:x", { "a:x": ["a:clough|james-r", "a:king|andrew-p"] }, {}, has(asBuilt))).toBeNull();
  });
});

describe("restoredNote", () => {
  it("counts what came back and what could not be read back", () => {
    expect(restoredNote(3, 0)).toBe("3 pending corrections restored");
    expect(restoredNote(1, 0)).toBe("1 pending correction restored");
    expect(restoredNote(2, 1)).toBe("2 pending corrections restored; 1 kept correction could not be read back and was dropped");
    expect(restoredNote(0, 2)).toBe("2 kept corrections could not be read back and were dropped");
    expect(restoredNote(0, 0)).toBeNull();
  });
});
