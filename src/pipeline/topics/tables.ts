/**
 * Flat tables for the topic stage's counting: strings interned to dense ids once, counts in typed arrays indexed by
 * id, and a hash map from small tuples of ids to an id. At 10,000 papers the counting pass sees millions of term
 * occurrences over a few hundred thousand distinct terms; per-occurrence string building and Map lookups keyed by
 * strings cost most of its time and memory, integer keys in typed arrays a fraction.
 */

/** Strings to dense ids 0..size-1, in the order first seen. */
export class Interner {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.strings.length;
  }

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }

  /** The id of a string already seen, or -1. */
  find(s: string): number {
    return this.ids.get(s) ?? -1;
  }
}

/** An Int32Array that grows as it is appended to (amortised doubling). */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.length + 1);
    this.data[this.length++] = v;
  }

  /**
   * The filled part as a view, no copy: for lists read once and dropped (a copy of a list of millions is one more large
   * allocation, and at field scale every 64 MB of new typed arrays costs a full garbage collection of the build's heap).
   */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** The same for float values. */
export class FloatList {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.length + 1);
    this.data[this.length++] = v;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** A copy of `a` with room for at least `need` elements (at least double), the new part filled with `fill`. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number, fill = 0): T {
  let size = Math.max(16, a.length * 2);
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

const EMPTY = -2;

/**
 * Open-addressing hash map from a triple of ints (each >= -1; -1 for "none") to an int value (any int32), linear
 * probing, grown at half load. `get` returns MISSING for a triple not stored.
 */
export class TripleMap {
  static readonly MISSING = -0x80000000;
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(bits = 12) {
    const capacity = 1 << bits;
    this.keys = new Int32Array(capacity * 3).fill(EMPTY);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private static hash(a: number, b: number, c: number): number {
    let h = Math.imul(a ^ 0x2545f491, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13) ^ c, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  get(a: number, b: number, c: number): number {
    const keys = this.keys;
    let i = TripleMap.hash(a, b, c) & this.mask;
    for (;;) {
      const k = i * 3;
      const ka = keys[k]!;
      if (ka === EMPTY) return TripleMap.MISSING;
      if (ka === a && keys[k + 1] === b && keys[k + 2] === c) return this.values[i]!;
      i = (i + 1) & this.mask;
    }
  }

  set(a: number, b: number, c: number, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.rehash();
    const keys = this.keys;
    let i = TripleMap.hash(a, b, c) & this.mask;
    for (;;) {
      const k = i * 3;
      const ka = keys[k]!;
      if (ka === EMPTY) {
        keys[k] = a;
        keys[k + 1] = b;
        keys[k + 2] = c;
        this.values[i] = value;
        this.size++;
        return;
      }
      if (ka === a && keys[k + 1] === b && keys[k + 2] === c) {
        this.values[i] = value;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = oldValues.length * 2;
    this.keys = new Int32Array(capacity * 3).fill(EMPTY);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < oldValues.length; i++) {
      const k = i * 3;
      if (oldKeys[k] !== EMPTY) this.set(oldKeys[k]!, oldKeys[k + 1]!, oldKeys[k + 2]!, oldValues[i]!);
    }
  }
}

const HASH_BASE_1 = 0x01000193;
const HASH_BASE_2 = 0x5bd1e995;

/**
 * Two 32-bit polynomial hashes of a string, with the bases raised to its length, so that the hash of a concatenation
 * is composed from its parts' hashes without building the string (append a part with `addPart`, a string with
 * `addString`; both give the same hash for the same characters).
 */
export class ConcatHash {
  h1 = 0;
  h2 = 0;
  p1 = 1;
  p2 = 1;

  reset(): this {
    this.h1 = this.h2 = 0;
    this.p1 = this.p2 = 1;
    return this;
  }

  addString(s: string): this {
    let { h1, h2, p1, p2 } = this;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = (Math.imul(h1, HASH_BASE_1) + c) | 0;
      h2 = (Math.imul(h2, HASH_BASE_2) + c) | 0;
      p1 = Math.imul(p1, HASH_BASE_1);
      p2 = Math.imul(p2, HASH_BASE_2);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.p1 = p1;
    this.p2 = p2;
    return this;
  }

  /** Appends a part whose hashes and powers are parts[at .. at + 4) (h1, h2, p1, p2). */
  addPart(parts: Int32Array, at: number): this {
    this.h1 = (Math.imul(this.h1, parts[at + 2]!) + parts[at]!) | 0;
    this.h2 = (Math.imul(this.h2, parts[at + 3]!) + parts[at + 1]!) | 0;
    this.p1 = Math.imul(this.p1, parts[at + 2]!);
    this.p2 = Math.imul(this.p2, parts[at + 3]!);
    return this;
  }

  /** Writes h1, h2, p1, p2 to parts[at .. at + 4). */
  store(parts: Int32Array, at: number): void {
    parts[at] = this.h1;
    parts[at + 1] = this.h2;
    parts[at + 2] = this.p1;
    parts[at + 3] = this.p2;
  }
}

/** A hash as a TripleMap key: -2 is TripleMap's empty mark, so it joins another value (a collision only merges). */
export const tripleKey = (h: number): number => (h === -2 ? 0x7fffffff : h);
