/**
 * How much JavaScript heap a build will need, estimated once the records are read (before identity resolution), so
 * that a build too large for the heap it runs in stops at once with a message that names the limit and the option that
 * lifts it, instead of running for minutes and dying with V8's "heap out of memory" and a native stack trace.
 *
 * The estimate is linear in what the records hold: their text (titles, abstracts, references stay in memory until the
 * graph is written), author names on bylines, co-author pairs (an edge each in the graph, papers above the author cut
 * included, as `coauthor-large` edges) and papers (a node each, with its topic links). Coefficients are the peak heap
 * measured on the field corpus (bench/synthetic/field-corpus.ts) at 10,000 and 100,000 papers, rounded up; see the
 * README (Benchmarks, "Memory"). Pure: the caller passes the heap limit it runs under (the CLI reads V8's).
 */
import type { ParsedDocument } from "./records";

/** Bytes of peak heap per unit (measured, rounded up). */
export const HEAP_PER = {
  /** UTF-16 code unit of input text. */
  textUnit: 4,
  record: 6_000,
  authorName: 700,
  coauthorPair: 350,
  paper: 3_000,
} as const;
/** Heap the runtime and the code take before any input. */
export const HEAP_BASE = 80e6;

export interface BuildSize {
  records: number;
  authorNames: number;
  /** Distinct co-author pairs cannot be known before identity; this counts pairs per byline (an upper bound). */
  coauthorPairs: number;
  textUnits: number;
  /** Estimated peak heap in bytes. */
  heapBytes: number;
}

/** The estimate for the records read; `inputTextUnits` is the length of the input texts (UTF-16 code units). */
export function estimateBuildSize(documents: readonly ParsedDocument[], inputTextUnits: number): BuildSize {
  let records = 0;
  let authorNames = 0;
  let coauthorPairs = 0;
  for (const d of documents) {
    for (const r of d.records) {
      records++;
      const n = r.authors.length;
      authorNames += n;
      coauthorPairs += (n * (n - 1)) / 2;
    }
  }
  const heapBytes =
    HEAP_BASE +
    inputTextUnits * HEAP_PER.textUnit +
    records * (HEAP_PER.record + HEAP_PER.paper) +
    authorNames * HEAP_PER.authorName +
    coauthorPairs * HEAP_PER.coauthorPair;
  return { records, authorNames, coauthorPairs, textUnits: inputTextUnits, heapBytes };
}

/** A build the heap it runs in cannot hold; the message says how much it needs and how to give it that. */
export class BuildTooLargeError extends Error {
  constructor(
    public readonly size: BuildSize,
    public readonly heapLimitBytes: number,
  ) {
    super(tooLargeMessage(size, heapLimitBytes));
    this.name = "BuildTooLargeError";
  }
}

const gb = (bytes: number) => (bytes / 1e9).toFixed(1);
const counted = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? "" : "s"}`;
const count = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : n.toLocaleString("en-US"));

export function tooLargeMessage(size: BuildSize, heapLimitBytes: number): string {
  // Ask for the estimate plus a quarter, in whole gigabytes of megabytes, as --max-old-space-size takes them.
  const megabytes = Math.ceil((size.heapBytes * 1.25) / 1e9) * 1024;
  return (
    `this build needs about ${gb(size.heapBytes)} GB of JavaScript heap (${counted(size.records, "record")}, ` +
    `${counted(size.authorNames, "author name")}, ${counted(size.coauthorPairs, "co-author pair")} on bylines), more than the ` +
    `${gb(heapLimitBytes)} GB heap limit it runs under. Raise the limit with NODE_OPTIONS=--max-old-space-size=${megabytes} ` +
    `(megabytes; the machine needs that much free memory), or build from fewer records (one query's export at a time)`
  );
}

/** Throws BuildTooLargeError when the estimate exceeds the heap limit (no limit given: no check). */
export function checkBuildSize(size: BuildSize, heapLimitBytes: number | undefined): void {
  if (heapLimitBytes !== undefined && heapLimitBytes > 0 && size.heapBytes > heapLimitBytes) {
    throw new BuildTooLargeError(size, heapLimitBytes);
  }
}
