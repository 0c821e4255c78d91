/**
 * Refusing, before anything is read, inputs that cannot be built within the memory Node may use here. Past its heap
 * limit V8 does not throw: it aborts the process with a native stack ("FATAL ERROR: Reached heap limit"), after
 * minutes of work and with no summary (a 200 MB listing of 110,000 records did so after 3 minutes).
 *
 * The need is estimated from the total size of the input files. Measured (smallest --max-old-space-size that builds,
 * seeded synthetic corpora, see README "Memory"): profile pages 2.7 MB -> 77 MB, 13.4 MB -> 416 MB; an arXiv
 * listing 7.3 MB -> 214 MB; a trending list 7.2 MB -> 169 MB: 24 to 31 bytes of heap per byte of input. The estimate
 * takes 40 per byte plus 64 MB for the program itself, so it errs on the side of refusing.
 */
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

export const HEAP_BYTES_PER_INPUT_BYTE = 40;
export const HEAP_BASE_BYTES = 64 * 2 ** 20;

const MB = 2 ** 20;
const mb = (n: number) => `${(n / MB).toLocaleString("en-US", { maximumFractionDigits: n < 10 * MB ? 1 : 0 })} MB`;

export function estimatedHeap(inputBytes: number): number {
  return HEAP_BASE_BYTES + HEAP_BYTES_PER_INPUT_BYTE * inputBytes;
}

/**
 * null when the inputs fit; otherwise the message: the inputs' total size, the estimate, the limit, and how to raise it.
 * `limit` is V8's heap_size_limit (what --max-old-space-size sets), `machine` the physical memory.
 */
export function memoryRefusal(inputBytes: number, limit = getHeapStatistics().heap_size_limit, machine = totalmem()): string | null {
  const need = estimatedHeap(inputBytes);
  if (need <= limit) return null;
  const suggestMb = Math.ceil((need * 1.1) / MB / 256) * 256;
  const fits = suggestMb * MB < machine * 0.9;
  return (
    `the inputs total ${mb(inputBytes)}; building them needs about ${mb(need)} of memory, but Node may use ${mb(limit)} here. ` +
    (fits
      ? `Raise the limit, e.g. NODE_OPTIONS=--max-old-space-size=${suggestMb} npm run graph -- ... (in MB; this machine has ${mb(machine)}), or build fewer files at once`
      : `This machine has ${mb(machine)}, too little for these inputs at once: build fewer files at a time (or on a machine with more memory, with NODE_OPTIONS=--max-old-space-size=${suggestMb})`)
  );
}
