/**
 * Keeps the files a user opened in the browser's own storage (IndexedDB), so the graph built from them survives a
 * reload. Nothing is uploaded: the texts go from the file picker into this origin's database and back. The store is
 * split in two so the logic is tested without a browser: `inputStore` (what is kept, validated on the way back) over a
 * `KeyValueBackend`, whose IndexedDB implementation is exercised by the browser tests.
 */
import type { OpenedFile } from "./input-set";

/** The little of a key-value database the store needs. Every method may reject (storage blocked, quota, a bug). */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export type LoadedInputs =
  | { ok: true; files: OpenedFile[] | null }
  /** Storage could not be read, or what it held was not ours to read back; `message` says which, in words. */
  | { ok: false; message: string };

export type SaveOutcome = { ok: true } | { ok: false; message: string };

export interface InputStore {
  /** The files kept from the last session, null when none are kept. Never rejects. */
  load(): Promise<LoadedInputs>;
  /** Keep these files (replacing what was kept). Never rejects. */
  save(files: readonly OpenedFile[]): Promise<SaveOutcome>;
  /** Keep nothing. Never rejects; false when storage could not be cleared. */
  clear(): Promise<SaveOutcome>;
}

const KEY = "opened-files";
/** Bump when the stored shape changes; older records are then dropped with a message instead of misread. */
export const STORED_VERSION = 1;

interface StoredRecord {
  version: number;
  files: OpenedFile[];
}

const reason = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e));

function isOpenedFile(x: unknown): x is OpenedFile {
  return typeof x === "object" && x !== null && typeof (x as OpenedFile).name === "string" && typeof (x as OpenedFile).text === "string";
}

/** Reads back what `save` wrote; anything else (an older version, a damaged record) is refused with a reason. */
export function parseStoredRecord(value: unknown): { files: OpenedFile[] | null; problem: string | null } {
  if (value === undefined || value === null) return { files: null, problem: null };
  const rec = value as Partial<StoredRecord>;
  if (typeof rec !== "object" || rec.version !== STORED_VERSION) {
    return { files: null, problem: "the files kept in this browser were saved by another version of papergraph; open them again" };
  }
  if (!Array.isArray(rec.files) || !rec.files.every(isOpenedFile)) {
    return { files: null, problem: "the files kept in this browser are damaged; open them again" };
  }
  return { files: rec.files.length ? rec.files.map((f) => ({ name: f.name, text: f.text })) : null, problem: null };
}

export function inputStore(backend: KeyValueBackend | null): InputStore {
  const unavailable = { ok: false as const, message: "this browser offers no storage to this page (IndexedDB is unavailable)" };
  return {
    async load() {
      if (!backend) return unavailable;
      try {
        const parsed = parseStoredRecord(await backend.get(KEY));
        if (parsed.problem) {
          await backend.delete(KEY).catch(() => undefined);
          return { ok: false, message: parsed.problem };
        }
        return { ok: true, files: parsed.files };
      } catch (e) {
        return { ok: false, message: `the files kept in this browser could not be read (${reason(e)})` };
      }
    },
    async save(files) {
      if (!backend) return unavailable;
      try {
        const record: StoredRecord = { version: STORED_VERSION, files: files.map((f) => ({ name: f.name, text: f.text })) };
        await backend.set(KEY, record);
        return { ok: true };
      } catch (e) {
        return { ok: false, message: `the files could not be kept in this browser (${reason(e)}); they are shown until the page is closed` };
      }
    },
    async clear() {
      if (!backend) return { ok: true };
      try {
        await backend.delete(KEY);
        return { ok: true };
      } catch (e) {
        return { ok: false, message: `the files kept in this browser could not be removed (${reason(e)})` };
      }
    },
  };
}

/** A backend in memory (tests, and browsers without IndexedDB behave as if nothing is ever kept). */
export function memoryBackend(initial: Record<string, unknown> = {}): KeyValueBackend & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => void data.set(k, structuredClone(v)),
    delete: async (k) => void data.delete(k),
  };
}

const DB_NAME = "papergraph";
const OBJECT_STORE = "inputs";

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });

/** IndexedDB as a key-value backend: one database, one object store, out-of-line keys. */
export function indexedDbBackend(factory: IDBFactory, dbName = DB_NAME): KeyValueBackend {
  let opening: Promise<IDBDatabase> | null = null;
  const db = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      let req: IDBOpenDBRequest;
      try {
        req = factory.open(dbName, 1);
      } catch (e) {
        reject(e);
        return;
      }
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(OBJECT_STORE)) req.result.createObjectStore(OBJECT_STORE);
      };
      req.onsuccess = () => {
        const conn = req.result;
        // Another tab upgrading the database: step aside instead of blocking it.
        conn.onversionchange = () => {
          conn.close();
          opening = null;
        };
        resolve(conn);
      };
      req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
      req.onblocked = () => reject(new Error("IndexedDB is held by another tab of this page"));
    }).catch((e: unknown) => {
      opening = null;
      throw e;
    });
    return opening;
  };
  const tx = async (mode: IDBTransactionMode) => (await db()).transaction(OBJECT_STORE, mode);
  const committed = (t: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error ?? new Error("IndexedDB write failed"));
      t.onabort = () => reject(t.error ?? new Error("IndexedDB write was aborted"));
    });
  return {
    get: async (key) => done((await tx("readonly")).objectStore(OBJECT_STORE).get(key)),
    set: async (key, value) => {
      const t = await tx("readwrite");
      t.objectStore(OBJECT_STORE).put(value, key);
      await committed(t);
    },
    delete: async (key) => {
      const t = await tx("readwrite");
      t.objectStore(OBJECT_STORE).delete(key);
      await committed(t);
    },
  };
}

/** The browser's store, or one that keeps nothing where IndexedDB is missing. */
export function browserInputStore(): InputStore {
  const factory = typeof indexedDB === "undefined" ? null : indexedDB;
  return inputStore(factory ? indexedDbBackend(factory) : null);
}
