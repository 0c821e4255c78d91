/**
 * The store that keeps opened files across reloads, over an injected key-value backend (the IndexedDB backend itself
 * runs in the browser tests): round trip, what is refused on the way back, and that no failure ever rejects.
 */
import { describe, expect, it } from "vitest";
import { inputStore, memoryBackend, parseStoredRecord, STORED_VERSION, type KeyValueBackend } from "../../../src/app/data/stored-inputs";

const files = [
  { name: "library.bib", text: "@article{k, title={Dörner}}" },
  { name: "savedrecs.txt", text: "\uFEFFFN Clarivate\r\nER\r\n" },
];

const failing = (message: string): KeyValueBackend => ({
  get: () => Promise.reject(new DOMException(message, "UnknownError")),
  set: () => Promise.reject(new DOMException(message, "QuotaExceededError")),
  delete: () => Promise.reject(new Error(message)),
});

describe("inputStore", () => {
  it("keeps nothing at first, then gives back exactly the files saved (BOM and line ends included)", async () => {
    const backend = memoryBackend();
    const store = inputStore(backend);
    expect(await store.load()).toEqual({ ok: true, files: null });
    expect(await store.save(files)).toEqual({ ok: true });
    expect(await store.load()).toEqual({ ok: true, files });
    // The saved record is a copy: changing the caller's array afterwards changes nothing kept.
    const mine = [...files];
    await store.save(mine);
    mine.pop();
    expect(await store.load()).toEqual({ ok: true, files });
  });

  it("replaces what was kept on each save, and keeps nothing after clear", async () => {
    const store = inputStore(memoryBackend());
    await store.save(files);
    await store.save(files.slice(1));
    expect(await store.load()).toEqual({ ok: true, files: files.slice(1) });
    expect(await store.clear()).toEqual({ ok: true });
    expect(await store.load()).toEqual({ ok: true, files: null });
    await store.save([]);
    expect(await store.load()).toEqual({ ok: true, files: null });
  });

  it("refuses a record of another version or a damaged one, says so, and removes it", async () => {
    const old = memoryBackend({ "opened-files": { version: STORED_VERSION + 1, files } });
    const r1 = await inputStore(old).load();
    expect(r1).toEqual({ ok: false, message: expect.stringMatching(/another version of papergraph/) });
    expect(old.data.size).toBe(0);
    const damaged = memoryBackend({ "opened-files": { version: STORED_VERSION, files: [{ name: "a", text: 3 }] } });
    expect(await inputStore(damaged).load()).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
    expect(parseStoredRecord("nonsense").problem).toMatch(/another version/);
    expect(parseStoredRecord(undefined)).toEqual({ files: null, problem: null });
  });

  it("turns every backend failure into a message, never a rejection", async () => {
    const store = inputStore(failing("The operation failed for reasons unrelated to the database itself"));
    expect(await store.load()).toEqual({ ok: false, message: expect.stringMatching(/could not be read \(The operation failed/) });
    expect(await store.save(files)).toEqual({ ok: false, message: expect.stringMatching(/could not be kept in this browser .*shown until the page is closed/) });
    expect(await store.clear()).toEqual({ ok: false, message: expect.stringMatching(/could not be removed/) });
  });

  it("without storage (no IndexedDB) loads nothing and says why on save", async () => {
    const store = inputStore(null);
    expect(await store.load()).toEqual({ ok: false, message: expect.stringMatching(/unavailable/) });
    expect(await store.save(files)).toEqual({ ok: false, message: expect.stringMatching(/unavailable/) });
    expect(await store.clear()).toEqual({ ok: true });
  });
});
