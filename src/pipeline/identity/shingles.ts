/**
 * Abstract shingles for paper grouping, on typed arrays. A record's abstract becomes the set of its 5-word shingles,
 * each hashed to a 53-bit number (two independent 32-bit mixes of the word hashes); records sharing most of the
 * smaller set are candidates for one paper.
 *
 * Why not a Set<number> per record and a Map from shingle to records: 53-bit values are heap numbers, so each of the
 * ~200 shingles of an abstract was an allocation in a Set and again a key in the index, with an array per key; at
 * 100,000 records that is 20 million small objects (over a gigabyte) and most of the grouping time. Here a record's
 * shingles are one sorted Float64Array (shared by records with the same abstract), and the index is an
 * open-addressing hash table over (high, low) 32-bit halves with the postings of each shingle in one Int32Array
 * (CSR). Same shingles, same counts, same candidates as the Set and Map they replace.
 */
import { normalizeText } from "./normalize";
import { foldText } from "../../model/fold";

export const SHINGLE = 5;

function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const AND_HASH = wordHash("and");
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isAsciiLetter = (c: number) => c >= 97 && c <= 122;
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57);

/**
 * The word hashes of normalizeText(text).split(" ").filter(Boolean), computed by one scan of the folded text instead
 * of three regular-expression passes and an array of word strings: a LaTeX command (`\alpha`) separates, `&` is the
 * word "and", letters and digits (any script) make words, everything else separates.
 */
export function wordHashes(text: string): Uint32Array {
  const s = foldText(text);
  const out: number[] = [];
  const n = s.length;
  let i = 0;
  let h = 0;
  let inWord = false;
  const end = () => {
    if (inWord) out.push(h >>> 0);
    inWord = false;
  };
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (isAsciiAlnum(c)) {
        if (!inWord) {
          inWord = true;
          h = 0x811c9dc5;
        }
        h = Math.imul(h ^ c, 0x01000193);
        i++;
        continue;
      }
      end();
      if (c === 92 && i + 1 < n && isAsciiLetter(s.charCodeAt(i + 1))) {
        i++;
        while (i < n && isAsciiLetter(s.charCodeAt(i))) i++;
        continue;
      }
      if (c === 38) out.push(AND_HASH);
      i++;
      continue;
    }
    // Outside ASCII: one code point (a surrogate pair for astral letters), tested against the same classes.
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (LETTER_OR_DIGIT.test(String.fromCodePoint(cp))) {
      if (!inWord) {
        inWord = true;
        h = 0x811c9dc5;
      }
      for (let k = 0; k < width; k++) h = Math.imul(h ^ s.charCodeAt(i + k), 0x01000193);
    } else end();
    i += width;
  }
  end();
  return Uint32Array.from(out);
}

/** The reference implementation wordHashes must equal (kept for the tests). */
export function wordHashesByRegex(text: string): Uint32Array {
  return Uint32Array.from(normalizeText(text).split(" ").filter(Boolean), wordHash);
}

/** Sorted distinct 53-bit shingle values of a text. */
export function shingleValues(text: string | null): Float64Array {
  if (!text) return new Float64Array(0);
  const hs = wordHashes(text);
  const count = Math.max(0, hs.length - SHINGLE + 1);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let a = 0x9e3779b9;
    let b = 0x85ebca6b;
    for (let k = i; k < i + SHINGLE; k++) {
      a = Math.imul(a ^ hs[k]!, 0x01000193);
      b = Math.imul(b + hs[k]!, 0xc2b2ae35) ^ (b >>> 13);
    }
    values[i] = (a >>> 0) * 2_097_152 + ((b >>> 0) & 0x1fffff);
  }
  values.sort();
  let unique = 0;
  for (let i = 0; i < count; i++) if (i === 0 || values[i] !== values[i - 1]) values[unique++] = values[i]!;
  return values.slice(0, unique);
}

/**
 * Inverted index over the shingles of the records given (record -> its sorted shingle values; records not listed are
 * not indexed): for a shingle, the records holding it, ascending. Shingles held by more than maxPostings records are
 * not kept (boilerplate); `postings` returns null for them and for shingles held by one record only.
 */
export class ShingleIndex {
  private mask: number;
  private high: Uint32Array;
  private low: Uint32Array;
  private count: Int32Array;
  /** Postings of the shingle in slot s: list[start[s]..start[s + 1]). */
  readonly start: Int32Array;
  readonly list: Int32Array;

  constructor(sets: readonly Float64Array[], indexed: (record: number) => boolean, maxPostings: number) {
    let occurrences = 0;
    for (let r = 0; r < sets.length; r++) if (indexed(r)) occurrences += sets[r]!.length;
    // About half the occurrences are distinct shingles in a real export (template sentences, one paper read twice).
    let capacity = 1024;
    while (capacity < occurrences / 2) capacity *= 2;
    this.mask = capacity - 1;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.count = new Int32Array(capacity);
    let used = 0;
    // Pass 1: how many records hold each shingle.
    for (let r = 0; r < sets.length; r++) {
      if (!indexed(r)) continue;
      for (const v of sets[r]!) {
        const slot = this.slotOf(v, true);
        if (this.count[slot] === 0) {
          used++;
          if (used > capacity * 0.8) {
            this.grow();
            capacity = this.mask + 1;
            this.count[this.slotOf(v, true)]!++;
            continue;
          }
        }
        this.count[slot]!++;
      }
    }
    // Pass 2: postings, only for shingles that can make a pair and are not boilerplate.
    this.start = new Int32Array(capacity + 1);
    for (let s = 0; s < capacity; s++) {
      const c = this.count[s]!;
      this.start[s + 1] = this.start[s]! + (c >= 2 && c <= maxPostings ? c : 0);
    }
    this.list = new Int32Array(this.start[capacity]!);
    const fill = this.start.slice(0, capacity);
    for (let r = 0; r < sets.length; r++) {
      if (!indexed(r)) continue;
      for (const v of sets[r]!) {
        const slot = this.slotOf(v, false);
        if (this.start[slot + 1]! > this.start[slot]!) this.list[fill[slot]!++] = r;
      }
    }
  }

  /** The slot of value v (inserting its key when `insert`), by linear probing from a mix of its halves. */
  private slotOf(v: number, insert: boolean): number {
    const hi = Math.floor(v / 2_097_152) >>> 0;
    const lo = (v - hi * 2_097_152) >>> 0;
    let slot = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo + 0x7f4a7c15, 0x85ebca6b)) & this.mask;
    for (;;) {
      if (this.count[slot] === 0) {
        if (insert) {
          this.high[slot] = hi;
          this.low[slot] = lo;
        }
        return slot;
      }
      if (this.high[slot] === hi && this.low[slot] === lo) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { high, low, count } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.count = new Int32Array(capacity);
    for (let s = 0; s < high.length; s++) {
      if (count[s] === 0) continue;
      const slot = this.slotOf(high[s]! * 2_097_152 + low[s]!, true);
      this.count[slot] = count[s]!;
    }
  }

  /** The slot of shingle v: its postings (indexed records holding it, ascending) are list[start[slot]..start[slot + 1]). */
  slot(v: number): number {
    return this.slotOf(v, false);
  }
}
